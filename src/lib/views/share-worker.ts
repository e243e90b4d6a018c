// Worker thread of the build: draws the share cards that show no chart (home, documents, units), in
// order, and posts each PNG back as soon as it is ready, so that on a two-core machine the cards are
// drawn while the main thread writes the pages (200 units' cards took about 13 s of the main
// thread's time, docs/benchmarks.md). Cards of indicators wait for their chart and are drawn on the
// main thread (src/data/share-images.ts). Unchanged cards come from the cache (shareCardPng).
// Runs under Node's own type stripping (hence the .ts imports), outside the site's bundle.
import { parentPort, workerData } from 'node:worker_threads';
import { shareCardPng } from './share-draw.ts';
import type { ShareCard } from './share-cards.ts';

const { cards, publisher, cacheDir } = workerData as { cards: ShareCard[]; publisher: string; cacheDir: string | null };
for (const card of cards) {
  const png = await shareCardPng(card, publisher, undefined, cacheDir);
  // Transfer the bytes without copying; a view into a larger buffer is copied out first.
  const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? png : png.slice();
  parentPort?.postMessage({ path: card.path, png: own }, [own.buffer as ArrayBuffer]);
}
