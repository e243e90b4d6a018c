// The benchmark's time limit for peers (`npm run bench -- --peer-limit`, scripts/bench/steps.ts):
// a step past its limit is stopped with every process it started, and a stopped build's time is
// compared as a bound, never as a measure. The report itself is checked from saved results in
// tests/bench-report.test.ts. And the project copy it builds holds the whole edition.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareRuns, fileSystemOf, meetsAtMost, ownPartOfRebuild, timed } from '../scripts/bench/steps';
import { copyEdition } from '../scripts/bench/corpus';

const work = mkdtempSync(join(tmpdir(), 'bench-buoc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Running: listed in /proc and not a zombie (a killed process whose parent has not reaped it yet). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('timed', () => {
  it('stops a step at its limit with the processes it started, and says so', async () => {
    // A build that starts a helper process and never ends: both must be gone after the limit.
    const script = join(work, 'treo.mjs');
    const pids = join(work, 'pids.txt');
    writeFileSync(script, [
      "import { spawn } from 'node:child_process';",
      "import { writeFileSync } from 'node:fs';",
      "const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
      `writeFileSync(${JSON.stringify(pids)}, process.pid + ' ' + helper.pid);`,
      'setInterval(() => {}, 1000);',
    ].join('\n'));
    const started = performance.now();
    const step = await timed(work, process.execPath, [script], {}, 1.5);
    const took = (performance.now() - started) / 1000;
    expect(step.stopped).toBe(true);
    expect(step.seconds).toBe(1.5);
    expect(took).toBeGreaterThanOrEqual(1.4);
    expect(took).toBeLessThan(5);
    // Its memory was sampled until the stop (two Node processes).
    expect(step.peakMb).toBeGreaterThan(20);
    const [build, helper] = readFileSync(pids, 'utf8').split(' ').map(Number) as [number, number];
    // SIGKILL to the group: gone at once, the helper too (not left to run beside the next build).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(build)).toBe(false);
    expect(alive(helper)).toBe(false);
  });

  it('times a step that ends before its limit as a measure', async () => {
    const step = await timed(work, process.execPath, ['-e', 'setTimeout(() => {}, 300)'], {}, 30);
    expect(step.stopped).toBeUndefined();
    expect(step.seconds).toBeGreaterThanOrEqual(0.25);
    expect(step.seconds).toBeLessThan(10);
  });

  it('still refuses a step that fails', async () => {
    await expect(timed(work, process.execPath, ['-e', 'process.exit(3)'], {}, 30)).rejects.toThrow(/mã 3/);
  });
});

describe('compareRuns', () => {
  const measured = (...totals: number[]) => ({ totals, stopped: totals.map(() => false) });

  it('takes the median of the pairs when every build finished', () => {
    const c = compareRuns(measured(10, 12), measured(20, 20));
    expect(c.pairs).toEqual([0.5, 0.6]);
    expect(c.ratio).toBeCloseTo(0.55);
    expect(c.bound).toBeUndefined();
    expect(c.bounded).toEqual([false, false]);
    expect(meetsAtMost(c, 0.5)).toBe(false);
  });

  it('reads a pair against a stopped build as a bound, and so the median', () => {
    // The project 150 s and 160 s; the peer stopped at 300 s once, finished in 340 s once.
    const c = compareRuns(measured(150, 160), { totals: [300, 340], stopped: [true, false] });
    expect(c.bound).toBe('below');
    expect(c.bounded).toEqual([true, false]);
    expect(c.ratio).toBeCloseTo((0.5 + 160 / 340) / 2);
    // Lower than 0.49: at most half, settled.
    expect(meetsAtMost(c, 0.5)).toBe(true);
    // A peer stopped before twice the project's time leaves "at most half" open, not failed.
    expect(meetsAtMost(compareRuns(measured(150), { totals: [200], stopped: [true] }), 0.5)).toBeUndefined();
    // The other way round: the stopped site is A, its ratio a lower bound.
    const reverse = compareRuns({ totals: [300], stopped: [true] }, measured(150));
    expect(reverse.bound).toBe('above');
    expect(meetsAtMost(reverse, 1.5)).toBe(false);
    expect(meetsAtMost(reverse, 3)).toBeUndefined();
  });

  it('refuses to compare two stopped builds', () => {
    expect(() => compareRuns({ totals: [10], stopped: [true] }, { totals: [10], stopped: [true] })).toThrow(/bị dừng/);
  });
});

