// `npm run bench`: builds synthetic corpora with the project's real pipeline, with a bare
// Astro + MDX + Pagefind site (under both Markdown processors), and with its peers Starlight and
// Hugo (scripts/bench/peers.ts), then writes docs/benchmarks.md.
//   npm run bench                      1,000 and 10,000 documents, 200 units × 50 indicators × 3 years
//   npm run bench -- --sizes 200 --data 20x10 --out /tmp/b.md   (a quick check of the script)
//   npm run bench -- --repeat 2        every site twice, in A-B-C-D-D-C-B-A order, ratios pair by pair
//   npm run bench -- --peers none      without Starlight and Hugo (--peers starlight: Starlight only)
//   npm run bench -- --data none       without the data set
//   npm run bench -- --rebuild         also a rebuild after one content file changes (real site and each size)
//   npm run bench -- --peer-limit 4    stop a peer's build at 4× the project's first build time (default 3)
// Corpora are generated under the system temp folder (BENCH_DIR to choose another), never in content/.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { copyEdition, writeDataset, writeDocuments } from './corpus.ts';
import { ensureHugo, hugoCopy, linkModules, PEERS, starlightCopy, starlightModules, type Peer } from './peers.ts';
import { allocatorEnv, heapLimitMb } from '../build.mjs';
import { listContentDir } from '../../src/lib/content/content-dir.ts';
import { contentPaths } from '../../src/lib/content/paths.ts';
import { compareRuns, fileSystemOf, meetsAtMost, median, ownPartOfRebuild, timed, type Comparison, type Step } from './steps.ts';

const root = new URL('../..', import.meta.url).pathname;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] as string) : fallback;
};
const sizes = arg('sizes', '1000,10000').split(',').filter(Boolean).map(Number);
const dataArg = arg('data', '200x50');
const [dataUnits, dataIndicators] = (dataArg === 'none' ? [0, 0] : dataArg.split('x').map(Number)) as [number, number];
const peers = arg('peers', PEERS.join(',')).split(',').filter((p): p is Peer => (PEERS as readonly string[]).includes(p));
const rebuildToo = process.argv.includes('--rebuild');
const processors = arg('processors', 'unified,satteri').split(',') as ('unified' | 'satteri')[];
const out = arg('out', join(root, 'docs/benchmarks.md'));
// Build times on a shared virtual machine vary by 10% from run to run (the bare 10,000-document
// build took 72 s and 84 s on the same afternoon): repeats, in A-B-B-A order so that drift and the
// previous build's clean-up weigh on both sites alike, give the ratio a steadier footing.
const repeat = Math.max(1, Number(arg('repeat', '1')));
// A peer still building after this many times the project's first build of the same size is stopped:
// Starlight at 10,000 documents (its default sidebar lists every page on every page) would otherwise
// take longer than the rest of the run together. The target is the project in at most half of
// Starlight's time; a limit of 2 would settle it only if the project's later builds were no slower
// than its first (in the D-C-B-A round the project builds after the peers, so its time is not known
// yet). They vary by up to a third between runs here, so the default, 3, leaves a margin of half.
const peerLimit = Number(arg('peer-limit', '3'));
if (!(peerLimit > 0)) {
  console.error(`npm run bench: --peer-limit phải là một số dương (bội số thời gian lần dựng đầu của dự án), không phải "${arg('peer-limit', '')}".`);
  process.exit(2);
}
// Absolute, as every step runs in its own folder: a relative BENCH_DIR failed the pre-check's path.
const work = resolve(process.env.BENCH_DIR ?? join(tmpdir(), 'congdoan-bench'));
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

