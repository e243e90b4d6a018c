// The report kit made ahead in a worker thread (src/lib/report-kit/prepared-kit.ts,
// src/lib/prepare/kit-worker.ts): a page takes the worker's file when the worker listed its key and
// made it, makes its own when the worker had not started it (and the worker then skips it: each file
// is made once), when the key was never listed, or when the worker failed or died; a page never
// waits on a worker that is gone, nor for long on one that never finishes its list, nor at all on
// one that has listed nothing yet (it is stopped). The real worker, run on this project at a low
// priority, lists and sends every chart, draft and form, and its files are the very ones the pages'
// own jobs make (src/lib/prepare/kit-jobs.ts); a chart a page claimed first is left to the page. A
// worker that breaks is told apart from a slow one, and a build whose worker breaks still succeeds.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { SpawnSyncReturns } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { kitKey, preparedCounts, preparedFile, preparedListing, SLOT, startPreparedKit, type KitMessage } from '../src/lib/report-kit/prepared-kit.ts';
import { HEAD_START_NICE } from '../src/lib/prepare/thread-priority.ts';
import { draftJob, formInputOf, formJob } from '../src/lib/prepare/kit-jobs.ts';
import { readContent } from '../src/lib/gateway/content.ts';
import { aggregateDataset } from '../src/lib/indicators/aggregate.ts';
import { documentSchemaFor } from '../src/lib/documents/content-schemas.ts';
import { timelineOf } from '../src/lib/documents/documents.ts';
import { outlineBlocks } from '../src/lib/report-kit/outline.ts';
import { site } from '../src/lib/site/site.ts';
import { documentFile } from '../src/lib/content/paths.ts';
import { kitLog, kitOutcome, WHOLE_KIT } from './helpers/kit-log';
import { copyProject, runIn } from './helpers/project-copy';

const root = join(import.meta.dirname, '..');
const registryModule = pathToFileURL(join(root, 'src/lib/report-kit/prepared-kit.ts')).href;
const dirs: string[] = [];
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A temporary folder of its own, removed once the tests are done. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'luong-bo-tai-lieu-'));
  dirs.push(dir);
  return dir;
}

/** A stand-in worker: `body` runs with `post`, `claimSlot`, `slots` (one per key listed with a slot) and `sleep`. */
function fakeWorker(body: string): URL {
  const file = join(scratch(), 'worker.mjs');
  writeFileSync(file, [
    "import { parentPort } from 'node:worker_threads';",
    `import { claimSlot } from ${JSON.stringify(registryModule)};`,
    'const post = (m, t = []) => parentPort.postMessage(m, t);',
    'const slots = new Int32Array(new SharedArrayBuffer(16));',
    'const sleep = (ms) => new Promise((r) => setTimeout(r, ms));',
    'const bytes = (text) => new TextEncoder().encode(text);',
    body,
  ].join('\n'));
  return pathToFileURL(file);
}
const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);
/** Starts the worker and waits for its first list (or its end), as a build's pages come well after it. */
const start = async (url: URL) => {
  stop = startPreparedKit(url, { root, documents: [] });
  await preparedListing();
};

