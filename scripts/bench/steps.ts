// One timed step of `npm run bench` (scripts/bench/run.ts), and how two sites' times compare when
// one of them was stopped at its time limit: apart from run.ts, which runs the whole benchmark when
// imported, so that tests/bench-steps.test.ts can run them.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Step {
  seconds: number; peakMb: number;
  /** Ran beside the next step, as `npm run build` runs the pre-check beside Astro: its time is inside that step's. */
  overlapped?: boolean;
  /**
   * Stopped at its time limit, unfinished (a peer far slower than the project: Starlight at 10,000
   * documents): `seconds` is then the limit, less than the step would have taken.
   */
  stopped?: boolean;
}

/**
 * Resident memory (MB) of every process in a process group (the build and whatever it spawned),
 * and each one's own peak so far (VmHWM), kept in `peaks` by process id.
 */
export function groupRssMb(group: number, peaks: Map<string, number>): number {
  let kb = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kb / 1024;
}

/**
 * Runs one step in its own process group and samples the whole group's resident memory ten
 * times a second (a hundred in its first second): Pagefind's indexer is a separate native process,
 * which a measure of the Node process alone (such as /usr/bin/time) does not count. Each process's
 * own peak (VmHWM) counts too, for a step shorter than the samples.
 *
 * With `limitSeconds`, a step still running then is stopped with its whole process group (SIGKILL:
 * a build's workers and the processes it spawned go with it) and returned `stopped`, its seconds
 * the limit.
 */
export async function timed(cwd: string, command: string, args: string[], env: Record<string, string>, limitSeconds?: number): Promise<Step> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20000);
  });
  let peakMb = 0;
  const peaks = new Map<string, number>();
  const sample = () => {
    peakMb = Math.max(peakMb, groupRssMb(child.pid!, peaks));
  };
  sample();
  // Every 10 ms for the first second, then every 100 ms: Hugo at 20 documents ends in well under
  // 100 ms, and a step that ended before its first sample showed the peak of a process not yet
  // exec'd (16 KB: test:bench failed on it).
  let sampler = setInterval(sample, 10);
  const slower = setTimeout(() => {
    clearInterval(sampler);
    sampler = setInterval(sample, 100);
  }, 1000);
  let stopped = false;
  const limit = limitSeconds === undefined ? undefined : setTimeout(() => {
    stopped = true;
    sample();
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group ended just now.
    }
  }, limitSeconds * 1000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  clearTimeout(slower);
  clearTimeout(limit);
  const peak = Math.max(peakMb, ...peaks.values());
  if (stopped) return { seconds: limitSeconds!, peakMb: peak, stopped: true };
  if (code !== 0) throw new Error(`${[command, ...args].join(' ')} thất bại trong ${cwd} (mã ${code}):\n${stderr.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A site's total seconds, build by build in the order built, and which of them were stopped at their limit. */
export interface Runs { totals: number[]; stopped: boolean[] }

/**
 * A's time against B's, pair by pair (the n-th build of each, built next to each other in the
 * A-B-…-B-A order), and the median of those pairs, on which targets are judged.
 *
 * A build stopped at its limit took longer than its recorded seconds: a pair whose B was stopped
 * is at most its ratio, one whose A was stopped at least. The median of such pairs is then a bound
 * too (each pair's true ratio is on the same side of its figure, and so is the median of them):
 * `bound` says which, `'below'` when the true ratio is lower than `ratio`. Both sides stopped in
 * one comparison says nothing and is refused.
 */
export function compareRuns(a: Runs, b: Runs): Comparison {
  const pairs = a.totals.map((t, i) => t / b.totals[i]!);
  const below = b.stopped.some(Boolean);
  const above = a.stopped.some(Boolean);
  if (below && above) throw new Error('Hai trang cùng có lần dựng bị dừng: không so được thời gian.');
  const bounded = pairs.map((_, i) => Boolean(a.stopped[i] || b.stopped[i]));
  return { pairs, bounded, ratio: median(pairs), ...(below ? { bound: 'below' as const } : above ? { bound: 'above' as const } : {}) };
}

export interface Comparison {
  /** A's time over B's, pair by pair. */
  pairs: number[];
  /** Whether each pair has a stopped build: its figure is then a bound, on the side `bound` says. */
  bounded: boolean[];
  /** The median of the pairs. */
  ratio: number;
  /** Set when a side was stopped: `'below'`, the true ratio is lower than `ratio`; `'above'`, higher. */
  bound?: 'below' | 'above';
}

/**
 * Whether a ratio meets "at most `target`", bounds taken into account: `undefined` when the bound
 * leaves it open (a peer stopped before the project's time over `target`, say).
 */
export function meetsAtMost(c: Comparison, target: number): boolean | undefined {
  if (c.bound === 'below') return c.ratio <= target ? true : undefined;
  if (c.bound === 'above') return c.ratio > target ? false : undefined;
  return c.ratio <= target;
}

/**
 * The rebuild target on the project's own work: its rebuild beyond the bare site's at most half of
 * its full build beyond the bare site's. `ratio` and `met` are absent when the project's full build
 * is no slower than the bare site's: then there is no own part to halve, and the target is open.
 */
export function ownPartOfRebuild(fullOwn: number, againOwn: number): { ratio?: number; met?: boolean } {
  if (!(fullOwn > 0)) return {};
  return { ratio: againOwn / fullOwn, met: againOwn <= fullOwn / 2 };
}

/** Where a folder's files live: the device, the file system's type and its mount point. */
export interface FileSystem { device: string; type: string; mountPoint: string }

/**
 * The file system holding `path` (absolute), from the text of /proc/mounts: the deepest mount point
 * that contains it. Build times depend on it. The measuring machine's disk is ext4 without a
 * journal, where a file created in the minutes after thousands were deleted is allocated past each
 * of them (the kernel checks every recently freed inode): at 1,000 documents the bare site, which
 * writes one page at a time, built in 8.5 s there and in 6.0 s on a RAM disk (docs/benchmarks.md).
 */
export function fileSystemOf(path: string, mounts: string): FileSystem | undefined {
  // Spaces, tabs and backslashes in mount points are written as octal escapes (\040).
  const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  let found: FileSystem | undefined;
  for (const line of mounts.split('\n')) {
    const [device, mountPoint, type] = line.split(' ').map(unescape);
    if (!device || !mountPoint || !type) continue;
    const inside = mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
    // A later line over the same mount point hides the earlier one, as the kernel lists them.
    if (inside && (!found || mountPoint.length >= found.mountPoint.length)) found = { device, type, mountPoint };
  }
  return found;
}