/** A step's share of the total: none for one that ran beside the next. */
const ownSeconds = (step: Step | undefined) => (step && !step.overlapped ? step.seconds : 0);
type SiteKind = 'project' | 'bare' | Peer;
const SITE_LABEL: Record<SiteKind, string> = { project: 'dự án', bare: 'Astro + MDX trần', starlight: 'Starlight', hugo: 'Hugo' };
interface Result {
  corpus: string; site: string; processor: string; pages: number;
  build: Step; index: Step;
  /**
   * The project's own steps around Astro and Pagefind in `npm run build`: the content pre-check
   * (scripts/check.ts; Astro then skips its copy of the check, SOKET_PRECHECKED), which runs beside
   * Astro (`overlapped`; saved results from before it did counted it in the total, as the bare site's
   * build has no equivalent to skip it for); the .gz/.br copies
   * (scripts/precompress.ts) are shown apart, a serving optimisation the bare site lacks.
   * Absent in results saved before they were measured.
   */
  check?: Step; precompress?: Step;
  /** Starlight runs Pagefind inside its own build (an Astro integration): its index time is in `build`. */
  indexInBuild?: boolean;
  totalSeconds: number; msPerPage: number; distMb: number; indexMb: number; p50: number; p95: number;
  /** The largest HTML page (KB) and how many pages reach the 100 KB budget; absent in results saved before they were measured. */
  largestPageKb?: number; pagesOverBudget?: number;
  /** Total seconds of each repeat, in the order built, when there were several (the other times are their means). */
  runs?: number[];
  /**
   * Builds stopped at the peers' time limit (--peer-limit), unfinished: their total is the limit, a
   * lower bound; pages, sizes and memory are what they had written and used until then, and no
   * search index was built (p50, p95 are 0). One flag per build, in the order built.
   */
  stopped?: boolean[];
}
/** A full build and a rebuild after one content file changed, with every cache the build keeps. */
interface Rebuild { corpus: string; site: string; change: string; full: number[]; again: number[]; fullSteps: Step[][]; againSteps: Step[][] }

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Whether a build (or any of a result's builds) was stopped at the peers' time limit. */
const stoppedResult = (r: Result) => r.stopped?.some(Boolean) ?? false;

/** Several runs of one site as one result: times and latencies averaged, memory the highest seen. */
function combine(runs: Result[]): Result {
  if (runs.length === 1) return runs[0]!;
  const step = (pick: (r: Result) => Step): Step => ({
    seconds: mean(runs.map((r) => pick(r).seconds)), peakMb: Math.max(...runs.map((r) => pick(r).peakMb)),
    ...(runs.some((r) => pick(r).stopped) ? { stopped: true } : {}),
  });
  return {
    ...runs[0]!,
    build: step((r) => r.build),
    index: step((r) => r.index),
    ...(runs[0]!.check ? { check: { ...step((r) => r.check!), ...(runs[0]!.check.overlapped ? { overlapped: true } : {}) } } : {}),
    ...(runs[0]!.precompress ? { precompress: step((r) => r.precompress!) } : {}),
    totalSeconds: mean(runs.map((r) => r.totalSeconds)),
    msPerPage: mean(runs.map((r) => r.msPerPage)),
    p50: mean(runs.map((r) => r.p50)),
    p95: mean(runs.map((r) => r.p95)),
    runs: runs.map((r) => r.totalSeconds),
    ...(runs.some(stoppedResult) ? { stopped: runs.map(stoppedResult) } : {}),
  };
}

const node = (cwd: string, args: string[], env: Record<string, string>, limitSeconds?: number) => timed(cwd, process.execPath, args, env, limitSeconds);

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0);
}
/** Sizes (bytes) of every HTML page under dist/, the search index aside. */
function htmlSizes(path: string): number[] {
  return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'pagefind' ? [] : htmlSizes(join(path, e.name))) : e.name.endsWith('.html') ? [statSync(join(path, e.name)).size] : []);
}

function projectCopy(name: string, withDocs: number, dataset?: [number, number]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  linkModules(dir, join(root, 'node_modules'));
  copyEdition(root, dir, { syntheticData: dataset !== undefined });
  if (withDocs > 0) writeDocuments(join(dir, 'content/van-ban'), withDocs);
  if (dataset) writeDataset(join(dir, 'content'), dataset[0], dataset[1], [2018, 2019, 2020]);
  return dir;
}

function bareCopy(name: string, docs: number): string {
  const dir = join(work, name);
  cpSync(join(root, 'scripts/bench/bare-site'), dir, { recursive: true });
  linkModules(dir, join(root, 'node_modules'));
  writeDocuments(join(dir, 'content/van-ban'), docs);
  return dir;
}

