// Worker thread of the build: draws the chart images it is given, in order, and posts each PNG
// back as soon as it is ready, so that the build's main thread keeps writing pages meanwhile.
// Runs under Node's own type stripping (hence the .ts imports), outside the site's bundle.
import { parentPort, workerData } from 'node:worker_threads';
import type { ChartSpec } from '../data/charts.ts';
import type { ChartImageFrame } from './config.ts';
import { renderSpecPng } from './png.ts';

export interface RenderJob { path: string; spec: ChartSpec; frame: ChartImageFrame }

for (const job of (workerData as { jobs: RenderJob[] }).jobs) {
  const png = await renderSpecPng(job.spec, job.frame);
  parentPort?.postMessage({ path: job.path, png }, [png.buffer as ArrayBuffer]);
}
