// One share of the pages for scripts/pagefind.mjs. Replaces each page in dist/ with what Pagefind is
// to read of it (foldedPage: its body, folded), and a page without a Pagefind body with an empty one
// (Pagefind indexes none of those, but parsed every byte of them: the 1,000 listing pages of the
// 10,000-document benchmark), and reports how many pages it folded; on "vocabulary"
// (sent while Pagefind runs, which keeps one core busy) counts the folded words of the indexed text;
// on "restore" writes every original back byte for byte. Each reply names what it answers (`kind`).
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { foldedPage } from '../src/lib/search/fold-html.ts';
import { vocabularyCounts } from '../src/lib/search/vocabulary.ts';

/**
 * Writes `bytes` over an existing file, then cuts it to their length. Not writeFileSync: a file
 * truncated to zero and rewritten is flushed to disk on close by ext4 (auto_da_alloc). On 10,000
 * pages that made folding take 3.4 s and restoring 0.8 s; written over, 2.3 s and 0.2 s.
 */
function overwrite(file, bytes) {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, 0);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

const { files } = workerData;
const originals = new Map();
// The indexed texts and how often each occurs, for the vocabulary of suggestions.
const texts = new Map();
parentPort.on('message', (message) => {
  if (message === 'vocabulary') {
    parentPort.postMessage({ kind: 'vocabulary', vocabulary: [...vocabularyCounts(texts)] });
    texts.clear();
  } else if (message === 'restore') {
    for (const [file, bytes] of originals) overwrite(file, bytes);
    parentPort.postMessage({ kind: 'restored', restored: originals.size });
    parentPort.close();
  }
});
// Still no Pagefind body, so still not indexed, whatever the other pages have.
const NOTHING_TO_INDEX = Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
let folded = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  // Pages without a Pagefind body (lists, redirects, the search page itself) are not indexed.
  const copy = foldedPage(bytes.toString('utf8'), texts);
  originals.set(file, bytes);
  if (copy === null) {
    overwrite(file, NOTHING_TO_INDEX);
    continue;
  }
  folded += 1;
  overwrite(file, Buffer.from(copy));
}
parentPort.postMessage({ kind: 'folded', folded });