function latency(dist: string, mode: 'project' | 'bare'): { p50: number; p95: number } {
  const result = spawnSync(process.execPath, [join(root, 'scripts/bench/search-latency.ts'), dist, mode], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as { p50: number; p95: number };
}

/** Where each kind of site writes its pages. */
const outputDir = (dir: string, kind: SiteKind) => join(dir, kind === 'hugo' ? 'public' : 'dist');

/** Every cache a build keeps, in the copy's own folders (node_modules holds links, these are its own). */
function clearCaches(dir: string): void {
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache', 'resources']) rmSync(join(dir, cache), { recursive: true, force: true });
}

/** The build steps of one site, timed: pre-check, build, index (what applies to that kind of site). */
async function buildSteps(dir: string, kind: SiteKind, processor: string, limitSeconds?: number, compileCache?: string): Promise<{ check?: Step; build: Step; index: Step }> {
  // Node's compile cache off for every step of a cold build: Astro turns it on (/tmp/node-compile-cache,
  // keyed by file path and content), and the bench builds each site at the same path every time, so a
  // site whose built code had not changed since the last run (always the bare one) skipped compiling
  // its 10,000 page modules while the project, changed, compiled them (7.8 s cold against 2.1 s warm
  // in the CPU profiles of two 10,000-document builds, docs/benchmarks.md). A rebuild pair gives each
  // site a cache of its own instead (`compileCache`), emptied before its full build.
  const env: Record<string, string> = compileCache ? { MARKDOWN_PROCESSOR: processor, NODE_COMPILE_CACHE: compileCache } : { MARKDOWN_PROCESSOR: processor, NODE_DISABLE_COMPILE_CACHE: '1' };
  // The heap limit `npm run build` gives this processor and its allocator setting (no transparent
  // huge pages, scripts/build.mjs), for the project and the bare site alike; Starlight builds as
  // its users run it, with Node's defaults.
  const buildEnv = { ...env, ...allocatorEnv(), NODE_OPTIONS: `--max-old-space-size=${heapLimitMb(processor)}` };
  rmSync(outputDir(dir, kind), { recursive: true, force: true });
  switch (kind) {
    case 'project': {
      // As `npm run build` runs them (scripts/build.mjs): Astro starts beside the pre-check. The
      // build's time runs from their common start until both have ended.
      const started = performance.now();
      const [check, build] = await Promise.all([
        node(dir, ['scripts/check.ts', dir], env),
        node(dir, ['node_modules/.bin/astro', 'build'], { ...buildEnv, SOKET_PRECHECKED: '1' }),
      ]);
      const both = { ...build, seconds: (performance.now() - started) / 1000 };
      return { check: { ...check, overlapped: true }, build: both, index: await node(dir, ['scripts/pagefind.mjs'], env) };
    }
    case 'bare':
      return { build: await node(dir, ['node_modules/.bin/astro', 'build'], buildEnv), index: await node(dir, ['scripts/pagefind.mjs'], env) };
    case 'starlight':
      return { build: await node(dir, ['node_modules/.bin/astro', 'build'], { NODE_DISABLE_COMPILE_CACHE: '1' }, limitSeconds), index: { seconds: 0, peakMb: 0 } };
    case 'hugo': {
      const build = await timed(dir, 'hugo', ['--quiet', '--destination', 'public'], {}, limitSeconds);
      // Its index within what is left of the limit; none when the build used it all.
      if (build.stopped) return { build, index: { seconds: 0, peakMb: 0 } };
      const index = await node(dir, ['scripts/pagefind.mjs'], { ...env, DIST_DIR: 'public' }, limitSeconds === undefined ? undefined : limitSeconds - build.seconds);
      return { build, index };
    }
  }
}

async function measure(dir: string, corpus: string, kind: SiteKind, processor: string, limitSeconds?: number): Promise<Result> {
  const site = SITE_LABEL[kind];
  process.stdout.write(`  ${corpus} · ${site} · ${kind === 'project' || kind === 'bare' ? processor : 'mặc định'} … `);
  // Every build starts cold, as on a fresh clone: no content-layer, Vite, compile, image or draft cache.
  clearCaches(dir);
  const { check, build, index } = await buildSteps(dir, kind, processor, limitSeconds);
  const stopped = build.stopped === true || index.stopped === true;
  const dist = outputDir(dir, kind);
  // A stopped build: the pages it had written (the last one perhaps cut short), no index to search.
  const sizes = existsSync(dist) ? htmlSizes(dist) : [];
  const pages = sizes.length;
  const { p50, p95 } = stopped ? { p50: 0, p95: 0 } : latency(dist, kind === 'project' ? 'project' : 'bare');
  // After the latency runs: the search page does not read the compressed copies.
  const precompress = kind === 'project' ? await node(dir, ['scripts/precompress.ts'], { NODE_DISABLE_COMPILE_CACHE: '1', DIST_DIR: dist }) : undefined;
  const total = ownSeconds(check) + build.seconds + index.seconds;
  const result: Result = {
    corpus, site, processor: kind === 'project' || kind === 'bare' ? processor : 'mặc định', pages, build, index,
    ...(check ? { check } : {}), ...(precompress ? { precompress } : {}), ...(kind === 'starlight' ? { indexInBuild: true } : {}),
    totalSeconds: total, msPerPage: pages ? (total * 1000) / pages : 0,
    distMb: sizeOf(dist) / 1048576, indexMb: sizeOf(join(dist, 'pagefind')) / 1048576, p50, p95,
    largestPageKb: sizes.reduce((a, b) => Math.max(a, b), 0) / 1024, pagesOverBudget: sizes.filter((size) => size >= 100 * 1024).length,
    ...(stopped ? { stopped: [true] } : {}),
  };
  const peakText = `${Math.max(build.peakMb, index.peakMb, check?.peakMb ?? 0).toFixed(0)} MB`;
  if (stopped) console.log(`dừng ở giới hạn ${total.toFixed(1)} s (${peerLimit}× thời gian dự án), chưa xong: đã ghi ${pages} trang, ${peakText}`);
  else console.log(`${total.toFixed(1)} s, ${peakText}, p95 ${p95.toFixed(1)} ms${precompress ? `; nén sẵn ${precompress.seconds.toFixed(1)} s` : ''}`);
  rmSync(dist, { recursive: true, force: true });
  return result;
}

/**
 * A cold full build, then one content file changed and the site built again with the caches the
 * first build left (Astro's content layer, the project's chart, share-image and draft caches, and
 * Node's compile cache, which Astro turns on and `npm run build` gives its other steps), as an
 * editor's next `npm run build` would.
 */
async function rebuildPair(dir: string, kind: SiteKind, change: { file: string; edit: (text: string, round: number) => string }, round: number): Promise<{ full: Step[]; again: Step[] }> {
  const steps = (s: { check?: Step; build: Step; index: Step }) => [...(s.check ? [s.check] : []), s.build, s.index];
  clearCaches(dir);
  // In node_modules/.cache, which clearCaches empties: each site and round starts from none.
  const compileCache = join(dir, 'node_modules/.cache/node-compile-cache');
  const full = steps(await buildSteps(dir, kind, 'satteri', undefined, compileCache));
  const file = join(dir, change.file);
  writeFileSync(file, change.edit(readFileSync(file, 'utf8'), round));
  const again = steps(await buildSteps(dir, kind, 'satteri', undefined, compileCache));
  rmSync(outputDir(dir, kind), { recursive: true, force: true });
  return { full, again };
}

const fromJson = arg('from-json', '');
const saved = fromJson ? (JSON.parse(readFileSync(fromJson, 'utf8')) as { started?: string; machine: string; minutes: number; repeat?: number; peerLimit?: number; results: Result[]; rebuilds?: Rebuild[]; peerVersions?: Record<string, string> }) : null;
const results: Result[] = saved?.results ?? [];
const rebuilds: Rebuild[] = saved?.rebuilds ?? [];
const peerVersions: Record<string, string> = saved?.peerVersions ?? {};
// The machine's load when the run starts and ends: on a shared machine, other work slows every build.
const loadAtStart = loadavg()[0]!;
const started = Date.now();
const log = (line: string) => console.log(line);
const starlight = !saved && peers.includes('starlight') && sizes.length ? starlightModules(root, log) : undefined;
if (starlight) peerVersions.starlight = `@astrojs/starlight ${starlight.version}`;
if (!saved && peers.includes('hugo') && sizes.length) peerVersions.hugo = `Hugo ${/v?(\d+\.\d+\.\d+\S*)/.exec(ensureHugo(log))?.[1] ?? '(phiên bản không rõ)'} (gói Debian)`;
for (const size of saved ? [] : sizes) {
  const corpus = `${size.toLocaleString('vi-VN')} văn bản`;
  console.log(`Bộ ${corpus}:`);
  const dirs = new Map<SiteKind, string>([['project', projectCopy(`du-an-${size}`, size)], ['bare', bareCopy(`tran-${size}`, size)]]);
  if (starlight) {
    dirs.set('starlight', join(work, `starlight-${size}`));
    starlightCopy(dirs.get('starlight')!, size, starlight.modules);
  }
  if (peers.includes('hugo')) {
    dirs.set('hugo', join(work, `hugo-${size}`));
    hugoCopy(dirs.get('hugo')!, size, root);
  }
  for (const [p, processor] of processors.entries()) {
    // The peers have their own Markdown pipelines: built once, beside the first processor's pair.
    const kinds = [...dirs.keys()].filter((kind) => p === 0 || kind === 'project' || kind === 'bare');
    const byKind = new Map<SiteKind, Result[]>(kinds.map((kind) => [kind, []]));
    for (let run = 0; run < repeat; run += 1) {
      // A-B-C-D, then D-C-B-A: drift and the previous build's clean-up weigh on every site alike.
      const order = run % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        // Peers only, from the project's first build at this size (built first, A-B-C-D).
        const projectFirst = byKind.get('project')?.[0]?.totalSeconds;
        const limit = kind !== 'project' && kind !== 'bare' && projectFirst !== undefined ? peerLimit * projectFirst : undefined;
        byKind.get(kind)!.push(await measure(dirs.get(kind)!, corpus, kind, processor, limit));
      }
    }
    for (const kind of kinds) results.push(combine(byKind.get(kind)!));
  }
  for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
}
if (!saved && dataUnits > 0) {
  const dataCorpus = `${dataUnits} đơn vị × ${dataIndicators} chỉ tiêu × 3 năm`;
  console.log(`Bộ ${dataCorpus}:`);
  const data = projectCopy('so-lieu', 0, [dataUnits, dataIndicators]);
  results.push(await measure(data, dataCorpus, 'project', 'satteri'));
  rmSync(data, { recursive: true, force: true });
}
if (!saved && rebuildToo) {
  // The real site: one unit's figure changes (an imported form); a corpus: one document gains a paragraph.
  const figure = { file: 'content/so-lieu/2019.csv', edit: (text: string, round: number) => text.replace(/^(bien-hoa,2019,gioi-thieu-doan-vien-uu-tu,)(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + round + 1}`) };
  const paragraph = { file: 'content/van-ban/van-ban-00001.mdx', edit: (text: string, round: number) => `${text}\nĐoạn sửa thêm lần ${round + 1} để đo lần dựng lại.\n` };
  // Beside the real site, a bare Astro + MDX site of as many documents (synthetic): what any Astro
  // site of that size pays (start-up, content sync, bundling) and no rebuild can skip, so that the
  // real site's own part can be told from it, as each corpus's is from its bare site.
  const realDocuments = listContentDir(root, contentPaths.documents).names.filter((name) => name.endsWith('.mdx')).length;
  const cases: { corpus: string; kind: SiteKind; dir: string; change: typeof figure; label: string }[] = [
    { corpus: 'trang thật', kind: 'project', dir: projectCopy('lai-that', 0), change: figure, label: 'một số liệu của một đơn vị (content/so-lieu/2019.csv)' },
    { corpus: 'trang thật', kind: 'bare', dir: bareCopy('lai-tran-that', realDocuments), change: paragraph, label: `một văn bản thêm một đoạn (${realDocuments} văn bản tổng hợp, bằng số văn bản của trang thật)` },
  ];
  for (const size of sizes) {
    const corpus = `${size.toLocaleString('vi-VN')} văn bản`;
    cases.push({ corpus, kind: 'project', dir: projectCopy(`lai-du-an-${size}`, size), change: paragraph, label: 'một văn bản thêm một đoạn' });
    cases.push({ corpus, kind: 'bare', dir: bareCopy(`lai-tran-${size}`, size), change: paragraph, label: 'một văn bản thêm một đoạn' });
  }
  console.log('Dựng lại sau khi một tệp nội dung đổi:');
  for (const c of cases) {
    const entry: Rebuild = { corpus: c.corpus, site: SITE_LABEL[c.kind], change: c.label, full: [], again: [], fullSteps: [], againSteps: [] };
    for (let round = 0; round < repeat; round += 1) {
      process.stdout.write(`  ${c.corpus} · ${entry.site} · lần ${round + 1} … `);
      const { full, again } = await rebuildPair(c.dir, c.kind, c.change, round);
      const sum = (steps: Step[]) => steps.reduce((n, s) => n + ownSeconds(s), 0);
      entry.full.push(sum(full));
      entry.again.push(sum(again));
      entry.fullSteps.push(full);
      entry.againSteps.push(again);
      console.log(`đủ ${sum(full).toFixed(1)} s, dựng lại ${sum(again).toFixed(1)} s`);
    }
    rebuilds.push(entry);
    rmSync(c.dir, { recursive: true, force: true });
  }
}
const minutes = saved?.minutes ?? (Date.now() - started) / 60000;
// When the run began (UTC), kept with its results: a page rewritten later from them (--from-json)
// gives the run's date, not the day it was rewritten. Files saved before it was kept have none.
const startedAt = saved ? saved.started : new Date(started).toISOString();
const runDate = startedAt ? `${startedAt.slice(0, 10)} (bắt đầu ${startedAt.slice(11, 16)} UTC)` : '(không rõ: tệp kết quả này không lưu ngày chạy)';
const repeats = saved?.repeat ?? repeat;
const savedLimit = saved?.peerLimit ?? peerLimit;

const f1 = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const f0 = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 0 });
const peak = (r: Result) => Math.max(r.build.peakMb, r.index.peakMb, r.check?.peakMb ?? 0);
const optional = (step: Step | undefined) => (step ? `${f1(step.seconds)}${step.overlapped ? ' (song song)' : ''}` : '—');
// A build stopped at the peers' limit took longer than its figure: "> ".
const atLeast = (stopped: boolean | undefined) => (stopped ? '> ' : '');
const runsOf = (r: Result) => (r.runs ? ` (${r.runs.map((t, i) => `${atLeast(r.stopped?.[i])}${f1(t)}`).join('; ')})` : '');
const totalText = (r: Result) => `${atLeast(stoppedResult(r))}${f1(r.totalSeconds)}`;
/** A ratio that is a bound reads "< " (the true one is lower) or "> ". */
const boundText = (bound: Comparison['bound']) => (bound === 'below' ? '< ' : bound === 'above' ? '> ' : '');
const comparedText = (c: Comparison) => `${boundText(c.bound)}${ratioText(c.ratio)}`;
const markOpen = (ok: boolean | undefined) => (ok === undefined ? 'chưa kết luận được' : mark(ok));
const table = [
  '| Bộ dữ liệu | Trang web | Bộ xử lý Markdown | Số trang | Kiểm tra trước (s) | Dựng Astro (s) | Lập chỉ mục (s) | Tổng (s) | Nén sẵn .gz/.br (s) | ms/trang | Bộ nhớ đỉnh (MB) | dist/ (MB) | Chỉ mục (MB) | Tìm kiếm p50 (ms) | p95 (ms) | Trang lớn nhất (KB) | Trang ≥ 100 KB |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) => {
    // A build stopped at the peers' limit: its time is a lower bound, its pages those written by then, no search.
    const stopped = stoppedResult(r);
    const searched = (ms: number) => (stopped ? '—' : f1(ms));
    return `| ${r.corpus} | ${r.site} | ${r.processor} | ${f0(r.pages)}${stopped ? ' (chưa xong)' : ''} | ${optional(r.check)} | ${atLeast(stopped && r.build.stopped)}${f1(r.build.seconds)} | ${atLeast(stopped && r.index.stopped)}${f1(r.index.seconds)} | ${totalText(r)} | ${optional(r.precompress)} | ${stopped ? '—' : f1(r.msPerPage)} | ${f0(peak(r))} | ${f1(r.distMb)} | ${f1(r.indexMb)} | ${searched(r.p50)} | ${searched(r.p95)} | ${r.largestPageKb === undefined ? '—' : f0(r.largestPageKb)} | ${r.pagesOverBudget === undefined ? '—' : f0(r.pagesOverBudget)} |`;
  }),
];
const mark = (ok: boolean) => (ok ? 'đạt' : '**không đạt**');
// Three decimals: a ratio of 1.254 printed as "1,25×" would read as meeting the 1.25 target.
const ratioText = (ratio: number) => `${ratio.toFixed(3).replace('.', ',')}×`;
const corpusOf = (size: number) => `${size.toLocaleString('vi-VN')} văn bản`;
const find = (corpus: string, site: string, processor?: string) =>
  results.find((r) => r.corpus === corpus && r.site === site && (processor === undefined || r.processor === processor));
/**
 * A's time against B's, pair by pair (the n-th build of each, built next to each other in the
 * A-B-…-B-A order), and the median of those pairs, on which targets are judged; one build each
 * gives one pair.
 */
function compare(a: Result, b: Result): Comparison {
  const runs = (r: Result) => {
    const totals = r.runs ?? [r.totalSeconds];
    return { totals, stopped: r.stopped ?? totals.map(() => false) };
  };
  return compareRuns(runs(a), runs(b));
}
const pairsText = (c: Comparison) => (c.pairs.length > 1 ? ` (từng cặp ${c.pairs.map((p, i) => `${c.bounded[i] ? boundText(c.bound) : ''}${ratioText(p)}`).join('; ')})` : '');
const ratios = sizes.flatMap((size) =>
  processors.flatMap((processor) => {
    const corpus = corpusOf(size);
    const mine = find(corpus, SITE_LABEL.project, processor);
    const bare = find(corpus, SITE_LABEL.bare, processor);
    return mine && bare ? [{ corpus, size, processor, mine, bare, ...compare(mine, bare) }] : [];
  }),
);
const ratioLines = ratios.map((r) => `| ${r.corpus} | ${r.processor} | ${f1(r.mine.totalSeconds)}${runsOf(r.mine)} | ${f1(r.bare.totalSeconds)}${runsOf(r.bare)} | ${ratioText(r.ratio)}${pairsText(r)} |`);

// The peers: each against bare Astro and against the project (first processor), on every figure the issue names.
const peerLines = sizes.flatMap((size) => {
  const corpus = corpusOf(size);
  const mine = find(corpus, SITE_LABEL.project, processors[0]);
  const bare = find(corpus, SITE_LABEL.bare, processors[0]);
  return PEERS.flatMap((peer) => {
    const them = find(corpus, SITE_LABEL[peer]);
    if (!them || !mine || !bare) return [];
    const vsBare = compare(them, bare);
    const vsMine = compare(mine, them);
    const x = (a: number, b: number) => (b > 0 ? ratioText(a / b) : '—');
    // Stopped: memory and sizes are what it had reached by then, search was not measured.
    const search = stoppedResult(them) ? '—' : `${f1(them.p95)} (${x(them.p95, bare.p95)}; dự án ${x(mine.p95, them.p95)})`;
    return [`| ${corpus} | ${them.site} | ${totalText(them)}${runsOf(them)} | ${comparedText(vsBare)}${pairsText(vsBare)} | ${comparedText(vsMine)}${pairsText(vsMine)} | ${f0(peak(them))} (${x(peak(them), peak(bare))}; dự án ${x(peak(mine), peak(them))}) | ${f1(them.distMb)} (${x(them.distMb, bare.distMb)}; dự án ${x(mine.distMb, them.distMb)}) | ${f0(them.largestPageKb ?? 0)} (${x(them.largestPageKb ?? 0, bare.largestPageKb ?? 0)}; dự án ${x(mine.largestPageKb ?? 0, them.largestPageKb ?? 0)}) | ${search} |`];
  });
});
const peerSection = peerLines.length ? `
## So với Starlight và Hugo (cùng lần chạy, cùng các văn bản)

${Object.values(peerVersions).join(', ')}. Starlight cài lúc đo vào \`node_modules/.cache/congdoan-soket/bench/\` (không phải phụ thuộc của dự án), cùng
phiên bản Astro với dự án, mọi tuỳ chọn để mặc định (thanh bên liệt kê mọi trang, tìm kiếm Pagefind của Starlight, lập
chỉ mục ngay trong bước dựng nên "Lập chỉ mục" tính trong "Dựng"), giới hạn heap mặc định của Node, bộ cấp phát của
Rolldown để mặc định (có trang lớn; tắt như dự án thì Starlight nhanh hơn chừng 1 s ở 1.000 văn bản trên ổ RAM,
\`scripts/bench/conclusions.md\`). Hugo là gói Debian
\`hugo\` (bộ đo tự cài bằng \`apt-get\` khi thiếu), mẫu trang giống trang trần, Pagefind mặc định trên \`public/\`.
Mỗi trang được dựng xen kẽ với dự án và trang trần: dự án–trần–Starlight–Hugo, rồi ngược lại. Tỷ lệ thời gian là
trung vị của các cặp (lần dựng thứ n của hai bên); trong ngoặc: từng cặp. Các cột khác: giá trị của trang ấy (tỷ lệ so
với trang trần; tỷ lệ dự án so với trang ấy).${results.some(stoppedResult) ? `

Một trang chưa dựng xong khi đã mất ${f1(savedLimit)} lần thời gian lần dựng đầu của dự án cùng cỡ thì bị dừng
(\`--peer-limit\`, mặc định 3, để lần dựng sau của dự án có chậm hơn lần đầu đến một nửa thì cặp ấy vẫn cho dự án
không quá một nửa thời gian của trang ấy). Thời gian của nó ghi
"> giới hạn" và các tỷ lệ có nó ghi "<" hoặc ">": đó là cận, không phải số đo đủ. Số trang (ghi "chưa xong"), dist/,
trang lớn nhất và bộ nhớ đỉnh là những gì nó đã ghi và dùng đến lúc dừng; nó chưa có chỉ mục nên không đo tìm kiếm.` : ''}

| Bộ dữ liệu | Trang web | Tổng (s) | Thời gian so với trần | Dự án so với trang này | Bộ nhớ đỉnh (MB) | dist/ (MB) | Trang lớn nhất (KB) | Tìm kiếm p95 (ms) |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${peerLines.join('\n')}
` : '';

// Rebuilds: a full build with cold caches, then the same site after one content file changed.
const rebuildLines = rebuilds.map((r) => {
  const pairs = r.again.map((t, i) => t / r.full[i]!);
  return `| ${r.corpus} | ${r.site} | ${r.change} | ${f1(median(r.full))} (${r.full.map(f1).join('; ')}) | ${f1(median(r.again))} (${r.again.map(f1).join('; ')}) | ${ratioText(median(pairs))} |`;
});
// The project's own work: what the project's build takes beyond the bare site's on the same corpus.
const ownLines = rebuilds.filter((r) => r.site === SITE_LABEL.project).flatMap((mine) => {
  const bare = rebuilds.find((r) => r.corpus === mine.corpus && r.site === SITE_LABEL.bare);
  if (!bare) return [];
  const fullOwn = median(mine.full) - median(bare.full);
  const againOwn = median(mine.again) - median(bare.again);
  const own = ownPartOfRebuild(fullOwn, againOwn);
  const verdict = own.ratio === undefined
    ? 'lần dựng đủ của dự án không chậm hơn của trang trần, nên không có phần riêng để chia đôi; mục tiêu ≤ 0,5×: chưa kết luận được'
    : againOwn <= 0
    ? `lần dựng lại của dự án không chậm hơn của trang trần; mục tiêu ≤ 0,5×: ${mark(own.met!)}`
    : `${ratioText(own.ratio)}; mục tiêu ≤ 0,5×: ${mark(own.met!)}`;
  return [`- ${mine.corpus}: phần riêng của dự án (dự án trừ trang trần) ${f1(fullOwn)} s khi dựng đủ, ${f1(againOwn)} s khi dựng lại (${verdict}).`];
});
const rebuildSection = rebuildLines.length ? `
## Dựng lại sau khi một tệp nội dung đổi

Lần đầu dựng đủ với mọi bộ đệm trống (như bản sao mới), rồi sửa một tệp và dựng lại, giữ các bộ đệm lần đầu để lại
(lớp nội dung của Astro trong \`node_modules/.astro\`; ảnh biểu đồ, ảnh chia sẻ, dự thảo Word, biểu mẫu Excel, HTML
của các văn bản và mã biên dịch MDX của dự án trong \`node_modules/.cache/congdoan-soket/\`; bộ đệm biên dịch của Node, mà Astro tự bật và
\`npm run build\` trao cho mọi bước, mỗi trang một thư mục trong \`node_modules/.cache/\`), như lần \`npm run build\`
kế tiếp của người biên tập. Lần dựng đủ vì thế có ghi bộ đệm biên dịch ấy, như lần dựng đầu của bản sao mới, còn các
lần dựng ở các bảng trên thì không (bộ đệm tắt). Thời gian là kiểm tra trước, dựng và lập chỉ mục cộng lại; trung vị
(từng lần trong ngoặc). Trang thật đi cùng một trang Astro + MDX trần có bằng ấy văn bản (tổng hợp): phần mọi trang
Astro cỡ ấy trả mà không lần dựng lại nào bỏ được (khởi động, đồng bộ nội dung, gom mã); phần riêng của dự án là phần
vượt nó, như ở mỗi bộ văn bản.

| Bộ dữ liệu | Trang web | Tệp đổi | Dựng đủ (s) | Dựng lại (s) | Dựng lại so với dựng đủ |
| --- | --- | --- | ---: | ---: | ---: |
${rebuildLines.join('\n')}
${ownLines.length ? `\n${ownLines.join('\n')}\n` : ''}` : '';

// The work folder's file system: writing and deleting thousands of pages costs very differently on a
// disk and on a RAM disk (BENCH_DIR=/dev/shm/…), and the bare site, one page at a time, feels it most.
const workFs = existsSync('/proc/mounts') ? fileSystemOf(work, readFileSync('/proc/mounts', 'utf8')) : undefined;
const workFsText = workFs ? `; thư mục đo ${work} trên ${workFs.type} (${workFs.device}, gắn ở ${workFs.mountPoint})` : '';
const machine = saved?.machine ?? `${type()} ${release()}, ${cpus().length} nhân ${cpus()[0]?.model ?? ''}, ${f0(totalmem() / 1073741824)} GB RAM (còn trống ${f0(freemem() / 1073741824)} GB lúc kết thúc), Node ${process.version}; tải trung bình một phút ${loadAtStart.toFixed(1).replace('.', ',')} lúc bắt đầu, ${loadavg()[0]!.toFixed(1).replace('.', ',')} lúc kết thúc (${cpus().length} nhân: tải trên ${cpus().length} là có việc khác chạy cùng, các số đo chậm theo)${workFsText}`;
// Targets of issue 31: at most 1.25× bare Astro at 1,000 documents and 1.15× at 10,000, in at most
// half of Starlight's time, peak under 6 GB, search p95 under 50 ms at 1,000 and at most 1.10× bare
// Pagefind at 10,000; judged on the median of the pairs.
const timeTarget = (size: number) => (size >= 10000 ? 1.15 : 1.25);
const targetRows = ratios.map((r) => {
  const starlightRun = find(r.corpus, SITE_LABEL.starlight);
  const vsStarlight = starlightRun && r.processor === processors[0] ? compare(r.mine, starlightRun) : undefined;
  const starlightText = vsStarlight ? `${comparedText(vsStarlight)} (${markOpen(meetsAtMost(vsStarlight, 0.5))}; ≤ 0,500×)` : '—';
  const search = r.size >= 10000
    ? `${f1(r.mine.p95)} ms so với ${f1(r.bare.p95)} ms, ${ratioText(r.mine.p95 / r.bare.p95)} (${mark(r.mine.p95 <= 1.1 * r.bare.p95)}; ≤ 1,10×)`
    : `${f1(r.mine.p95)} ms (${mark(r.mine.p95 < 50)}; < 50 ms)`;
  return `| ${r.corpus} | ${r.processor} | ${ratioText(r.ratio)} (${mark(r.ratio <= timeTarget(r.size))}; ≤ ${ratioText(timeTarget(r.size))}) | ${starlightText} | ${f0(peak(r.mine))} MB (${mark(peak(r.mine) < 6144)}) | ${search} |`;
});
const largest = Math.max(...sizes);
const big = (processor: string) => find(corpusOf(largest), SITE_LABEL.project, processor);
const verdict = processors.length > 1 && big('unified') && big('satteri')
  ? `Với ${largest.toLocaleString('vi-VN')} văn bản, dự án dựng bằng unified mất ${f1(big('unified')!.totalSeconds)} s (bộ nhớ đỉnh ${f0(peak(big('unified')!))} MB), bằng Sätteri ${f1(big('satteri')!.totalSeconds)} s (${f0(peak(big('satteri')!))} MB).`
  : '';
const md = `# Đo hiệu năng (npm run bench)

Chạy ngày ${runDate} trên: ${machine}. Thời gian chạy cả bộ đo: ${f0(minutes)} phút.

Mỗi bộ văn bản tổng hợp (tiếng Việt, mỗi văn bản 4 phần, khoảng một nửa số đoạn có trích dẫn văn bản như
"Chương trình số 2494/CTr-TLĐ ngày 19/12/2018") được dựng hai lần với mỗi bộ xử lý Markdown: bằng chính quy trình
của dự án (kiểm tra front matter và số liệu, plugin neo tiếng Việt và trích dẫn, trang chỉ tiêu và đơn vị, danh mục
văn bản dẫn chiếu, bộ tài liệu báo cáo, chỉ mục Pagefind có bản gấp dấu) và bằng một trang Astro + MDX trần với
Pagefind mặc định, cùng các văn bản đó. Trang dự án có thêm 3 văn bản thật, 8 chương trình, thông báo và các trang
số liệu (cả thư mục \`content/\` của dự án, trừ số liệu khi dùng bộ số liệu tổng hợp).
Với dự án, bước kiểm tra nội dung trước khi dựng của \`npm run build\` (\`scripts/check.ts\`; Astro khi ấy bỏ qua
bản kiểm tra của mình) chạy song song với \`astro build\` như \`scripts/build.mjs\` chạy chúng: cột "Dựng Astro" tính từ
lúc cả hai bắt đầu đến khi cả hai xong, cột kiểm tra ghi thời gian riêng của nó (song song), không cộng thêm vào "Tổng";
bước nén sẵn .gz/.br (\`scripts/precompress.ts\`) ghi riêng, không tính
vào tổng, vì trang trần không có bước nào tương ứng.
Cả hai trang dựng với giới hạn heap mà \`npm run build\` đặt cho bộ xử lý đó (\`scripts/build.mjs\`: 1.536 MB với
Sätteri, 12.288 MB với unified) và cùng cách đặt bộ cấp phát của nó (\`MIMALLOC_ALLOW_THP=0\`: không trang lớn). "Bộ nhớ đỉnh" là tổng RSS của mọi tiến trình của một bước (kể cả tiến trình lập chỉ
mục Pagefind), lấy mẫu 10 lần mỗi giây (bước ngắn hơn một lần lấy mẫu: đỉnh riêng lớn nhất của một tiến trình),
lấy bước lớn hơn trong hai bước dựng và lập chỉ mục. Tìm kiếm: 20 truy vấn cố
định, chạy trong Node trên chỉ mục đã dựng, một lượt làm nóng rồi 3 lượt đo (60 mẫu); với dự án là cả đường tìm
kiếm của trang (một truy vấn Pagefind với các từ cần gấp đã gấp, xếp lại 10 kết quả đầu theo cách viết đúng, nạp
đoạn trích), với trang trần là Pagefind và đoạn trích 10 kết quả đầu.${repeats > 1 ? `

Mỗi trang được dựng ${repeats} lần theo thứ tự dự án–trần(–Starlight–Hugo), rồi ngược lại, để độ trôi của máy và
việc dọn bản dựng trước rơi đều lên mọi trang: thời gian và độ trễ tìm kiếm trong bảng là trung bình các lần, bộ nhớ
đỉnh là lần cao nhất; tỷ lệ là trung vị của các cặp (lần dựng thứ n của hai bên, dựng sát nhau), từng cặp ghi trong
ngoặc để thấy độ dao động.` : ''}

${table.join('\n')}

## Tỷ lệ so với Astro + MDX trần (cùng bộ xử lý)

| Bộ dữ liệu | Bộ xử lý | Dự án (s) | Trần (s) | Tỷ lệ (trung vị các cặp) |
| --- | --- | ---: | ---: | ---: |
${ratioLines.join('\n')}
${peerSection}
## So với mục tiêu

Mục tiêu (issue 31): thời gian không quá 1,25× trang trần ở 1.000 văn bản và 1,15× ở 10.000, và không quá một nửa
thời gian của Starlight; bộ nhớ đỉnh dưới 6 GB; tìm kiếm p95 dưới 50 ms ở 1.000 văn bản và không quá 1,10× Pagefind
trần ở 10.000. Chỉ một lần đo trên máy yên với \`--repeat 2\` trở lên mới dùng để kết luận.

| Bộ dữ liệu | Bộ xử lý | Thời gian so với trần | Thời gian so với Starlight | Bộ nhớ đỉnh | Tìm kiếm p95 |
| --- | --- | --- | --- | --- | --- |
${targetRows.join('\n')}

${verdict}
${rebuildSection}
${readFileSync(join(root, 'scripts/bench/conclusions.md'), 'utf8')}`;
mkdirSync(join(out, '..'), { recursive: true });
// The form reader's section (npm run bench:forms, scripts/bench/forms.ts) is its own: kept as it is.
const formsSection = existsSync(out) ? /<!-- bieu-mau:bat-dau -->[\s\S]*?<!-- bieu-mau:ket-thuc -->/.exec(readFileSync(out, 'utf8'))?.[0] : undefined;
writeFileSync(out, formsSection ? `${md.trimEnd()}\n\n${formsSection}\n` : md);
if (!saved) writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify({ started: startedAt, machine, minutes, repeat, peerLimit, results, rebuilds, peerVersions }, null, 2));
console.log(`Đã ghi ${out}`);
