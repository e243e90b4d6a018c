// One share of the pages for scripts/pagefind.mjs. Replaces each page in dist/ with its folded copy
// and reports how many pages it folded and the fold cache's keys it used; on "vocabulary" (sent
// while Pagefind runs, which keeps one core busy) counts the folded words of the indexed text; on
// "restore" writes every original back byte for byte. Each reply names what it answers (`kind`).
// A page unchanged since a build that folded it comes from the fold cache, its word counts too
// (src/lib/search/fold-cache.ts): a rebuild folds and counts only the pages that changed.
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { foldKey, foldPage, pageWith, readFold, writeFoldedBody, writeFoldedWords } from '../src/lib/search/fold-cache.ts';
import { vocabularyCounter } from '../src/lib/search/vocabulary.ts';

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

const { files, cacheDir, fingerprint } = workerData;
const originals = new Map();
// Folded word counts of the pages taken from the cache, and the indexed texts (each text and how
// often it occurs) of each page folded now, counted on "vocabulary".
const counts = new Map();
const add = (words) => {
  for (const [word, n] of words) counts.set(word, (counts.get(word) ?? 0) + n);
};
let uncounted = [];
parentPort.on('message', (message) => {
  if (message === 'vocabulary') {
    const count = vocabularyCounter();
    for (const { key, texts } of uncounted) {
      const words = count(texts);
      if (cacheDir) writeFoldedWords(cacheDir, key, words);
      add(words);
    }
    uncounted = [];
    parentPort.postMessage({ kind: 'vocabulary', vocabulary: [...counts] });
    counts.clear();
  } else if (message === 'restore') {
    for (const [file, bytes] of originals) overwrite(file, bytes);
    parentPort.postMessage({ kind: 'restored', restored: originals.size });
    parentPort.close();
  }
});
// The BOM kept, as Buffer#toString keeps it: the page is folded exactly as read.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const keys = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const html = decoder.decode(bytes);
  const key = fingerprint ? foldKey(fingerprint, bytes) : '';
  keys.push(key);
  const cached = cacheDir ? readFold(cacheDir, key) : undefined;
  let body;
  if (cached) {
    body = cached.body;
    add(cached.words);
  } else {
    const texts = new Map();
    body = foldPage(html, texts);
    if (cacheDir) writeFoldedBody(cacheDir, key, body);
    uncounted.push({ key, texts });
  }
  // Pages without a Pagefind body (redirects, the search page itself) are not indexed.
  if (body === null) continue;
  originals.set(file, bytes);
  overwrite(file, Buffer.from(pageWith(html, body)));
}
parentPort.postMessage({ kind: 'folded', folded: originals.size, keys });
