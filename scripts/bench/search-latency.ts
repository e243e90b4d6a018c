// Search latency in Node against a built index: 20 fixed queries, one warm-up pass, then timed
// passes. Project mode runs the site's own query path (diacritic/tone variants, merge, re-rank,
// fragments of the top results); bare mode runs Pagefind's search and loads the same number of
// fragments. Prints JSON: { p50, p95, samples } (milliseconds elapsed, or of CPU with BENCH_CPU=1).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGEFIND_OPTIONS, runSearch, type PagefindLike } from '../../src/lib/search/run.ts';

export const QUERIES = [
  'công đoàn', 'cong doan', 'đoàn viên', 'doan vien', 'thỏa ước lao động tập thể', 'thoả ước', 'hòa giải', 'khoá họp',
  '2494', '2494/CTr-TLĐ', '1563/CTr-TLĐ', '56/KH-TLĐ', 'tld', 'chỉ tiêu', 'chi tieu nhiem ky', 'phúc lợi',
  'an toàn vệ sinh lao động', 'Đồng Nai', 'nghị quyết đại hội', 'sơ kết',
];

const [dist = 'dist', mode = 'project', passesArg = '3'] = process.argv.slice(2);
const root = resolve(dist);
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = new URL(url, 'http://localhost/').pathname;
  if (!path.startsWith('/pagefind/')) return realFetch(input);
  return new Response(readFileSync(join(root, decodeURIComponent(path))));
}) as typeof fetch;
const pagefind = (await import(pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href)) as PagefindLike & {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
};
await pagefind.options(PAGEFIND_OPTIONS);
await pagefind.init();

// BENCH_CPU=1: each sample is the process's CPU time (user + system) over the query instead of the
// time elapsed, which on a busy machine says more about a change than the wall clock does.
const cpu = Boolean(process.env.BENCH_CPU);
const now = () => {
  if (!cpu) return performance.now();
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

async function once(query: string): Promise<number> {
  const started = now();
  if (mode === 'project') await runSearch(pagefind, query, { limit: 10 });
  else {
    const found = await pagefind.search(query);
    await Promise.all((found?.results ?? []).slice(0, 10).map((r) => r.data()));
  }
  return now() - started;
}

for (const q of QUERIES) await once(q);
const samples: number[] = [];
const perQuery = new Map<string, number[]>();
for (let pass = 0; pass < Number(passesArg); pass += 1) {
  for (const q of QUERIES) {
    const ms = await once(q);
    samples.push(ms);
    perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
  }
}
if (process.env.BENCH_VERBOSE) for (const [q, ms] of perQuery) console.error(q.padEnd(30), ms.map((m) => m.toFixed(0)).join(' '));
samples.sort((a, b) => a - b);
const pick = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)]!;
console.log(JSON.stringify({ p50: pick(0.5), p95: pick(0.95), samples: samples.length }));
