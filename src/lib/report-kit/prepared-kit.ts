// The report kit made ahead, while Astro is still syncing the content and compiling the pages:
// `astro build` starts src/lib/prepare/kit-worker.ts in a worker thread
// (src/integrations/report-kit.ts) as soon as it has its configuration, and the kit's pages then
// take the files it made instead of making them on the main thread while every other page is
// written. Measured (docs/benchmarks.md): the main thread's CPU time falls by about 3 s at 1,000
// documents but the build only by about 1 %, as the worker competes with Vite for the second
// core; at 10,000 documents Astro's step is 0.93x as long, and with 200 units (201 drafts and
// forms, 150 charts) the cold build 0.82x.
//
// The files are handed over in memory, by key (src/lib/prepare/kit-jobs.ts): the worker first
// lists the keys it will make, then sends each file as it is made. A file is made once, by
// whichever side claims it first (a shared slot per file, Atomics): a page that reaches one the
// worker has not started makes it itself, so a large kit (200 units) never leaves the main thread
// waiting on a queue. The worker runs at a low priority (src/lib/prepare/thread-priority.ts); on a
// busy machine it may not have listed anything when the first page asks: it is then stopped and
// every page makes its own file, as without a worker. A page whose key the worker did not list, or
// whose file the worker failed to make, makes its own, as it did before there was a worker: a
// worker that fails never fails the build (its error is logged: PreparedCounts.workerError). The
// registry lives on globalThis: the integration and the bundled pages each have their own instance
// of this module in the one build process.
import { stat } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ChartImage } from '../indicators/charts/images.ts';
import { inputKey } from './file-cache.ts';

/** A file's slot: nobody has it yet, the worker is making it, or a page is. */
export const SLOT = { free: 0, worker: 1, page: 2 } as const;

/**
 * What the worker sends: the keys it will make, each with its slot in `slots` (-1: no slot, the
 * page waits for it), `final` when no more will follow, with `left` files it leaves to their pages
 * without listing them (the whole's draft, keyed by charts a page drew); then each file, or its
 * failure.
 */
export type KitMessage =
  | { type: 'keys'; keys: { key: string; slot: number }[]; final: boolean; left?: number; slots?: SharedArrayBuffer }
  | { type: 'file'; key: string; bytes: Uint8Array }
  | { type: 'failed'; key: string };

/** What the build hands the worker: the project and the documents it needs, as the build read them. */
export interface KitWorkerData {
  root: string;
  /** Front matter (as read, unvalidated) of the outline and of every document with a schedule, for the timeline. */
  documents: { id: string; data: unknown }[];
}

interface Pending {
  slot: number;
  promise: Promise<Uint8Array | null>;
  settle: (bytes: Uint8Array | null) => void;
}

interface Registry {
  files: Map<string, Pending>;
  slots: Int32Array | null;
  /** Settles when the worker has listed every key (or stopped): a key missing then will not come. */
  listed: Promise<void>;
  /** Whether the worker has sent a list of keys. */
  listing: boolean;
  /** Files the worker said it leaves to their pages unlisted, not yet asked for. */
  left: number;
  /** Settles when the worker has sent its first list of keys, or stopped. */
  firstList: Promise<void>;
  /** The worker had listed nothing when a page asked: it was stopped, and every file is its page's. */
  behind: boolean;
  /** Ends the worker: every file not yet sent is its page's. */
  end: () => void;
  stop: () => void;
  counts: PreparedCounts;
}

/** What became of the files the pages asked the worker for. */
export interface PreparedCounts {
  /** Taken from the worker. */
  taken: number;
  /** Made by the page: the worker had not started it yet (or had listed nothing yet, and was stopped). */
  claimed: number;
  /** Made by the page: the worker did not list its key (its input differed from the page's: a defect). */
  unlisted: number;
  /** Made by the page: the worker failed to make it, or stopped first. */
  failed: number;
  /**
   * The worker stopped on an error of its own (it threw, or its code could not load, or it exited
   * with a failure code) before the build was over: a defect to report, not a slow worker. The
   * pages made every file it had not sent; its message, first line only.
   */
  workerError: string | null;
}

const REGISTRY = Symbol.for('congdoan-soket.prepared-kit');
const store = globalThis as { [REGISTRY]?: Registry };

/** The key a chart image is prepared under: its path and everything it is drawn from. */
export function chartJobKey(image: Pick<ChartImage, 'path' | 'spec' | 'frame'>): string {
  return inputKey('bieu-do', { path: image.path, spec: image.spec, frame: image.frame });
}

/** An error's message, first line, for one line of the build's log. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]!.trim() || 'lỗi không rõ';
}

/** The registry key of a file: its kind (cache folder) and its key. */
export const kitKey = (kind: string, key: string) => `${kind}:${key}`;

/**
 * How long pages may wait, from the worker's start, for its list of keys to be complete; then a key
 * not listed is its page's to make. The list takes 1-3 s (200 units: the charts are drawn before
 * the whole's draft is listed).
 */
export const LIST_WAIT_MS = 60_000;

/**
 * Starts the worker that makes the kit (once per process; a second call returns the first one's
 * stop). `stop` ends it: every file not yet sent is then its page's to make.
 */
