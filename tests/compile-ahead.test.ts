// The MDX compile worker (src/plugins/compile-ahead.ts): what the worker compiles is byte for byte
// what the main thread would; a document it fails on, a worker that stops, stalls or cannot start,
// all leave every document compiled, with the error the build has always given; off (the dev
// server), there is no worker.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileAhead, type CompileAhead } from '../src/plugins/compile-ahead';
import { satteriProcessor } from '../src/plugins/satteri';
import { broken, citations, documentsCompiled, MDX, outcome, SHARED, type Doc, type Renderer } from './helpers/mdx-renderer';

const WORKER = new URL('../src/plugins/compile-ahead-worker.ts', import.meta.url);

let dir = '';
let docs: Doc[] = [];
/** Each document as the processor alone compiles it (code and metadata as JSON), or its error's message. */
let expected = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compile-ahead-'));
  ({ docs, expected } = await documentsCompiled(dir, 400));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ahead(options: { workerUrl?: URL; stallMs?: number; capacity?: number } = {}): CompileAhead {
  return compileAhead(satteriProcessor(citations), { workerUrl: WORKER, citations, capacity: 10_000, minDocuments: 100, ...options });
}

/** Posts documents until the worker has compiled one, so that the next batch finds it running. */
async function untilWorkerRuns(renderer: Renderer, compiler: CompileAhead) {
  const started = Date.now();
  while (compiler.counts().worker === 0) {
    if (Date.now() - started > 60_000) throw new Error('the worker compiled nothing in 60 s');
    await Promise.all(docs.slice(0, 50).map((doc) => outcome(renderer, doc)));
  }
}

describe('compiled in a worker beside the main thread', () => {
  test('every document, asked for all at once as the bundler does, is byte for byte the processor\'s own; both threads took some', async () => {
    const compiler = ahead();
    compiler.enable();
    const renderer = await compiler.processor.createMdxRenderer!(SHARED, MDX);
    await untilWorkerRuns(renderer, compiler);
    const before = compiler.counts();
    const results = await Promise.all(docs.map((doc) => outcome(renderer, doc)));
    const counts = compiler.stop();
    expect(results).toEqual(docs.map((doc) => expected.get(doc.filePath)));
    expect(results.filter((r) => r.startsWith('error'))).toEqual([]);
    expect(counts.worker + counts.main - before.worker - before.main).toBe(docs.length);
    expect(counts.worker).toBeGreaterThan(before.worker);
    expect(counts.main).toBeGreaterThan(before.main);
  }, 120_000);

  test('a document the worker fails on is compiled on the main thread, which gives the error it always gave', async () => {
    const compiler = ahead();
    compiler.enable();
    const renderer = await compiler.processor.createMdxRenderer!(SHARED, MDX);
    await untilWorkerRuns(renderer, compiler);
    // First in line: the worker takes it (the main thread takes from the back).
    const results = await Promise.all([broken, ...docs.slice(0, 40)].map((doc) => outcome(renderer, doc)));
    compiler.stop();
    expect(results[0]).toBe(expected.get(broken.filePath));
    expect(results[0]).toMatch(/^error: .*khong-co-van-ban-nay/);
    expect(results.slice(1)).toEqual(docs.slice(0, 40).map((doc) => expected.get(doc.filePath)));
  }, 120_000);

  test('a worker stopped in the middle leaves nothing unanswered', async () => {
    const compiler = ahead();
    compiler.enable();
    const renderer = await compiler.processor.createMdxRenderer!(SHARED, MDX);
    await untilWorkerRuns(renderer, compiler);
    const pending = Promise.all(docs.map((doc) => outcome(renderer, doc)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    compiler.stop();
    expect(await pending).toEqual(docs.map((doc) => expected.get(doc.filePath)));
  }, 120_000);

  test('a worker that takes documents and never answers: they are compiled on the main thread after stallMs', async () => {
    const compiler = ahead({ workerUrl: new URL('./fixtures/compile-ahead-silent-worker.ts', import.meta.url), stallMs: 300 });
    compiler.enable();
    const renderer = await compiler.processor.createMdxRenderer!(SHARED, MDX);
    // Time for the worker to start and take every slot (it needs a few milliseconds).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const started = performance.now();
    const results = await Promise.all(docs.slice(0, 60).map((doc) => outcome(renderer, doc)));
    const waited = performance.now() - started;
    const counts = compiler.stop();
    expect(results).toEqual(docs.slice(0, 60).map((doc) => expected.get(doc.filePath)));
    expect(counts).toEqual({ worker: 0, main: 60 });
    // Held by the worker, compiled here only once it had said nothing for stallMs.
    expect(waited).toBeGreaterThanOrEqual(300);
  }, 60_000);

  test('a worker that cannot start: the main thread compiles every document', async () => {
    const compiler = ahead({ workerUrl: new URL('./fixtures/khong-co-tep-nay.ts', import.meta.url) });
    compiler.enable();
    const renderer = await compiler.processor.createMdxRenderer!(SHARED, MDX);
    const results = await Promise.all(docs.slice(0, 60).map((doc) => outcome(renderer, doc)));
    expect(results).toEqual(docs.slice(0, 60).map((doc) => expected.get(doc.filePath)));
    expect(compiler.stop()).toEqual({ worker: 0, main: 60 });
  }, 60_000);

  test('not enabled (the dev server): the processor\'s own renderer, no worker', async () => {
    const compiler = ahead();
    const renderer = await compiler.processor.createMdxRenderer!(SHARED, MDX);
    const results = await Promise.all(docs.slice(0, 20).map((doc) => outcome(renderer, doc)));
    expect(results).toEqual(docs.slice(0, 20).map((doc) => expected.get(doc.filePath)));
    expect(compiler.stop()).toEqual({ worker: 0, main: 0 });
  });

  test('a site with fewer documents than minDocuments: no worker even when enabled', async () => {
    const compiler = ahead({ capacity: 99 });
    compiler.enable();
    const renderer = await compiler.processor.createMdxRenderer!(SHARED, MDX);
    const results = await Promise.all(docs.slice(0, 20).map((doc) => outcome(renderer, doc)));
    expect(results).toEqual(docs.slice(0, 20).map((doc) => expected.get(doc.filePath)));
    expect(compiler.stop()).toEqual({ worker: 0, main: 0 });
  });

  test('the wrapped processor keeps the name and options @astrojs/mdx reads', () => {
    const processor = satteriProcessor(citations);
    const wrapped = compileAhead(processor, { workerUrl: WORKER, citations, capacity: 1 }).processor;
    expect(wrapped.name).toBe('satteri');
    expect(wrapped.options).toBe(processor.options);
    expect(wrapped.options.features).toEqual({ smartPunctuation: false });
  });
});
