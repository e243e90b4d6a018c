// The icons of the installed site (web app manifest): a page of an official document, white on the
// site's accent colour, drawn at build time on @napi-rs/canvas as the chart and share images are.
// No letters, so no edition's name is written into the code and no font is needed. Two shapes:
// "any" (a rounded square, shown as it is) and "maskable" (the colour to every edge, the page
// inside the central circle of 80 % that every platform's mask keeps).
import { createCanvas } from '@napi-rs/canvas';

export const APP_ICON_SIZES = [192, 512] as const;
export type IconPurpose = 'any' | 'maskable';

export interface AppIcon {
  /** File name without ".png" (routes.appIcon). */
  name: string;
  size: (typeof APP_ICON_SIZES)[number];
  purpose: IconPurpose;
}

/** Every icon the manifest lists: each size, in both shapes. */
export const APP_ICONS: readonly AppIcon[] = APP_ICON_SIZES.flatMap((size) => [
  { name: `app-${size}`, size, purpose: 'any' as const },
  { name: `app-${size}-maskable`, size, purpose: 'maskable' as const },
]);

/** The page's height as a share of the icon: within the maskable safe circle (radius 40 %) with room to spare. */
export const PAGE_HEIGHT = { any: 0.66, maskable: 0.56 } as const;

export function drawAppIcon(icon: AppIcon, accent: string): Uint8Array {
  const s = icon.size;
  const canvas = createCanvas(s, s);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = accent;
  if (icon.purpose === 'maskable') ctx.fillRect(0, 0, s, s);
  else {
    ctx.beginPath();
    ctx.roundRect(0, 0, s, s, s * 0.18);
    ctx.fill();
  }
  // The page: height h, width 0.74 h, a folded top-right corner, five lines of text.
  const h = s * PAGE_HEIGHT[icon.purpose];
  const w = h * 0.74;
  const x = (s - w) / 2;
  const y = (s - h) / 2;
  const fold = w * 0.26;
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w - fold, y);
  ctx.lineTo(x + w, y + fold);
  ctx.lineTo(x + w, y + h);
  ctx.lineTo(x, y + h);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#e8c9c9';
  ctx.beginPath();
  ctx.moveTo(x + w - fold, y);
  ctx.lineTo(x + w - fold, y + fold);
  ctx.lineTo(x + w, y + fold);
  ctx.closePath();
  ctx.fill();
  const line = Math.max(2, Math.round(h * 0.05));
  const left = x + w * 0.16;
  const widths = [0.46, 0.68, 0.68, 0.68, 0.44];
  widths.forEach((share, i) => {
    ctx.fillStyle = i === 0 ? accent : '#5a5a5a';
    ctx.fillRect(left, y + h * (0.3 + i * 0.13), w * share, line);
  });
  return new Uint8Array(canvas.toBuffer('image/png'));
}