describe('the prepared kit\'s registry', () => {
  test('no worker: every page makes its own file', async () => {
    expect(await preparedFile('bao-cao', 'a')).toBeNull();
    expect(preparedCounts()).toBeNull();
  });

  test('a listed file comes from the worker; a key never listed, once the list is final, is the page\'s', async () => {
    await start(fakeWorker(`
      // Claimed before it is listed: no page can get there first.
      claimSlot(slots, 0);
      post({ type: 'keys', keys: [{ key: 'bao-cao:a', slot: 0 }], final: true, slots: slots.buffer });
      await sleep(50);
      post({ type: 'file', key: 'bao-cao:a', bytes: bytes('dự thảo A') });
      await sleep(5000);
    `));
    expect(text(await preparedFile('bao-cao', 'a'))).toBe('dự thảo A');
    expect(await preparedFile('bao-cao', 'khac')).toBeNull();
    expect(preparedCounts()).toEqual({ taken: 1, claimed: 0, unlisted: 1, failed: 0, workerError: null });
  });

  test('a file the worker has not started is the page\'s, and the worker then leaves it', async () => {
    const skippedFile = join(scratch(), 'bo-qua.txt');
    await start(fakeWorker(`
      post({ type: 'keys', keys: [{ key: 'bieu-mau:a', slot: 0 }, { key: 'bieu-mau:b', slot: 1 }], final: true, slots: slots.buffer });
      await sleep(200);
      const skipped = [];
      for (const [slot, key] of ['bieu-mau:a', 'bieu-mau:b'].entries()) {
        if (claimSlot(slots, slot)) post({ type: 'file', key, bytes: bytes(key) });
        else skipped.push(key);
      }
      // Written whole, then renamed into place: the test waits for the name, and a file it saw
      // created but not yet written read as empty (CI, once).
      const fs = await import('node:fs');
      fs.writeFileSync(${JSON.stringify(`${skippedFile}.tmp`)}, skipped.join(','));
      fs.renameSync(${JSON.stringify(`${skippedFile}.tmp`)}, ${JSON.stringify(skippedFile)});
      await sleep(5000);
    `));
    // Asked before the worker reached it: the page makes it.
    expect(await preparedFile('bieu-mau', 'b')).toBeNull();
    while (!existsSync(skippedFile)) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(skippedFile, 'utf8')).toBe('bieu-mau:b');
    // Asked after the worker took it: the worker's.
    expect(text(await preparedFile('bieu-mau', 'a'))).toBe('bieu-mau:a');
    expect(preparedCounts()).toEqual({ taken: 1, claimed: 1, unlisted: 0, failed: 0, workerError: null });
  });

  test('a file the worker failed to make, or did not send before it died, is the page\'s; no page waits on a dead worker', async () => {
    await start(fakeWorker(`
      claimSlot(slots, 0);
      claimSlot(slots, 1);
      post({ type: 'keys', keys: [{ key: 'bao-cao:a', slot: 0 }, { key: 'bao-cao:b', slot: 1 }, { key: 'bieu-do:c', slot: -1 }], final: false, slots: slots.buffer });
      post({ type: 'failed', key: 'bao-cao:a' });
      await sleep(100);
      throw new Error('luồng hỏng');
    `));
    const started = performance.now();
    expect(await preparedFile('bao-cao', 'a')).toBeNull();
    expect(await preparedFile('bao-cao', 'b')).toBeNull();
    expect(await preparedFile('bieu-do', 'c')).toBeNull();
    // Never listed, and the list never made final: the worker's death ends the wait.
    expect(await preparedFile('bao-cao', 'd')).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(preparedCounts()).toEqual({ taken: 0, claimed: 0, unlisted: 1, failed: 3, workerError: 'luồng hỏng' });
  });

  test('a worker that breaks before it lists anything leaves every file to its page, and says why', async () => {
    await start(fakeWorker(`throw new Error('dữ liệu hỏng\\nchi tiết không in');`));
    expect(await preparedFile('bao-cao', 'a')).toBeNull();
    expect(await preparedFile('bieu-do', 'b')).toBeNull();
    // Not a slow worker: its error is kept, first line only.
    expect(preparedCounts()).toEqual({ taken: 0, claimed: 2, unlisted: 0, failed: 0, workerError: 'dữ liệu hỏng' });
  });

  test('a worker that exits with a failure code is a broken one too', async () => {
    await start(fakeWorker(`process.exit(3);`));
    expect(await preparedFile('bao-cao', 'a')).toBeNull();
    expect(preparedCounts()?.workerError).toBe('mã thoát 3');
  });

  test('a worker that never completes its list holds no page past the wait', async () => {
    stop = startPreparedKit(fakeWorker(`
      post({ type: 'keys', keys: [{ key: 'bao-cao:a', slot: 0 }], final: false, slots: slots.buffer });
      await sleep(60000);
    `), { root, documents: [] }, { listWaitMs: 300 });
    await preparedListing();
    const started = performance.now();
    // Listed: the page claims it at once. Not listed: null once the wait is over, not after a minute.
    expect(await preparedFile('bao-cao', 'a')).toBeNull();
    expect(await preparedFile('bao-cao', 'khong-co')).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(preparedCounts()).toEqual({ taken: 0, claimed: 1, unlisted: 1, failed: 0, workerError: null });
  });

  test('a file the worker leaves to its page unlisted is the page\'s as one not started; a key beyond that is unlisted', async () => {
    await start(fakeWorker(`
      post({ type: 'keys', keys: [], final: true, left: 1, slots: slots.buffer });
      await sleep(5000);
    `));
    expect(await preparedFile('bao-cao', 'toan-tinh')).toBeNull();
    expect(await preparedFile('bao-cao', 'khac')).toBeNull();
    expect(preparedCounts()).toEqual({ taken: 0, claimed: 1, unlisted: 1, failed: 0, workerError: null });
  });

  test('a worker that has listed nothing when a page asks is stopped, and every page makes its own file at once', async () => {
    const lateFile = join(scratch(), 'van-chay.txt');
    stop = startPreparedKit(fakeWorker(`
      await sleep(1000);
      post({ type: 'keys', keys: [{ key: 'bao-cao:a', slot: 0 }], final: true, slots: slots.buffer });
      (await import('node:fs')).writeFileSync(${JSON.stringify(lateFile)}, 'vẫn chạy');
    `), { root, documents: [] });
    const started = performance.now();
    expect(await preparedFile('bao-cao', 'a')).toBeNull();
    expect(await preparedFile('bieu-do', 'b')).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
    expect(preparedCounts()).toEqual({ taken: 0, claimed: 2, unlisted: 0, failed: 0, workerError: null });
    // Stopped: it never gets to list, nor to write its mark.
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(lateFile)).toBe(false);
  });

  test('a worker that cannot start (data it cannot be given) leaves every file to its page', async () => {
    stop = startPreparedKit(fakeWorker(''), { root, documents: [{ id: 'x', data: { f: () => 1 } }] });
    expect(await preparedFile('bao-cao', 'a')).toBeNull();
    expect(preparedCounts()).toBeNull();
  });
});

