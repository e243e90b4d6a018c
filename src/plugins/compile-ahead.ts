// The documents' MDX compiled in a worker thread beside Astro's main thread during `astro build`.
//
// While the bundler transforms the pages, Astro's main thread is busy all the time and the second
// core is not: every MDX transform (Sätteri's parse and serialisation, and the site's plugin) runs
// on the main thread (docs/benchmarks.md, session of 05/12/2026). The processor handed to
// @astrojs/mdx is wrapped here: each document the bundler asks for is posted to a worker
// (compile-ahead-worker.ts), which compiles it with the same processor (satteriProcessor) and the
// same options, in the order asked; the main thread compiles too, from the newest request back, one
// per turn of its event loop, so the two meet in the middle and the main thread still does its other
// work. Each request has a slot (Atomics) that whichever side takes first keeps: a document is
// compiled once. A document the worker fails on, or one it held when it stopped or stalled, is
// compiled on the main thread, which then reports an error exactly as it would without the worker.
// The compiled code is byte for byte the same either way (tests/compile-ahead.test.ts).
import { Worker } from 'node:worker_threads';
import type { satteriProcessor } from './satteri.ts';
import type { CitationLinkerOptions } from './citation-linker.ts';

type Processor = ReturnType<typeof satteriProcessor>;
type MdxRenderer = Awaited<ReturnType<NonNullable<Processor['createMdxRenderer']>>>;
type SharedOptions = Parameters<NonNullable<Processor['createMdxRenderer']>>[0];
type MdxOptions = Parameters<NonNullable<Processor['createMdxRenderer']>>[1];
type Compiled = Awaited<ReturnType<MdxRenderer['process']>>;

/** A slot: nobody has the request yet, the worker compiles it, the main thread does. */
export const SLOT = { free: 0, worker: 1, main: 2 } as const;

/** What the worker is given: how to make the processor, and the renderer's options as @astrojs/mdx passed them. */
export interface CompileWorkerData {
  citations: CitationLinkerOptions;
  /** The processor's features as they are when the renderer is made (an integration may have set some). */
  features: Processor['options']['features'];
  shared: SharedOptions;
  /** MdxOptions with `srcDir` as its href (a URL cannot be posted). */
  mdx: Omit<MdxOptions, 'srcDir'> & { srcDir?: string };
  slots: SharedArrayBuffer;
}

/** A document to compile, as the worker receives it. */
export interface CompileRequest {
  slot: number;
  content: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
}

/** The worker's answer: the compiled document, or that it failed (the main thread then compiles it). */
export type CompileReply = { slot: number; compiled: Compiled } | { slot: number; failed: true };

/** Who compiled the documents of a build. */
export interface CompileCounts {
  /** By the worker. */
  worker: number;
  /** By the main thread: its share, plus any the worker failed on or held when it stopped. */
  main: number;
}

export interface CompileAheadOptions {
  /** The worker's module (compile-ahead-worker.ts). */
  workerUrl: URL;
  /** What satteriProcessor was made with: the worker makes its own from it. */
  citations: CitationLinkerOptions;
  /** How many documents the site has: at most that many are handed to the worker, the rest are compiled on the main thread. */
  capacity: number;
  /**
   * Below this many documents there is no worker: its start and the documents' round trips cost
   * what it saves (1,000 benchmark documents: `astro build` 0.26 s slower, median of four pairs;
   * 3,000, with the first version of this worker: 1.4 s faster; 10,000: 3.1 s faster, mean of two pairs;
   * docs/benchmarks.md).
   */
  minDocuments?: number;
  /** When only the worker's documents are left and it has answered nothing for this long, they are compiled on the main thread (a stalled worker). */
  stallMs?: number;
}

export interface CompileAhead {
  /** The processor for `markdown.processor`: the wrapped one's name and options, and its renderers. */
  processor: Processor;
  /** Turns the worker on: only `astro build` (the dev server compiles a page when it is asked for). */
  enable(): void;
  /** Who has compiled what so far. */
  counts(): CompileCounts;
  /** Stops the workers (the build is done) and says who compiled what. */
  stop(): CompileCounts;
}

interface Pending extends CompileRequest {
  resolve: (compiled: Compiled) => void;
  reject: (error: unknown) => void;
}

const STALL_MS = 60_000;
const MIN_DOCUMENTS = 2_000;

