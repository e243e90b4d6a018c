// The work of the report kit's worker thread (kit-worker.ts, started as `astro build` begins;
// src/lib/report-kit/prepared-kit.ts): makes the report kit — the chart images, every unit's Word
// draft and Excel form, then the whole's draft, which carries the charts — from the dataset and the
// documents the build read, with the very job functions the pages use (kit-jobs.ts), and sends each
// file to the build as soon as it is made. Files whose inputs did not change since an earlier build
// come from the caches between builds, as the pages' would.
// Runs under Node's own type stripping (hence the .ts imports), outside the site's bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { editionOf } from '../edition/load.ts';
import { loadDataset } from '../indicators/read.ts';
import { aggregateDataset } from '../indicators/aggregate.ts';
import { findChartImage, indicatorChartImages } from '../indicators/charts/images.ts';
import { cachedChartDrawer } from '../indicators/charts/png.ts';
import { documentSchemaFor } from '../documents/content-schemas.ts';
import { timelineOf } from '../documents/documents.ts';
import { documentFile } from '../content/paths.ts';
import { buildCacheDir } from '../fs/cached-file.ts';
import { site } from '../site/site.ts';
import { outlineBlocks } from '../report-kit/outline.ts';
import { cachedKitFile, draftJob, formInputOf, formJob, type DraftInput, type KitJob } from './kit-jobs.ts';
import { chartJobKey, claimSlot, kitKey, type KitMessage, type KitWorkerData } from '../report-kit/prepared-kit.ts';

const { root, documents: read } = workerData as KitWorkerData;
const post = (message: KitMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);

const dataset = loadDataset(root, editionOf(root));
const summaries = aggregateDataset(dataset);
// The documents as Astro's collection holds them (the same schema over the same front matter). The
// timeline sorts its entries by date and document, so the documents without a schedule, which add
// none, are not sent.
const schema = documentSchemaFor(site.vocabularies);
const documents = read.map(({ id, data }) => ({ id, data: schema.parse(data) }));
const timeline = timelineOf(documents);
const outline = documents.find((doc) => doc.id === site.outline);
if (!outline) throw new Error(`Không có ${documentFile(site.outline)}`);
const blocks = outlineBlocks(readFileSync(join(root, documentFile(site.outline)), 'utf8'));
const input = (unit: DraftInput['unit'], charts: DraftInput['charts']): DraftInput => ({ dataset, summaries, unit, timeline, site, sourceTitle: outline.data.title, charts });

const images = indicatorChartImages(dataset, summaries, { siteUrl: site.url, publisher: site.publisher });
const jobs: KitJob[] = [
  ...dataset.units.map((unit) => draftJob(root, blocks, input(unit, []))),
  ...[...dataset.units.map((u) => u.id), site.scope.slug].map((name) => formJob(root, formInputOf(dataset, name, site))),
];
// One slot a file: the charts first, then each draft and form, the whole's draft last. This thread
// runs at a low priority: a page that reaches a file it has not started makes that file itself.
const jobSlot = (index: number) => images.length + index;
const wholeSlot = jobSlot(jobs.length);
const slots = new Int32Array(new SharedArrayBuffer((wholeSlot + 1) * Int32Array.BYTES_PER_ELEMENT));
post({
  type: 'keys',
  keys: [
    ...images.map((image, slot) => ({ key: kitKey('bieu-do', chartJobKey(image)), slot })),
    ...jobs.map((job, index) => ({ key: kitKey(job.cache, job.key), slot: jobSlot(index) })),
  ],
  final: false,
  slots: slots.buffer as SharedArrayBuffer,
});

// Through the chart images' own cache, as the build's chart worker draws them (png-worker.ts).
const draw = cachedChartDrawer(buildCacheDir(root, 'bieu-do'));
const pngs = new Map<string, Uint8Array>();
for (const [slot, image] of images.entries()) {
  // A page that got there first draws it (on the build's chart worker).
  if (!claimSlot(slots, slot)) continue;
  const key = kitKey('bieu-do', chartJobKey(image));
  try {
    const png = await draw(image.spec, image.frame);
    pngs.set(image.path, png);
    // A copy: the whole's draft below still needs the bytes.
    post({ type: 'file', key, bytes: png.slice() });
  } catch {
    post({ type: 'failed', key });
  }
}

// The whole's draft is keyed by its charts' bytes: listed once they are drawn. Without every chart
// (a page drew one first, or one failed) it is left to its page, which waits for them.
const chartsOfWhole = dataset.indicators.flatMap((indicator) => {
  const image = findChartImage(images, indicator.id, 'theo-nam');
  const png = image && pngs.get(image.path);
  return image && png ? [{ image, png }] : [];
});
if (chartsOfWhole.length === dataset.indicators.length) {
  const whole = draftJob(root, blocks, input(null, chartsOfWhole));
  post({ type: 'keys', keys: [{ key: kitKey(whole.cache, whole.key), slot: wholeSlot }], final: true });
  jobs.push(whole);
} else {
  post({ type: 'keys', keys: [], final: true, left: 1 });
}

for (const [index, job] of jobs.entries()) {
  // A page that got there first makes it itself.
  if (!claimSlot(slots, jobSlot(index))) continue;
  const key = kitKey(job.cache, job.key);
  try {
    // A copy of its own to transfer: Node marks some buffers (its pool's, zlib's) as not transferable.
    const bytes = new Uint8Array(await cachedKitFile(root, job));
    post({ type: 'file', key, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch {
    post({ type: 'failed', key });
  }
}