describe('fileSystemOf', () => {
  // As /proc/mounts writes them: a space in a mount point is \040; a later line over a mount point hides it.
  const mounts = [
    '/dev/vda / ext4 rw,relatime,discard 0 0',
    'tmpfs /dev/shm tmpfs rw,relatime 0 0',
    '/dev/vdb /mnt/o\\040dia xfs rw 0 0',
    'tmpfs /mnt/o\\040dia tmpfs rw 0 0',
    '',
  ].join('\n');

  it('names the deepest mount point that holds the folder', () => {
    expect(fileSystemOf('/tmp/congdoan-bench', mounts)).toEqual({ device: '/dev/vda', type: 'ext4', mountPoint: '/' });
    expect(fileSystemOf('/dev/shm/bench', mounts)).toEqual({ device: 'tmpfs', type: 'tmpfs', mountPoint: '/dev/shm' });
    expect(fileSystemOf('/dev/shm', mounts)?.type).toBe('tmpfs');
  });

  it('matches whole folder names, reads escaped spaces, and takes the last of two mounts at one place', () => {
    expect(fileSystemOf('/dev/shmkhac/bench', mounts)?.type).toBe('ext4');
    expect(fileSystemOf('/mnt/o dia/bench', mounts)).toEqual({ device: 'tmpfs', type: 'tmpfs', mountPoint: '/mnt/o dia' });
  });

  it('finds nothing in an empty table', () => {
    expect(fileSystemOf('/tmp', '')).toBeUndefined();
  });
});

describe('the benchmark\'s copy of the project\'s edition (copyEdition, scripts/bench/corpus.ts)', () => {
  const entries = (dir: string) => readdirSync(join(dir, 'content')).sort();

  it('copies every entry of content/, the notices included, byte for byte', () => {
    const dir = mkdtempSync(join(work, 'an-ban-'));
    copyEdition(process.cwd(), dir);
    expect(entries(dir)).toEqual(entries(process.cwd()));
    expect(entries(dir)).toContain('thong-bao');
    const notices = readdirSync(join(process.cwd(), 'content/thong-bao'));
    expect(notices.length).toBeGreaterThan(0);
    for (const name of notices) expect(readFileSync(join(dir, 'content/thong-bao', name))).toEqual(readFileSync(join(process.cwd(), 'content/thong-bao', name)));
    expect(readFileSync(join(dir, 'content/cau-hinh.yaml'), 'utf8')).toBe(readFileSync('content/cau-hinh.yaml', 'utf8'));
  });

  it('with a synthetic dataset, leaves out only the indicators, units and results it replaces', () => {
    const dir = mkdtempSync(join(work, 'an-ban-'));
    copyEdition(process.cwd(), dir, { syntheticData: true });
    expect(entries(dir)).toEqual(entries(process.cwd()).filter((name) => !['chi-tieu', 'don-vi', 'so-lieu'].includes(name)));
  });
});

describe("the rebuild target on the project's own work (ownPartOfRebuild)", () => {
  it('halves the part of the full build beyond the bare site', () => {
    expect(ownPartOfRebuild(2.6, 1.1)).toEqual({ ratio: 1.1 / 2.6, met: true });
    expect(ownPartOfRebuild(3.3, 2.0)).toEqual({ ratio: 2.0 / 3.3, met: false });
    expect(ownPartOfRebuild(2, 1).met).toBe(true);
  });

  it('leaves the target open when the project builds no slower than the bare site', () => {
    // 1,000 documents on disk, 06/12/2026: 14.2 s against 14.6 s full, 12.0 against 14.1 s again.
    expect(ownPartOfRebuild(14.2 - 14.6, 12.0 - 14.1)).toEqual({});
    expect(ownPartOfRebuild(0, -0.5)).toEqual({});
  });
});