export function compileAhead(processor: Processor, options: CompileAheadOptions): CompileAhead {
  const { workerUrl, citations, capacity, stallMs = STALL_MS, minDocuments = MIN_DOCUMENTS } = options;
  let enabled = false;
  const counts: CompileCounts = { worker: 0, main: 0 };
  const workers = new Set<Worker>();
  const plugins = { mdast: processor.options.mdastPlugins.length, hast: processor.options.hastPlugins.length };

  /** The renderer's requests shared with a worker; without one (disabled, or it cannot start), the renderer itself. */
  function aheadRenderer(local: MdxRenderer, shared: SharedOptions, mdx: MdxOptions): MdxRenderer {
    const slots = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * capacity));
    const data: CompileWorkerData = {
      citations,
      features: processor.options.features,
      shared,
      mdx: { ...mdx, srcDir: mdx.srcDir?.href },
      slots: slots.buffer as SharedArrayBuffer,
    };
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { workerData: data });
    } catch {
      // Options it cannot be given (a function in the Shiki settings), no thread to start.
      return local;
    }
    worker.unref();
    workers.add(worker);
    let stopped = false;
    let next = 0;
    const pending = new Map<number, Pending>();
    // Requests in the order asked: the worker takes them from the front, the main thread from the back.
    const order: number[] = [];

    const compileHere = (request: Pending) => {
      pending.delete(request.slot);
      counts.main++;
      local.process(request.content, request.filePath, request.frontmatter).then(request.resolve, request.reject);
    };
    // What the worker held when it stopped is compiled here; what it had not taken, the main thread takes in turn.
    const end = () => {
      stopped = true;
      workers.delete(worker);
      for (const request of [...pending.values()]) if (Atomics.load(slots, request.slot) === SLOT.worker) compileHere(request);
    };
    // Only the worker's requests left and no reply from it for stallMs: they are compiled here.
    let stall: NodeJS.Timeout | undefined;
    const watch = () => {
      clearTimeout(stall);
      stall = undefined;
      if (order.length > 0 || pending.size === 0) return;
      stall = setTimeout(() => {
        for (const request of [...pending.values()]) compileHere(request);
      }, stallMs);
      stall.unref();
    };
    worker.on('message', (reply: CompileReply) => {
      const request = pending.get(reply.slot);
      if (!request) {
        // Already compiled here (the worker had stalled).
      } else if ('failed' in reply) compileHere(request);
      else {
        pending.delete(reply.slot);
        counts.worker++;
        request.resolve(reply.compiled);
      }
      watch();
    });
    worker.on('error', end);
    worker.on('exit', end);

    let turn: NodeJS.Immediate | undefined;
    const takeTurn = () => {
      turn = undefined;
      while (order.length > 0) {
        const slot = order.pop()!;
        const request = pending.get(slot);
        if (!request) continue;
        if (stopped || Atomics.compareExchange(slots, slot, SLOT.free, SLOT.main) === SLOT.free) {
          compileHere(request);
          break;
        }
      }
      if (order.length > 0) turn = setImmediate(takeTurn);
      watch();
    };

    return {
      process(content, filePath, frontmatter) {
        if (stopped || next >= capacity) {
          counts.main++;
          return local.process(content, filePath, frontmatter);
        }
        return new Promise<Compiled>((resolve, reject) => {
          const request: Pending = { slot: next++, content, filePath, frontmatter, resolve, reject };
          pending.set(request.slot, request);
          order.push(request.slot);
          try {
            worker.postMessage({ slot: request.slot, content, filePath, frontmatter } satisfies CompileRequest);
          } catch {
            // Front matter that cannot be posted: this one is the main thread's.
            Atomics.store(slots, request.slot, SLOT.main);
            compileHere(request);
            return;
          }
          turn ??= setImmediate(takeTurn);
        });
      },
    };
  }

  return {
    processor: {
      ...processor,
      async createMdxRenderer(shared, mdx) {
        const local = await processor.createMdxRenderer!(shared, mdx);
        // A plugin another integration added (a function) could not be posted: then no worker.
        const { mdastPlugins, hastPlugins } = processor.options;
        const same = mdastPlugins.length === plugins.mdast && hastPlugins.length === plugins.hast;
        return enabled && same ? aheadRenderer(local, shared, mdx) : local;
      },
    },
    enable() {
      enabled = capacity >= minDocuments;
    },
    counts() {
      return { ...counts };
    },
    stop() {
      for (const worker of workers) void worker.terminate();
      workers.clear();
      return { ...counts };
    },
  };
}
