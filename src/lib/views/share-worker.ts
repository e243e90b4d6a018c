// Worker thread of the build: draws the share cards, in order, and posts each PNG back as soon as it
// is ready, so that on a two-core machine the cards are drawn while the main thread writes the pages
// (200 units' cards took about 13 s of the main thread's time, docs/benchmarks.md). First the cards
// without a chart (home, documents, units); then each indicator's card, as its chart image arrives
// from the main thread (drawn by the chart worker): one message per chart card, `chart` null when
// that chart failed (the route reports it). Drawing the indicators' cards here too keeps their chart
// decoding and pixel copies (about 9 MB each, outside V8's heap) off the main thread, whose large heap
// they made collect again and again. Unchanged cards come from the cache (shareCardPng).
// Runs under Node's own type stripping (hence the .ts imports), outside the site's bundle.
import { parentPort, workerData } from 'node:worker_threads';
import { shareCardPng } from './share-draw.ts';
import type { ShareCard } from './share-cards.ts';

const { cards, chartCards = [], publisher, cacheDir } = workerData as { cards: ShareCard[]; chartCards?: ShareCard[]; publisher: string; cacheDir: string | null };

const arrived: { path: string; chart: Uint8Array | null }[] = [];
let wake: (() => void) | undefined;
parentPort?.on('message', (message: { path: string; chart: Uint8Array | null }) => {
  arrived.push(message);
  wake?.();
});

function send(path: string, png: Uint8Array): void {
  // Transfer the bytes without copying; a view into a larger buffer is copied out first.
  const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? png : png.slice();
  parentPort?.postMessage({ path, png: own }, [own.buffer as ArrayBuffer]);
}

for (const card of cards) send(card.path, await shareCardPng(card, publisher, undefined, cacheDir));
const chartCardByPath = new Map(chartCards.map((card) => [card.path, card]));
for (let left = chartCardByPath.size; left > 0; left -= 1) {
  while (arrived.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
  const { path, chart } = arrived.shift()!;
  const card = chartCardByPath.get(path);
  if (card && chart) send(path, await shareCardPng(card, publisher, chart, cacheDir));
}
// Every card sent: let the thread end.
parentPort?.close();
