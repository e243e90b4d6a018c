// One share of the pages for scripts/pagefind.mjs. Replaces each page in dist/ with its folded copy
// and reports how many pages it folded and the fold cache's keys it used; on "vocabulary" (sent
// while Pagefind runs, which keeps one core busy) counts the folded words of the indexed text; on
// "restore" writes every original back byte for byte. Each reply names what it answers (`kind`).
// A page unchanged since a build that folded it is folded by the edits kept in the fold cache, its
// word counts taken from there too (src/lib/search/fold-cache.ts): a rebuild folds and counts only
// the pages that changed. The cache is written on "vocabulary", once the pages' words are counted.
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { applyEdits, foldEdits } from '../src/lib/search/fold-html.ts';
import { cachedKeys, foldKey, readFold, writeFold } from '../src/lib/search/fold-cache.ts';
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
// Folded word counts of the pages taken from the cache; the pages folded now, with their indexed
// texts (each text and how often it occurs), counted on "vocabulary".
const counts = new Map();
const add = (words) => {
  for (const [word, n] of words) counts.set(word, (counts.get(word) ?? 0) + n);
};
let uncounted = [];
parentPort.on('message', (message) => {
  if (message === 'vocabulary') {
    const count = vocabularyCounter();
    for (const { key, edits, texts } of uncounted) {
      const words = count(texts);
      if (cacheDir) writeFold(cacheDir, key, edits, words);
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
const keys = [];
const present = cacheDir ? cachedKeys(cacheDir) : new Set();
for (const file of files) {
  const bytes = readFileSync(file);
  const html = bytes.toString('utf8');
  const key = cacheDir ? foldKey(fingerprint, bytes) : '';
  keys.push(key);
  const cached = present.has(key) ? readFold(cacheDir, key) : undefined;
  let edits;
  if (cached) {
    edits = cached.edits;
    add(cached.words);
  } else {
    const texts = new Map();
    edits = foldEdits(html, texts);
    uncounted.push({ key, edits, texts });
  }
  // Pages without a Pagefind body (redirects, the search page itself) are not indexed.
  if (edits === null) continue;
  originals.set(file, bytes);
  overwrite(file, Buffer.from(applyEdits(html, edits)));
}
parentPort.postMessage({ kind: 'folded', folded: originals.size, keys });