export function startPreparedKit(workerUrl: URL, data: KitWorkerData, { listWaitMs = LIST_WAIT_MS } = {}): () => void {
  if (store[REGISTRY]) return store[REGISTRY].stop;
  const files = new Map<string, Pending>();
  let endListing!: () => void;
  const listed = new Promise<void>((resolve) => {
    endListing = resolve;
  });
  let firstListed!: () => void;
  const firstList = new Promise<void>((resolve) => {
    firstListed = resolve;
  });
  const registry: Registry = {
    files, slots: null, listed, listing: false, left: 0, firstList, behind: false,
    end: () => undefined, stop: () => undefined,
    counts: { taken: 0, claimed: 0, unlisted: 0, failed: 0, workerError: null },
  };
  /** Set once the build ends the worker: its exit then is not a failure. */
  let ended = false;
  // Whatever was listed and not sent is made by its page; nothing more will be listed.
  const giveUp = () => {
    endListing();
    firstListed();
    for (const file of files.values()) file.settle(null);
  };
  // The worker lowers its priority (src/lib/prepare/thread-priority.ts), and a thread takes the
  // priority of the thread that starts it: libuv's thread pool, which serves the whole process (the
  // build's file writes), is started here first if nothing has started it yet.
  stat('.', () => undefined);
  let worker: Worker;
  try {
    worker = new Worker(workerUrl, { workerData: data });
  } catch {
    // No worker (data it cannot be given, no thread to start): every page makes its own file.
    return () => undefined;
  }
  // The build does not wait for the worker to end: its files are only ever a head start.
  worker.unref();
  // A worker alive but not listing (starved, stuck) must not hold the pages that wait for its list.
  const deadline = setTimeout(endListing, listWaitMs);
  deadline.unref();
  void listed.then(() => clearTimeout(deadline));
  worker.on('message', (message: KitMessage) => {
    if (message.type === 'keys') {
      registry.listing = true;
      firstListed();
      if (message.slots) registry.slots = new Int32Array(message.slots);
      for (const { key, slot } of message.keys) {
        if (files.has(key)) continue;
        let settle!: (bytes: Uint8Array | null) => void;
        const promise = new Promise<Uint8Array | null>((resolve) => {
          settle = resolve;
        });
        files.set(key, { slot, promise, settle });
      }
      registry.left += message.left ?? 0;
      if (message.final) endListing();
    } else {
      files.get(message.key)?.settle(message.type === 'file' ? message.bytes : null);
    }
  });
  worker.on('error', (error: unknown) => {
    registry.counts.workerError ??= firstLine(error);
    giveUp();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !ended) registry.counts.workerError ??= `mã thoát ${code}`;
    giveUp();
  });
  registry.end = () => {
    ended = true;
    giveUp();
    void worker.terminate();
  };
  registry.stop = () => {
    registry.end();
    // The build is over (or a test's scenario): a later start begins afresh.
    if (store[REGISTRY] === registry) delete store[REGISTRY];
  };
  store[REGISTRY] = registry;
  return registry.stop;
}

/**
 * The file the worker made (or is making) under `kind` and `key`; null when there is no worker,
 * it did not list this key, it could not make the file, or it had not started it — the caller then
 * makes its own (and the worker will not).
 */
export async function preparedFile(kind: string, key: string): Promise<Uint8Array | null> {
  const registry = store[REGISTRY];
  if (!registry) return null;
  const id = kitKey(kind, key);
  const { counts } = registry;
  // A worker that has listed nothing by the time pages ask is behind them (a busy machine gives its
  // low-priority thread little time): waiting for it could only slow the build down.
  if (!registry.listing && !registry.behind) {
    registry.behind = true;
    registry.end();
  }
  if (registry.behind) {
    counts.claimed += 1;
    return null;
  }
  if (!registry.files.has(id)) await registry.listed;
  const file = registry.files.get(id);
  if (!file) {
    // A file the worker said it would leave is the page's as one it had not started; any other is
    // a key the worker and the page computed differently.
    if (registry.left > 0) {
      registry.left -= 1;
      counts.claimed += 1;
    } else counts.unlisted += 1;
    return null;
  }
  if (file.slot >= 0 && registry.slots && Atomics.compareExchange(registry.slots, file.slot, SLOT.free, SLOT.page) === SLOT.free) {
    counts.claimed += 1;
    return null;
  }
  const bytes = await file.promise;
  if (bytes) counts.taken += 1;
  else counts.failed += 1;
  return bytes;
}

/**
 * Settles when the worker has sent its first list of keys, or has stopped; at once without a worker.
 * For callers that must not find it behind (tests that ask as soon as it starts).
 */
export function preparedListing(): Promise<void> {
  return store[REGISTRY]?.firstList ?? Promise.resolve();
}

/** What became of the files the pages asked the worker for; null without a worker. */
export function preparedCounts(): PreparedCounts | null {
  return store[REGISTRY]?.counts ?? null;
}

/** In the worker: whether it may make the file in `slot` (no page has claimed it), claiming it if so. */
export function claimSlot(slots: Int32Array, slot: number): boolean {
  return Atomics.compareExchange(slots, slot, SLOT.free, SLOT.worker) === SLOT.free;
}