/** The name and nice value of each thread of this process (Linux), by thread id. */
function threadNices(): Map<string, { name: string; nice: number }> {
  const nices = new Map<string, { name: string; nice: number }>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      nices.set(tid, { name, nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) });
    } catch {
      // The thread ended meanwhile.
    }
  }
  return nices;
}

/** The worker as the build starts it (its priority lowered first), and the work it then loads. */
const KIT_WORKER = new URL('../src/lib/prepare/kit-worker.ts', import.meta.url);
const KIT_MAKER = new URL('../src/lib/prepare/kit-maker.ts', import.meta.url);

/**
 * Runs the real worker on this project with the caches off (every file made afresh, none written to
 * this checkout) until it ends; `onFirstList` runs as its first list arrives, as a page would.
 */
async function runKitWorker(entry: URL, onFirstList: (message: Extract<KitMessage, { type: 'keys' }>) => void = () => undefined) {
  const content = readContent(root);
  const documents = content.files
    .filter((f) => f.collection === 'van-ban' && typeof f.frontMatter.data === 'object')
    .map((f) => ({ id: f.id, data: f.frontMatter.data }));
  const previous = process.env.CHART_PNG_CACHE;
  process.env.CHART_PNG_CACHE = 'off';
  const worker = new Worker(entry, { workerData: { root, documents } });
  if (previous === undefined) delete process.env.CHART_PNG_CACHE;
  else process.env.CHART_PNG_CACHE = previous;
  const listed: { key: string; slot: number }[] = [];
  let left = 0;
  const files = new Map<string, Uint8Array>();
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: KitMessage) => {
      if (m.type === 'keys') {
        if (listed.length === 0) onFirstList(m);
        listed.push(...m.keys);
        left += m.left ?? 0;
      } else if (m.type === 'file') files.set(m.key, m.bytes);
      else reject(new Error(`không làm được ${m.key}`));
    });
    worker.on('error', reject);
    worker.on('exit', () => resolve());
  });
  return { content, documents, listed, left, files };
}

