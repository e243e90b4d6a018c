// One share of the pages for scripts/pagefind.mjs: writes each page's folded, indexable copy to
// the mirror and reports how many pages it wrote.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { indexableCopy } from '../src/lib/search/fold-html.ts';

const { files, dist, mirror } = workerData;
let pages = 0;
for (const file of files) {
  // Pages without a Pagefind body (redirects, the search page itself) are not indexed.
  const copy = indexableCopy(readFileSync(file, 'utf8'));
  if (copy === null) continue;
  const target = join(mirror, relative(dist, file));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, copy);
  pages++;
}
parentPort.postMessage(pages);
