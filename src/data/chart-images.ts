// The chart images of this build: the list from src/lib/indicators/charts/images.ts over the validated
// dataset, each PNG drawn once per build (the PNG route and the Word drafts share it). The drawing
// runs off the main thread, so that on a two-core machine the images are drawn while it writes
// pages: in the report kit's worker, started as the build begins (src/lib/report-kit/prepared-kit.ts),
// or else in a worker of its own started by the build's first page; unchanged images come from the
// cache in node_modules/.cache/congdoan-soket/bieu-do (src/lib/indicators/charts/png-cache.ts).
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { findChartImage, indicatorChartImages, type ChartImage } from '../lib/indicators/charts/images.ts';
import { buildCacheDir } from '../lib/fs/cached-file.ts';
import { site } from '../lib/site/site.ts';
import { chartJobKey, preparedFile } from '../lib/report-kit/prepared-kit.ts';
import { indicatorData } from './indicators.ts';

let images: ChartImage[] | undefined;
let rendered: Map<string, Promise<Uint8Array>> | undefined;

/** Every indicator chart's image: path, file name, spec and frame. */
export function chartImages(): ChartImage[] {
  if (images) return images;
  const { dataset, summaries } = indicatorData();
  images = indicatorChartImages(dataset, summaries, { siteUrl: import.meta.env.SITE ?? '', publisher: site.publisher });
  return images;
}

export function chartImage(indicatorId: string, chartId: string): ChartImage {
  const found = findChartImage(chartImages(), indicatorId, chartId);
  if (!found) throw new Error(`Không có biểu đồ "${chartId}" của chỉ tiêu "${indicatorId}"`);
  return found;
}

/**
 * Every chart image's PNG, once per build: the one the report kit's worker drew ahead
 * (src/lib/report-kit/prepared-kit.ts) when it did, otherwise drawn in a worker thread of its own,
 * started the first time an image is missing; later calls return the same promises.
 */
export function startChartImages(): Map<string, Promise<Uint8Array>> {
  if (rendered) return rendered;
  const list = chartImages();
  let own: Map<string, Promise<Uint8Array>> | undefined;
  const drawn = (path: string) => (own ??= drawInWorker(list)).get(path)!;
  rendered = new Map(list.map((image) => {
    const png = preparedFile('bieu-do', chartJobKey(image)).then((prepared) => prepared ?? drawn(image.path));
    // A failure is reported by the route that awaits it; an image nobody awaits must not crash the build.
    png.catch(() => undefined);
    return [image.path, png] as const;
  }));
  return rendered;
}

/** Draws `list` in a worker thread, each PNG's promise settled as soon as it is ready. */
function drawInWorker(list: ChartImage[]): Map<string, Promise<Uint8Array>> {
  const waiting = new Map<string, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  const started = new Map(list.map((image) => {
    const png = new Promise<Uint8Array>((resolve, reject) => waiting.set(image.path, { resolve, reject }));
    png.catch(() => undefined);
    return [image.path, png] as const;
  }));
  const failAll = (reason: string) => {
    for (const [path, pending] of waiting) pending.reject(new Error(`Không vẽ được ảnh biểu đồ ${path}: ${reason}`));
    waiting.clear();
  };
  // The worker is a source file run by Node itself: the build runs in the project folder.
  const worker = new Worker(new URL('src/lib/indicators/charts/png-worker.ts', pathToFileURL(`${process.cwd()}/`)), {
    workerData: { jobs: list.map(({ path, spec, frame }) => ({ path, spec, frame })), cacheDir: buildCacheDir(process.cwd(), 'bieu-do') },
  });
  worker.on('message', ({ path, png }: { path: string; png: Uint8Array }) => {
    waiting.get(path)?.resolve(png);
    waiting.delete(path);
  });
  worker.on('error', (error) => failAll(error.message));
  worker.on('exit', (code) => failAll(`luồng vẽ dừng trước khi xong (mã ${code})`));
  return started;
}

/**
 * The PNG of an indicator page's chart (`chartId`: theo-nam, luy-ke, theo-don-vi), exactly the
 * bytes published at `chartImage(…).path`.
 */
export function chartImagePng(indicatorId: string, chartId: string): Promise<Uint8Array> {
  const image = chartImage(indicatorId, chartId);
  const png = startChartImages().get(image.path);
  if (!png) throw new Error(`Không có ảnh biểu đồ ${image.path}`);
  return png;
}
