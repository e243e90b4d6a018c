// Draws a share card (share-cards.ts) on @napi-rs/canvas with the chart images' font (Noto Sans from
// npm, every Vietnamese letter), so the picture never depends on the machine's fonts. Cached between
// builds by everything that decides its pixels, as the chart images are.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage, type Canvas, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { imageFontFiles, registerFonts } from '../indicators/charts/png.ts';
import { IMAGE_FONT, ILLUSTRATIVE_LABEL } from '../indicators/charts/config.ts';
import { cachedFile } from '../fs/cached-file.ts';
import { wholePng } from '../indicators/charts/png-cache.ts';
import { encodeRgbaPng } from '../indicators/charts/png-encode.ts';
import { SHARE_HEIGHT, SHARE_WIDTH, type ShareCard } from './share-cards.ts';

const ACCENT = '#8a1c1c';
const INK = '#1a1a1a';
const MARGIN = 64;

/** Words into lines no wider than `width`, at most `max` lines, the last one ended by "…" when cut. */
function wrap(ctx: SKRSContext2D, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    const candidate = line ? `${line} ${words[i]}` : words[i]!;
    if (ctx.measureText(candidate).width <= width || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === max) {
      line = '';
      const last = lines.pop()!;
      let cut = `${last}…`;
      while (ctx.measureText(cut).width > width && cut.length > 2) cut = `${cut.slice(0, -2)}…`;
      lines.push(cut);
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One canvas for every card of a thread: a canvas's pixels live outside V8's heap, which does not
 * count them, so a thread drawing 200 cards on 200 new canvases held about 1.2 GB before collecting
 * them. Each card paints every pixel (white first) inside save()/restore(), and is drawn with no
 * await between the first stroke and the encoding, so cards never share a half-drawn canvas.
 */
let surface: { canvas: Canvas; ctx: SKRSContext2D } | undefined;

/** The card's PNG. `chartPng`: the indicator's chart image, drawn on the right half. */
export async function drawShareCard(card: ShareCard, publisher: string, chartPng?: Uint8Array): Promise<Uint8Array> {
  registerFonts();
  const image = chartPng ? await loadImage(Buffer.from(chartPng)) : undefined;
  if (!surface) {
    const canvas = createCanvas(SHARE_WIDTH, SHARE_HEIGHT);
    surface = { canvas, ctx: canvas.getContext('2d') };
  }
  const { canvas, ctx } = surface;
  ctx.save();
  let png: Uint8Array;
  try {
    png = drawOn(canvas, ctx, card, publisher, image);
  } finally {
    ctx.restore();
  }
  // The pixel copy canvas.data() made is native memory freed by a finaliser that runs once the event
  // loop turns (as for the chart images, png.ts): yield, or 200 cards hold 600 MB.
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}

function drawOn(canvas: Canvas, ctx: SKRSContext2D, card: ShareCard, publisher: string, image: Image | undefined): Uint8Array {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, SHARE_WIDTH, SHARE_HEIGHT);
  // Top band: the publisher, as on every page's header.
  ctx.fillStyle = ACCENT;
  ctx.fillRect(0, 0, SHARE_WIDTH, 84);
  ctx.fillStyle = '#ffffff';
  ctx.font = `700 30px "${IMAGE_FONT}"`;
  ctx.textBaseline = 'middle';
  ctx.fillText(wrap(ctx, publisher.toLocaleUpperCase('vi'), SHARE_WIDTH - 2 * MARGIN, 1)[0]!, MARGIN, 44);
  let y = 84;
  if (card.sample) {
    ctx.fillStyle = '#fff3cd';
    ctx.fillRect(0, y, SHARE_WIDTH, 56);
    ctx.fillStyle = '#6b4500';
    ctx.font = `700 26px "${IMAGE_FONT}"`;
    ctx.fillText(wrap(ctx, ILLUSTRATIVE_LABEL, SHARE_WIDTH - 2 * MARGIN, 1)[0]!, MARGIN, y + 28);
    y += 56;
  }
  const textWidth = image ? 470 : SHARE_WIDTH - 2 * MARGIN;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = ACCENT;
  ctx.font = `700 32px "${IMAGE_FONT}"`;
  y += 72;
  for (const line of wrap(ctx, card.kicker, textWidth, 2)) {
    ctx.fillText(line, MARGIN, y);
    y += 42;
  }
  ctx.fillStyle = INK;
  const titleSize = image ? 40 : 52;
  ctx.font = `700 ${titleSize}px "${IMAGE_FONT}"`;
  y += 16;
  const room = Math.max(1, Math.floor((SHARE_HEIGHT - y - (card.lines.length > 0 ? 60 : 20)) / (titleSize * 1.25)));
  for (const line of wrap(ctx, card.title, textWidth, Math.min(room, 5))) {
    ctx.fillText(line, MARGIN, y + titleSize * 0.25);
    y += titleSize * 1.25;
  }
  ctx.font = `400 30px "${IMAGE_FONT}"`;
  ctx.fillStyle = '#444444';
  for (const line of card.lines.slice(0, 2)) {
    y += 12;
    ctx.fillText(wrap(ctx, line, textWidth, 1)[0]!, MARGIN, y);
    y += 38;
  }
  if (image) {
    const top = card.sample ? 160 : 110;
    const width = SHARE_WIDTH - MARGIN - 560;
    const height = Math.round((width * image.height) / image.width);
    ctx.drawImage(image, 560, top + Math.max(0, Math.round((SHARE_HEIGHT - top - 30 - height) / 2)), width, Math.min(height, SHARE_HEIGHT - top - 30));
  }
  // The chart images' PNG writer (png-encode.ts: no row filter), not Skia's (a filter tried per
  // row, level 6): a card took 66 ms to encode with Skia against 17 ms, and most of the
  // cards' build time was that encoding (docs/benchmarks.md); the file is smaller too (27 against
  // 34 KB for a unit's card). Every pixel is opaque (white first), so the canvas's premultiplied
  // pixels are the plain ones PNG wants. Copied out before anything else draws on this canvas.
  // At zlib level 3, not the charts' 4: levels 1-3 are zlib's fast matcher, and a card's 3 MB of
  // pixels deflated in 4 against 10-15 ms at level 4 (20 cards, loaded machine) for 66 against 55 KB;
  // a build draws a card for every page (250 at 200 x 50), and only share previews fetch them.
  return encodeRgbaPng(canvas.data(), SHARE_WIDTH, SHARE_HEIGHT, 3);
}

let fingerprint: string | undefined;

/** What decides the pixels besides the card: this drawer, the fonts, the canvas library. */
function drawerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  // This file's source, read from the project (the build runs this code bundled, away from its source).
  hash.update(readFileSync(join(process.cwd(), 'src/lib/views/share-draw.ts')));
  hash.update(readFileSync(join(process.cwd(), 'src/lib/indicators/charts/png-encode.ts')));
  for (const file of imageFontFiles()) hash.update(readFileSync(file));
  hash.update(`zlib@${process.versions.zlib}`);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/**
 * The card's PNG from the cache folder when the same card was drawn before (same text, same chart
 * bytes, same drawer and fonts), otherwise drawn and kept there. `cacheDir` null: always drawn.
 */
export async function shareCardPng(card: ShareCard, publisher: string, chartPng: Uint8Array | undefined, cacheDir: string | null): Promise<Uint8Array> {
  const key = createHash('sha256').update(drawerFingerprint()).update(JSON.stringify({ card, publisher })).update(chartPng ?? new Uint8Array()).digest('hex');
  return cachedFile(cacheDir, key, 'png', () => drawShareCard(card, publisher, chartPng), wholePng);
}
