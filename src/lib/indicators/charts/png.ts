// Draws a Chart.js configuration into a PNG at build time: Chart.js itself on @napi-rs/canvas
// (Skia, prebuilt binary from npm; no system library). The font is registered explicitly from an npm
// package, Noto Sans (every Vietnamese letter), because the machine's own fonts may lack "Đ", "ạ",
// "ố": with no font holding a letter, Skia draws an empty box.
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title,
} from 'chart.js';
import { encodeRgbaPng } from './png-encode.ts';
import { chartCacheKey, rendererFingerprint, wholePng } from './png-cache.ts';
import { cachedFile } from '../../fs/cached-file.ts';
import { chartConfig, IMAGE_FONT, IMAGE_HEIGHT, IMAGE_WIDTH, type ChartJsConfig } from './config.ts';
import type { ChartSpec } from '../chart-specs.ts';
import type { ChartImageFrame } from './config.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Title, SubTitle);

const FONT_FILES = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
] as const;

/** Paths of the font files drawn with, resolved in node_modules (exported for the glyph test). */
export function imageFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return FONT_FILES.map((file) => require.resolve(file));
}

let fontsReady = false;

/** Registers the image font once per process (the chart images and the share cards draw with it). */
export function registerFonts(): void {
  if (fontsReady) return;
  for (const path of imageFontFiles()) {
    if (!GlobalFonts.registerFromPath(path, IMAGE_FONT)) {
      throw new Error(`Không nạp được phông chữ cho ảnh biểu đồ: ${path} (gói @expo-google-fonts/noto-sans; chạy lại npm ci)`);
    }
  }
  fontsReady = true;
}

// One canvas per size, drawn over again (Chart.js clears it first): a new 1600 × 900 canvas per chart
// is 5.8 MB of native memory that the garbage collector frees late — 27 charts took the process
// from 130 MB to 450 MB.
const canvases = new Map<string, Canvas>();

function canvasOf(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = createCanvas(width, height);
    canvases.set(key, canvas);
  }
  canvas.getContext('2d').clearRect(0, 0, width, height);
  return canvas;
}

export interface PngOptions {
  width?: number;
  height?: number;
}

/**
 * Renders a Chart.js configuration (from `chartConfig(spec, { kind: 'image', … })`) into PNG bytes.
 * The canvas size comes from `options` (default 1600 × 900); the configuration must not be responsive.
 */
export async function renderChartPng(config: ChartJsConfig, options: PngOptions = {}): Promise<Uint8Array> {
  registerFonts();
  const width = options.width ?? IMAGE_WIDTH;
  const height = options.height ?? IMAGE_HEIGHT;
  const canvas = canvasOf(width, height);
  // Chart.js uses its basic platform outside a browser: it draws on the 2D context it is given.
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
  let png: Uint8Array;
  try {
    // The configuration paints a white background: every pixel is opaque, so the canvas's
    // premultiplied pixels are the plain ones PNG wants.
    png = encodeRgbaPng(canvas.data(), width, height);
  } finally {
    chart.destroy();
  }
  // The pixel copy that canvas.data() returns is native memory, released by a finaliser that only
  // runs once the event loop turns: a loop of renders that never yields grew by 5.8 MB a chart
  // (850 MB after 150), one that yields here stays under 100 MB.
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}

/** The PNG of a chart spec with its frame: the page's chart configuration in its image medium. */
export function renderSpecPng(spec: ChartSpec, frame: ChartImageFrame): Promise<Uint8Array> {
  return renderChartPng(chartConfig(spec, { kind: 'image', ...frame }), { width: frame.width, height: frame.height });
}

/**
 * Draws chart specs through the cache between builds in `cacheDir` (png-cache.ts; null: no cache,
 * every image drawn): an image whose spec, frame and renderer did not change is read back. The
 * renderer's fingerprint (fonts, libraries) is computed once per drawer.
 */
export function cachedChartDrawer(cacheDir: string | null): (spec: ChartSpec, frame: ChartImageFrame) => Promise<Uint8Array> {
  const renderer = cacheDir ? rendererFingerprint(imageFontFiles()) : '';
  return (spec, frame) => cachedFile(cacheDir, cacheDir ? chartCacheKey(renderer, spec, frame) : '', 'png', () => renderSpecPng(spec, frame), wholePng);
}
