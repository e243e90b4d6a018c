// Builds the Pagefind index of the built site (dist/, or DIST_DIR). Each page is indexed from its
// Pagefind body plus the folded forms of the words Pagefind would miss (src/lib/search/fold-html.ts).
// The folded pages go to a temporary mirror that Pagefind indexes natively with addDirectory: the
// published HTML is not changed, and Pagefind reads files far faster than it receives them from
// Node one by one (docs/benchmarks.md).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const dist = process.env.DIST_DIR ?? 'dist';

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

const started = performance.now();
const mirror = mkdtempSync(join(tmpdir(), 'congdoan-pagefind-'));
try {
  // Folding is plain CPU work: one worker per core, each with every n-th page.
  const files = htmlFiles(dist);
  const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / 500)));
  const counts = await Promise.all(
    Array.from({ length: workers }, (_, w) => new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./pagefind-fold-worker.mjs', import.meta.url), {
        workerData: { files: files.filter((_, i) => i % workers === w), dist, mirror },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => code !== 0 && reject(new Error(`Pagefind: tiến trình gấp dấu dừng với mã ${code}.`)));
    })),
  );
  const pages = counts.reduce((a, b) => a + b, 0);
  const folded = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: mirror });
  if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  if (added.page_count !== pages) throw new Error(`Pagefind: lập chỉ mục ${added.page_count} trang, nhưng dist/ có ${pages} trang cần lập chỉ mục.`);
  const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  const seconds = (ms) => `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} s`;
  console.log(`Pagefind: đã lập chỉ mục ${pages} trang trong ${seconds(performance.now() - started)} (gấp dấu ${seconds(folded - started)}).`);
} finally {
  rmSync(mirror, { recursive: true, force: true });
}
