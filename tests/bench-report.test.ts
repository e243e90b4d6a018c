// The benchmark's report from saved results (`npm run bench -- --from-json`, no build), with a
// Starlight stopped at the peers' time limit: its time reads as a lower bound, every ratio with it
// as a bound, and "at most half of Starlight's time" is judged on that bound. The limit itself
// (stopping the build) is tested in tests/bench-steps.test.ts; a whole run in tests/bench/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'bench-bao-cao-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const step = (seconds: number, peakMb: number, extra: object = {}) => ({ seconds, peakMb, ...extra });
const result = (site: string, runs: number[], extra: object = {}) => ({
  corpus: '10.000 văn bản', site, processor: site === 'dự án' || site === 'Astro + MDX trần' ? 'satteri' : 'mặc định', pages: 10001,
  build: step(runs[0]! * 0.7, 4000), index: step(runs[0]! * 0.3, 3000),
  totalSeconds: (runs[0]! + runs[1]!) / 2, msPerPage: 15, distMb: 400, indexMb: 50, p50: 60, p95: 250,
  largestPageKb: 51, pagesOverBudget: 0, runs, ...extra,
});

it('reports a Starlight stopped at three times the project\'s time as a bound that meets "at most half"', () => {
  const saved = {
    started: '2026-12-04T19:16:05.000Z', machine: 'máy thử', minutes: 30, repeat: 2, peerLimit: 3,
    results: [
      result('dự án', [150, 160]),
      result('Astro + MDX trần', [115, 110]),
      // Stopped at 3 × 150 s both times, 2,400 pages written by the second stop, the largest 2.3 MB.
      result('Starlight', [450, 450], {
        pages: 2400, build: step(450, 3500, { stopped: true }), index: step(0, 0), indexInBuild: true,
        p50: 0, p95: 0, largestPageKb: 2355, pagesOverBudget: 2400, stopped: [true, true],
      }),
      result('Hugo', [40, 42]),
    ],
    rebuilds: [],
    peerVersions: { starlight: '@astrojs/starlight 0.42.6', hugo: 'Hugo 0.111.3 (gói Debian)' },
  };
  const json = join(work, 'saved.json');
  const out = join(work, 'benchmarks.md');
  writeFileSync(json, JSON.stringify(saved));
  const run = spawnSync('npm', ['run', 'bench', '--', '--from-json', json, '--sizes', '10000', '--processors', 'satteri', '--out', out], {
    cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_DIR: join(work, 'cay') }, timeout: 120_000,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0);
  const md = readFileSync(out, 'utf8');
  // The run's own date, not the day the page was rewritten from it.
  expect(md).toContain('Chạy ngày 2026-12-04 (bắt đầu 19:16 UTC) trên: máy thử.');
  const row = (site: string) => md.split('\n').find((line) => line.startsWith(`| 10.000 văn bản | ${site} |`));
  // The results table: a lower bound for the time, the pages written marked unfinished, no search.
  expect(row('Starlight')).toMatch(/^\| 10\.000 văn bản \| Starlight \| mặc định \| 2\.400 \(chưa xong\) \| — \| > 450,0 \| 0,0 \| > 450,0 \| — \| — \| 3\.500 \|.* \| — \| — \| 2\.355 \| 2\.400 \|$/);
  // The peers' table: "> " on its time, "< " on the project against it, each stopped pair too.
  const peer = md.split('\n').find((line) => line.startsWith('| 10.000 văn bản | Starlight | > 450,0'));
  expect(peer).toBeDefined();
  expect(peer).toContain('> 450,0 (> 450,0; > 450,0)');
  expect(peer).toContain('> 4,002× (từng cặp > 3,913×; > 4,091×)');
  expect(peer).toContain('< 0,344× (từng cặp < 0,333×; < 0,356×)');
  expect(peer!.trimEnd().endsWith('| — |')).toBe(true);
  expect(md).toContain('Một trang chưa dựng xong khi đã mất 3,0 lần thời gian lần dựng đầu của dự án cùng cỡ thì bị dừng');
  // The target, on the bound: below 0.344, so at most half.
  expect(md).toMatch(/\| 10\.000 văn bản \| satteri \| [^|]+ \| < 0,344× \(đạt; ≤ 0,500×\) \|/);
  // Hugo finished: plain figures.
  expect(md).toMatch(/\| 10\.000 văn bản \| Hugo \| 41,0 \(40,0; 42,0\) \| 0,365× \(từng cặp 0,348×; 0,382×\) /);
});

it('says a saved run without its date has none, rather than the day it is rewritten', () => {
  const json = join(work, 'khong-ngay.json');
  const out = join(work, 'khong-ngay.md');
  writeFileSync(json, JSON.stringify({ machine: 'máy thử', minutes: 1, repeat: 1, results: [], rebuilds: [] }));
  const run = spawnSync('npm', ['run', 'bench', '--', '--from-json', json, '--sizes', '10000', '--processors', 'satteri', '--out', out], {
    cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_DIR: join(work, 'cay2') }, timeout: 120_000,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0);
  expect(readFileSync(out, 'utf8')).toContain('Chạy ngày (không rõ: tệp kết quả này không lưu ngày chạy) trên: máy thử.');
});

it('refuses a --peer-limit that is not a positive number, in one Vietnamese line', () => {
  const run = spawnSync('npm', ['run', 'bench', '--', '--peer-limit', 'ba', '--sizes', '20'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_DIR: join(work, 'sai') }, timeout: 60_000,
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--peer-limit phải là một số dương (bội số thời gian lần dựng đầu của dự án), không phải "ba".');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});
