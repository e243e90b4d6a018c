// One share of the pages for scripts/pagefind.mjs. Replaces each page in dist/ with its folded copy,
// reports how many pages it folded, and on "restore" writes every original back byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { foldedPage } from '../src/lib/search/fold-html.ts';

const { files } = workerData;
const originals = new Map();
parentPort.on('message', (message) => {
  if (message !== 'restore') return;
  for (const [file, bytes] of originals) writeFileSync(file, bytes);
  parentPort.postMessage({ restored: originals.size });
  parentPort.close();
});
for (const file of files) {
  const bytes = readFileSync(file);
  // Pages without a Pagefind body (redirects, the search page itself) are not indexed.
  const copy = foldedPage(bytes.toString('utf8'));
  if (copy === null) continue;
  originals.set(file, bytes);
  writeFileSync(file, copy);
}
parentPort.postMessage({ folded: originals.size });
