// The web app manifest and its icons (src/lib/site/web-manifest.ts, app-icon.ts): names from the
// edition file, the icons 192 and 512 px PNGs drawn at build time, the maskable ones with their
// drawing inside the safe circle; every page links the manifest and names the theme colour.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { parse } from 'node-html-parser';
import { APP_ICONS, drawAppIcon } from '../src/lib/site/app-icon';
import { THEME_COLOR, webManifest } from '../src/lib/site/web-manifest';
import { loadEdition } from '../src/lib/edition/load';
import { htmlFiles } from './helpers/dist';

const DIST = process.env.DIST_DIR ?? 'dist';
const png = (bytes: Uint8Array) => ({ signature: Buffer.from(bytes).subarray(0, 8).toString('hex'), width: Buffer.from(bytes).readUInt32BE(16), height: Buffer.from(bytes).readUInt32BE(20) });

async function pixels(bytes: Uint8Array) {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { size: image.width, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

describe('the manifest', () => {
  const built = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  const edition = loadEdition();

  test('names from the edition file, Vietnamese, installable (start, scope, display, icons 192 and 512)', () => {
    expect(built).toEqual(webManifest({ name: edition.review.title, shortName: edition.review.shortTitle, description: edition.review.description }));
    expect(built).toMatchObject({ name: edition.review.title, short_name: edition.review.shortTitle, lang: 'vi', start_url: '/', scope: '/', display: 'standalone', theme_color: THEME_COLOR });
    const sizes = built.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
  });

  test('each icon is a PNG of its size, as the manifest says', () => {
    for (const icon of built.icons as { src: string; sizes: string; type: string }[]) {
      const bytes = readFileSync(join(DIST, icon.src));
      const { signature, width, height } = png(bytes);
      expect(signature, icon.src).toBe('89504e470d0a1a0a');
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      expect(icon.type).toBe('image/png');
    }
  });

  test('every page links the manifest and sets the theme colour', () => {
    for (const file of htmlFiles(DIST)) {
      const root = parse(readFileSync(join(DIST, file), 'utf8'));
      expect(root.querySelector('link[rel="manifest"]')?.getAttribute('href'), file).toBe('/manifest.webmanifest');
      expect(root.querySelector('meta[name="theme-color"]')?.getAttribute('content'), file).toBe(THEME_COLOR);
    }
  });
});

describe('the icons', () => {
  test('maskable: the colour to every edge, the drawing inside the central circle of 80 % (what a mask keeps)', async () => {
    for (const icon of APP_ICONS.filter((i) => i.purpose === 'maskable')) {
      const { size, data } = await pixels(drawAppIcon(icon, THEME_COLOR));
      let outside = 0;
      let drawn = 0;
      for (let y = 0; y < size; y += 1) {
        for (let x = 0; x < size; x += 1) {
          const i = (y * size + x) * 4;
          expect(data[i + 3]).toBe(255);
          const background = data[i] === 0x8b && data[i + 1] === 0x1a && data[i + 2] === 0x1a;
          if (background) continue;
          drawn += 1;
          if (Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) > size * 0.4) outside += 1;
        }
      }
      expect(drawn, icon.name).toBeGreaterThan(size * size * 0.1);
      expect(outside, icon.name).toBe(0);
    }
  });

  test('any: a rounded square, transparent corners', async () => {
    const { size, data } = await pixels(drawAppIcon(APP_ICONS.find((i) => i.purpose === 'any' && i.size === 512)!, THEME_COLOR));
    expect(data[3]).toBe(0);
    expect(data[((size / 2) * size + 4) * 4 + 3]).toBe(255);
  });
});
