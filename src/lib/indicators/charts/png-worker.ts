// Worker thread of the build: draws the chart images it is given, in order, and posts each PNG
// back as soon as it is ready, so that the build's main thread keeps writing pages meanwhile.
// Images whose inputs did not change since an earlier build come from the cache (png-cache.ts).
// Runs under Node's own type stripping (hence the .ts imports), outside the site's bundle.
import { parentPort, workerData } from 'node:worker_threads';
import type { ChartSpec } from '../chart-specs.ts';
import type { ChartImageFrame } from './config.ts';
import { cachedChartDrawer } from './png.ts';

export interface RenderJob { path: string; spec: ChartSpec; frame: ChartImageFrame }

const { jobs, cacheDir } = workerData as { jobs: RenderJob[]; cacheDir: string | null };
const draw = cachedChartDrawer(cacheDir);
for (const job of jobs) {
  const png = await draw(job.spec, job.frame);
  // Transfer the bytes without copying; a view into a larger buffer is copied out first.
  const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? png : png.slice();
  parentPort?.postMessage({ path: job.path, png: own }, [own.buffer as ArrayBuffer]);
}
