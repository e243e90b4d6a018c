// Builds the Pagefind index of the built site (dist/, or DIST_DIR). Each page is indexed from its
// Pagefind body plus the folded forms of the words Pagefind would miss (src/lib/search/fold-html.ts).
//
// What Pagefind is to read of each page (its body, folded, in a page of its own) is written over
// the page in dist/ while Pagefind reads the directory natively, then the originals are written
// back, so the published HTML is unchanged (tested).
// A separate copy of the site cost 10,000 new files and their deletion, which on the benchmark
// machine took longer than the folding itself (docs/benchmarks.md).
//
// `npm run build` runs this on its new folder (scripts/build.mjs): a failure here is reported in
// Vietnamese and leaves dist/ as it was. Pagefind's own output (English, and a Rust backtrace when
// it panics) is shown only with SOKET_DEBUG=1.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { writeFileAtomic } from '../src/lib/fs/write-atomic.ts';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VOCABULARY_FILE } from '../src/lib/search/suggest.ts';
import { vocabularyOf } from '../src/lib/search/vocabulary.ts';

const dist = process.env.DIST_DIR ?? 'dist';

/** Pagefind's panics carry the operating system's error kind; said in Vietnamese for the editor. */
const OS_ERRORS = {
  AlreadyExists: 'trang dựng đã có một tệp tên "pagefind", đúng chỗ Pagefind cần tạo thư mục chỉ mục (thường do tệp public/pagefind: hãy đổi tên hoặc xoá tệp đó)',
  NotADirectory: 'trang dựng đã có một tệp tên "pagefind", đúng chỗ Pagefind cần tạo thư mục chỉ mục (thường do tệp public/pagefind: hãy đổi tên hoặc xoá tệp đó)',
  PermissionDenied: 'không có quyền ghi vào thư mục dựng',
  StorageFull: 'đĩa đã đầy',
  QuotaExceeded: 'đã vượt hạn mức dung lượng đĩa',
  NotFound: 'không tìm thấy một tệp Pagefind cần đọc',
};

class IndexError extends Error {}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The next message of this kind a worker sends (other kinds are left to their own listener), or its failure. */
function reply(worker, kind) {
  return new Promise((resolve, reject) => {
    const onError = (error) => done(reject, error);
    const onExit = (code) => done(reject, new IndexError(`Pagefind: tiến trình gấp dấu dừng với mã ${code}.`));
    const onMessage = (message) => { if (message?.kind === kind) done(resolve, message); };
    const done = (settle, value) => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.off('message', onMessage);
      settle(value);
    };
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.on('message', onMessage);
  });
}

const started = performance.now();
const files = htmlFiles(dist);
// Folding is plain CPU work: one worker per core, each with every n-th page.
const count = Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / 500)));
const workers = Array.from({ length: count }, (_, w) =>
  new Worker(new URL('./pagefind-fold-worker.mjs', import.meta.url), { workerData: { files: files.filter((_, i) => i % count === w) } }),
);
const folding = workers.map((worker) => reply(worker, 'folded'));
// A worker that stopped (it failed) can no longer restore, nor be waited for.
const running = new Set(workers);
for (const worker of workers) worker.once('exit', () => running.delete(worker));
try {
  const messages = await Promise.all(folding);
  const pages = messages.reduce((sum, message) => sum + message.folded, 0);
  const folded = performance.now();
  // The command-line indexer, not the Node API: when Pagefind fails (it panics on some write errors),
  // the command exits with an error, where the API's promise never settles and the build would hang.
  // The package exports only its API; its command sits next to it (package.json "bin").
  const pagefindBin = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));
  let output = '';
  const exited = new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pagefindBin, '--site', dist, '--output-path', join(dist, 'pagefind'), '--force-language', 'vi', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? signal));
  });
  // The workers count the vocabulary while Pagefind indexes (on one core, for the most part).
  const vocabularies = Promise.all(workers.map((worker) => {
    const answer = reply(worker, 'vocabulary');
    worker.postMessage('vocabulary');
    return answer;
  }));
  vocabularies.catch(() => {});
  const status = await exited;
  if (process.env.SOKET_DEBUG === '1' && output) process.stderr.write(output);
  if (status !== 0) {
    const kind = /kind: (\w+)/.exec(output)?.[1];
    const reason = OS_ERRORS[kind] ?? (/No space left/i.test(output) ? OS_ERRORS.StorageFull : 'Pagefind dừng giữa chừng (chạy lại với SOKET_DEBUG=1 để xem thông báo gốc)');
    throw new IndexError(`Pagefind: lập chỉ mục không thành công (mã ${status}): ${reason}.`);
  }
  // Pagefind reads every page and keeps those with a Pagefind body: the index must hold exactly those.
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (indexed !== pages) throw new IndexError(`Pagefind: chỉ mục có ${indexed} trang, nhưng dist/ có ${pages} trang cần lập chỉ mục.`);
  const counts = new Map();
  for (const message of await vocabularies) for (const [word, n] of message.vocabulary) counts.set(word, (counts.get(word) ?? 0) + n);
  // Written after Pagefind, which owns its output folder; temp file, fsync, rename.
  writeFileAtomic(join(dist, 'pagefind', VOCABULARY_FILE), JSON.stringify(vocabularyOf(counts)));
  const seconds = (ms) => `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} s`;
  console.log(`Pagefind: đã lập chỉ mục ${pages} trang trong ${seconds(performance.now() - started)} (gấp dấu ${seconds(folded - started)}).`);
} catch (error) {
  // A worker's failure (an unreadable page) or Pagefind's: one Vietnamese line, no stack.
  const text = error instanceof IndexError ? error.message : `Pagefind: gấp dấu các trang không thành công (${error?.code ?? 'lỗi không rõ'}).`;
  if (process.env.SOKET_DEBUG === '1') console.error(error);
  console.error(text);
  process.exitCode = 1;
} finally {
  // Every worker writes its originals back, whether or not indexing succeeded.
  await Promise.allSettled(folding);
  await Promise.all([...running].map(async (worker) => {
    const restored = reply(worker, 'restored').catch(() => undefined);
    worker.postMessage('restore');
    await restored;
  }));
}
