// A worker thread whose work is only a head start (the report kit's, kit-worker.ts) lowers its own
// CPU priority, so that on a machine with few cores it takes the time the build's main thread leaves
// idle rather than competing with it. Linux keeps a nice value per thread (setpriority(2) on a
// thread id changes that thread only); elsewhere a process id would lower the whole build, so
// nothing is done without Linux's /proc/thread-self.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The nice value the report kit's worker runs at. At 1,000 benchmark documents on two cores, 10
 * made `astro build` about 0.3 s shorter (docs/benchmarks.md); 5 changed nothing. A page never waits
 * long on a worker slowed by it: each file it has not started is the page's to make
 * (src/lib/report-kit/prepared-kit.ts).
 */
export const HEAD_START_NICE = 10;

/** This thread's id where the system has one per thread (Linux), else undefined. */
function threadId(): number | undefined {
  try {
    // "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** Lowers the calling thread's priority to `nice`; false where it cannot (no per-thread id, refused). */
export function lowerThreadPriority(nice: number = HEAD_START_NICE): boolean {
  const tid = threadId();
  if (tid === undefined) return false;
  try {
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