describe('the report kit\'s worker on this project (kit-worker.ts)', () => {
  test('lists and sends every chart, draft and form, each the file the page\'s own job makes', async () => {
    const linux = existsSync('/proc/thread-self');
    const before = linux ? threadNices() : new Map();
    let started: { name: string; nice: number }[] = [];
    const { content, documents, listed: keys, files } = await runKitWorker(KIT_WORKER, () => {
      if (linux) started = [...threadNices()].filter(([tid]) => !before.has(tid)).map(([, thread]) => thread);
    });
    if (linux) {
      // Its own thread runs at the head start's priority (Linux keeps one per thread); the threads
      // that were there before, this one included, keep theirs.
      expect(started.filter((t) => t.name === 'WorkerThread')).toEqual([{ name: 'WorkerThread', nice: HEAD_START_NICE }]);
      const after = threadNices();
      for (const [tid, thread] of before) if (after.has(tid)) expect(after.get(tid), thread.name).toEqual(thread);
    }
    const dataset = content.dataset!;
    const listed = keys.map((k) => k.key);
    // One slot a file, charts included: a page can take any file the worker has not started.
    expect(new Set(keys.map((k) => k.slot)).size).toBe(keys.length);
    expect(keys.every((k) => k.slot >= 0)).toBe(true);
    const units = dataset.units.length;
    const charts = listed.filter((k) => k.startsWith('bieu-do:')).length;
    expect(charts).toBe(dataset.indicators.length * 3);
    expect(listed.filter((k) => k.startsWith('bao-cao:'))).toHaveLength(units + 1);
    expect(listed.filter((k) => k.startsWith('bieu-mau:'))).toHaveLength(units + 1);
    expect([...files.keys()].sort()).toEqual([...listed].sort());

    // The page's own jobs, from the same reading: a unit's draft and form, and the blank form.
    const summaries = aggregateDataset(dataset);
    const schema = documentSchemaFor(site.vocabularies);
    const docs = documents.map(({ id, data }) => ({ id, data: schema.parse(data) }));
    const outline = docs.find((d) => d.id === site.outline)!;
    const blocks = outlineBlocks(readFileSync(join(root, documentFile(site.outline)), 'utf8'));
    const unit = dataset.units[0]!;
    const draft = draftJob(root, blocks, { dataset, summaries, unit, timeline: timelineOf(docs), site, sourceTitle: outline.data.title, charts: [] });
    for (const job of [draft, formJob(root, formInputOf(dataset, unit.id, site)), formJob(root, formInputOf(dataset, site.scope.slug, site))]) {
      const sent = files.get(kitKey(job.cache, job.key));
      expect(sent, job.key).toBeDefined();
      // Byte for byte: drafts and forms carry their figures' date, not the time they were made.
      expect(Buffer.from(sent!).equals(Buffer.from(await job.make())), job.key).toBe(true);
    }
  }, 60_000);

  test('a chart a page claimed first is left to it, and so is the whole\'s draft, which needs every chart; the rest is sent', async () => {
    const claimed = new Set<string>();
    // The work alone, at the test's own priority: the claims below, not the priority, are tested here.
    const { content, listed, left, files } = await runKitWorker(KIT_MAKER, (first) => {
      // As a page asking for every chart (src/data/chart-images.ts), from the last: the worker,
      // which draws from the first, has at most started a few.
      const slots = new Int32Array(first.slots!);
      for (const { key, slot } of first.keys.filter((k) => k.key.startsWith('bieu-do:')).reverse()) {
        if (Atomics.compareExchange(slots, slot, SLOT.free, SLOT.page) === SLOT.free) claimed.add(key);
      }
    });
    const dataset = content.dataset!;
    const charts = listed.filter((k) => k.key.startsWith('bieu-do:'));
    expect(charts).toHaveLength(dataset.indicators.length * 3);
    expect(claimed.size).toBeGreaterThan(0);
    for (const { key } of charts) expect(files.has(key), key).toBe(!claimed.has(key));
    // Every unit's draft, not the whole's, which the worker says it leaves to its page; every form.
    expect(listed.filter((k) => k.key.startsWith('bao-cao:'))).toHaveLength(dataset.units.length);
    expect(left).toBe(1);
    expect(listed.filter((k) => k.key.startsWith('bieu-mau:'))).toHaveLength(dataset.units.length + 1);
    for (const { key } of listed.filter((k) => !k.key.startsWith('bieu-do:'))) expect(files.has(key), key).toBe(true);
  }, 60_000);
});

describe('astro build of a copy whose kit worker breaks', () => {
  let dir: string;
  let build: SpawnSyncReturns<string>;
  beforeAll(() => {
    // Build caches of its own: the worker must start (not skipped on the project's record of its inputs).
    dir = copyProject('luong-bo-tai-lieu-hong-', { ownBuildCaches: true });
    dirs.push(dir);
    const worker = join(dir, 'src/lib/prepare/kit-worker.ts');
    writeFileSync(worker, `throw new Error('hỏng để thử\\nchi tiết');\n${readFileSync(worker, 'utf8')}`);
    build = runIn(dir, ['node_modules/.bin/astro', 'build']);
  }, 180_000);

  test('the build succeeds, says the worker broke and why, and every kit file is made by its page', () => {
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output.slice(-3000)).toBe(0);
    expect(kitOutcome(output), output.slice(-3000)).toEqual({ ...WHOLE_KIT, workerError: 'hỏng để thử' });
    expect(kitLog(output)?.taken).toBe(0);
    for (const file of ['tai-ve/bao-cao/bien-hoa.docx', 'tai-ve/bieu-mau/bien-hoa.xlsx', 'tai-ve/bieu-do/phat-trien-doan-vien-theo-nam.png']) {
      expect(existsSync(join(dir, 'dist', file)), file).toBe(true);
    }
  });
});
