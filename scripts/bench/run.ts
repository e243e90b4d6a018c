// `npm run bench`: builds synthetic corpora with the project's real pipeline and with a bare
// Astro + MDX + Pagefind site, under both Markdown processors, and writes docs/benchmarks.md.
//   npm run bench                      1,000 and 10,000 documents, 200 units × 50 indicators × 3 years
//   npm run bench -- --sizes 200 --data 20x10 --out /tmp/b.md   (a quick check of the script)
//   npm run bench -- --repeat 2        each pair of builds twice, in A-B-B-A order, times averaged
// Corpora are generated under the system temp folder, never in content/.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { writeDataset, writeDocuments } from './corpus.ts';
import { heapLimitMb } from '../build.mjs';
import { EDITION_FILE } from '../../src/lib/content/paths.ts';

const root = new URL('../..', import.meta.url).pathname;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] as string) : fallback;
};
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const [dataUnits, dataIndicators] = arg('data', '200x50').split('x').map(Number) as [number, number];
const processors = arg('processors', 'unified,satteri').split(',') as ('unified' | 'satteri')[];
const out = arg('out', join(root, 'docs/benchmarks.md'));
// Build times on a shared virtual machine vary by 10% from run to run (the bare 10,000-document
// build took 72 s and 84 s on the same afternoon): repeats, in A-B-B-A order so that drift and the
// previous build's clean-up weigh on both sites alike, give the ratio a steadier footing.
const repeat = Math.max(1, Number(arg('repeat', '1')));
const work = join(tmpdir(), 'congdoan-bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

interface Step { seconds: number; peakMb: number }
interface Result {
  corpus: string; site: 'dự án' | 'Astro + MDX trần'; processor: string; pages: number;
  build: Step; index: Step;
  /**
   * The project's own steps around Astro and Pagefind in `npm run build`: the content pre-check
   * (scripts/check.ts; Astro then skips its copy of the check, SOKET_PRECHECKED) counts in
   * the total, as the bare site's build has no equivalent to skip it for; the .gz/.br copies
   * (scripts/precompress.ts) are shown apart, a serving optimisation the bare site lacks.
   * Absent in results saved before they were measured.
   */
  check?: Step; precompress?: Step;
  totalSeconds: number; msPerPage: number; distMb: number; indexMb: number; p50: number; p95: number;
  /** The largest HTML page (KB) and how many pages reach the 100 KB budget; absent in results saved before they were measured. */
  largestPageKb?: number; pagesOverBudget?: number;
  /** Total seconds of each repeat, when there were several (the other times are their means). */
  runs?: number[];
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Several runs of one site as one result: times and latencies averaged, memory the highest seen. */
function combine(runs: Result[]): Result {
  if (runs.length === 1) return runs[0]!;
  const step = (pick: (r: Result) => Step): Step => ({ seconds: mean(runs.map((r) => pick(r).seconds)), peakMb: Math.max(...runs.map((r) => pick(r).peakMb)) });
  return {
    ...runs[0]!,
    build: step((r) => r.build),
    index: step((r) => r.index),
    ...(runs[0]!.check ? { check: step((r) => r.check!) } : {}),
    ...(runs[0]!.precompress ? { precompress: step((r) => r.precompress!) } : {}),
    totalSeconds: mean(runs.map((r) => r.totalSeconds)),
    msPerPage: mean(runs.map((r) => r.msPerPage)),
    p50: mean(runs.map((r) => r.p50)),
    p95: mean(runs.map((r) => r.p95)),
    runs: runs.map((r) => r.totalSeconds),
  };
}

/** Resident memory (MB) of every process in a process group: the build and whatever it spawned. */
function groupRssMb(group: number): number {
  let kb = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kb / 1024;
}

/**
 * Runs one step in its own process group and samples the whole group's resident memory four
 * times a second: Pagefind's indexer is a separate native process, which a measure of the Node
 * process alone (such as /usr/bin/time) does not count.
 */
async function timed(cwd: string, args: string[], env: Record<string, string>): Promise<Step> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20000);
  });
  let peakMb = 0;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, groupRssMb(child.pid!));
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${args.join(' ')} thất bại trong ${cwd} (mã ${code}):\n${stderr.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, peakMb };
}

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

/**
 * node_modules for a copy: a folder of links to the project's packages, so that Astro's cache
 * (node_modules/.astro) belongs to that copy and no build reuses another's.
 */
function linkModules(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
}

function projectCopy(name: string, withDocs: number, dataset?: [number, number]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  linkModules(dir);
  const keep = dataset ? ['van-ban', 'chuong-trinh', 'nguon'] : ['van-ban', 'chuong-trinh', 'nguon', 'chi-tieu', 'don-vi', 'so-lieu'];
  for (const sub of keep) cpSync(join(root, 'content', sub), join(dir, 'content', sub), { recursive: true });
  // The edition file names the organisation and the site's address; the build refuses to run without it.
  cpSync(join(root, EDITION_FILE), join(dir, EDITION_FILE));
  if (withDocs > 0) writeDocuments(join(dir, 'content/van-ban'), withDocs);
  if (dataset) writeDataset(join(dir, 'content'), dataset[0], dataset[1], [2018, 2019, 2020]);
  return dir;
}

function bareCopy(name: string, docs: number): string {
  const dir = join(work, name);
  cpSync(join(root, 'scripts/bench/bare-site'), dir, { recursive: true });
  linkModules(dir);
  writeDocuments(join(dir, 'content/van-ban'), docs);
  return dir;
}

function latency(dist: string, mode: 'project' | 'bare'): { p50: number; p95: number } {
  const result = spawnSync(process.execPath, [join(root, 'scripts/bench/search-latency.ts'), dist, mode], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as { p50: number; p95: number };
}

async function measure(dir: string, corpus: string, site: Result['site'], processor: string): Promise<Result> {
  process.stdout.write(`  ${corpus} · ${site} · ${processor} … `);
  // Node's compile cache off for every step: Astro turns it on (/tmp/node-compile-cache, keyed by
  // file path and content), and the bench builds each site at the same path every time, so a site
  // whose built code had not changed since the last run (always the bare one) skipped compiling its
  // 10,000 page modules while the project, changed, compiled them (7.8 s cold against 2.1 s warm
  // in the CPU profiles of two 10,000-document builds, docs/benchmarks.md).
  const env = { MARKDOWN_PROCESSOR: processor, NODE_DISABLE_COMPILE_CACHE: '1' };
  // The heap limit `npm run build` gives this processor (scripts/build.mjs), for both sites alike.
  const buildEnv = { ...env, NODE_OPTIONS: `--max-old-space-size=${heapLimitMb(processor)}` };
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  rmSync(join(dir, '.astro'), { recursive: true, force: true });
  // Every build starts cold, as on a fresh clone: no content-layer, Vite or compile cache.
  rmSync(join(dir, 'node_modules/.astro'), { recursive: true, force: true });
  rmSync(join(dir, 'node_modules/.vite'), { recursive: true, force: true });
  const mine = site === 'dự án';
  const check = mine ? await timed(dir, ['scripts/check.ts', dir], env) : undefined;
  const build = await timed(dir, ['node_modules/.bin/astro', 'build'], mine ? { ...buildEnv, SOKET_PRECHECKED: '1' } : buildEnv);
  const index = await timed(dir, ['scripts/pagefind.mjs'], env);
  const dist = join(dir, 'dist');
  const sizes = htmlSizes(dist);
  const pages = sizes.length;
  const { p50, p95 } = latency(dist, site === 'dự án' ? 'project' : 'bare');
  // After the latency runs: the search page does not read the compressed copies.
  const precompress = mine ? await timed(dir, ['scripts/precompress.ts'], { ...env, DIST_DIR: dist }) : undefined;
  const total = (check?.seconds ?? 0) + build.seconds + index.seconds;
  const result: Result = {
    corpus, site, processor, pages, build, index, ...(check ? { check } : {}), ...(precompress ? { precompress } : {}), totalSeconds: total, msPerPage: (total * 1000) / pages,
    distMb: sizeOf(dist) / 1048576, indexMb: sizeOf(join(dist, 'pagefind')) / 1048576, p50, p95,
    largestPageKb: Math.max(...sizes) / 1024, pagesOverBudget: sizes.filter((size) => size >= 100 * 1024).length,
  };
  console.log(`${total.toFixed(1)} s, ${Math.max(build.peakMb, index.peakMb, check?.peakMb ?? 0).toFixed(0)} MB, p95 ${p95.toFixed(1)} ms${precompress ? `; nén sẵn ${precompress.seconds.toFixed(1)} s` : ''}`);
  rmSync(dist, { recursive: true, force: true });
  return result;
}

const fromJson = arg('from-json', '');
const saved = fromJson ? (JSON.parse(readFileSync(fromJson, 'utf8')) as { machine: string; minutes: number; repeat?: number; results: Result[] }) : null;
const results: Result[] = saved?.results ?? [];
const started = Date.now();
for (const size of saved ? [] : sizes) {
  const corpus = `${size.toLocaleString('vi-VN')} văn bản`;
  console.log(`Bộ ${corpus}:`);
  const project = projectCopy(`du-an-${size}`, size);
  const bare = bareCopy(`tran-${size}`, size);
  for (const processor of processors) {
    const mine: Result[] = [];
    const theirs: Result[] = [];
    for (let run = 0; run < repeat; run += 1) {
      const projectFirst = run % 2 === 0;
      if (projectFirst) mine.push(await measure(project, corpus, 'dự án', processor));
      theirs.push(await measure(bare, corpus, 'Astro + MDX trần', processor));
      if (!projectFirst) mine.push(await measure(project, corpus, 'dự án', processor));
    }
    results.push(combine(mine), combine(theirs));
  }
  rmSync(project, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
}
if (!saved) {
  const dataCorpus = `${dataUnits} đơn vị × ${dataIndicators} chỉ tiêu × 3 năm`;
  console.log(`Bộ ${dataCorpus}:`);
  const data = projectCopy('so-lieu', 0, [dataUnits, dataIndicators]);
  results.push(await measure(data, dataCorpus, 'dự án', 'satteri'));
  rmSync(data, { recursive: true, force: true });
}
const minutes = saved?.minutes ?? (Date.now() - started) / 60000;
const repeats = saved?.repeat ?? repeat;

const f1 = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const f0 = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 0 });
const peak = (r: Result) => Math.max(r.build.peakMb, r.index.peakMb, r.check?.peakMb ?? 0);
const optional = (step: Step | undefined) => (step ? f1(step.seconds) : '—');
const table = [
  '| Bộ dữ liệu | Trang web | Bộ xử lý Markdown | Số trang | Kiểm tra trước (s) | Dựng Astro (s) | Lập chỉ mục (s) | Tổng (s) | Nén sẵn .gz/.br (s) | ms/trang | Bộ nhớ đỉnh (MB) | dist/ (MB) | Chỉ mục (MB) | Tìm kiếm p50 (ms) | p95 (ms) | Trang lớn nhất (KB) | Trang ≥ 100 KB |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) => `| ${r.corpus} | ${r.site} | ${r.processor} | ${f0(r.pages)} | ${optional(r.check)} | ${f1(r.build.seconds)} | ${f1(r.index.seconds)} | ${f1(r.totalSeconds)} | ${optional(r.precompress)} | ${f1(r.msPerPage)} | ${f0(peak(r))} | ${f1(r.distMb)} | ${f1(r.indexMb)} | ${f1(r.p50)} | ${f1(r.p95)} | ${r.largestPageKb === undefined ? '—' : f0(r.largestPageKb)} | ${r.pagesOverBudget === undefined ? '—' : f0(r.pagesOverBudget)} |`),
];
const ratios = sizes.flatMap((size) =>
  processors.map((processor) => {
    const corpus = `${size.toLocaleString('vi-VN')} văn bản`;
    const mine = results.find((r) => r.corpus === corpus && r.site === 'dự án' && r.processor === processor)!;
    const bare = results.find((r) => r.corpus === corpus && r.site !== 'dự án' && r.processor === processor)!;
    return { corpus, processor, ratio: mine.totalSeconds / bare.totalSeconds, mine, bare };
  }),
);
// Three decimals: a ratio of 1.254 printed as "1,25×" would read as meeting the 1.25 target.
const ratioText = (ratio: number) => `${ratio.toFixed(3).replace('.', ',')}×`;
const runsOf = (r: Result) => (r.runs ? ` (${r.runs.map(f1).join('; ')})` : '');
const ratioLines = ratios.map((r) => `| ${r.corpus} | ${r.processor} | ${f1(r.mine.totalSeconds)}${runsOf(r.mine)} | ${f1(r.bare.totalSeconds)}${runsOf(r.bare)} | ${ratioText(r.ratio)} |`);

const machine = saved?.machine ?? `${type()} ${release()}, ${cpus().length} nhân ${cpus()[0]?.model ?? ''}, ${f0(totalmem() / 1073741824)} GB RAM (còn trống ${f0(freemem() / 1073741824)} GB lúc kết thúc), Node ${process.version}`;
const largest = Math.max(...sizes);
const big = (processor: string) => results.find((r) => r.corpus === `${largest.toLocaleString('vi-VN')} văn bản` && r.site === 'dự án' && r.processor === processor);
const mark = (ok: boolean) => (ok ? 'đạt' : '**không đạt**');
const targetRows = processors.flatMap((processor) => {
  const mine = big(processor);
  const ratio = ratios.find((r) => r.corpus === `${largest.toLocaleString('vi-VN')} văn bản` && r.processor === processor);
  if (!mine || !ratio) return [];
  return [
    `| ${processor} | ${ratioText(ratio.ratio)} (${mark(ratio.ratio <= 1.25)}) | ${f0(peak(mine))} MB (${mark(peak(mine) < 6144)}); trần ${f0(peak(ratio.bare))} MB | ${f1(mine.p95)} ms so với ${f1(ratio.bare.p95)} ms của trần, ${ratioText(mine.p95 / ratio.bare.p95)} (${mark(mine.p95 <= 1.15 * ratio.bare.p95)}) |`,
  ];
});
// A typed query on a site of 1,000 documents answers within 50 ms (p95), when that corpus was measured.
const smallSearch = processors.flatMap((processor) => {
  const mine = results.find((r) => r.corpus === `${(1000).toLocaleString('vi-VN')} văn bản` && r.site === 'dự án' && r.processor === processor);
  return mine ? [`- ${processor}, 1.000 văn bản: tìm kiếm p95 ${f1(mine.p95)} ms (${mark(mine.p95 < 50)}).`] : [];
});
const verdict = processors.length > 1 && big('unified') && big('satteri')
  ? `Với ${largest.toLocaleString('vi-VN')} văn bản, dự án dựng bằng unified mất ${f1(big('unified')!.totalSeconds)} s (bộ nhớ đỉnh ${f0(peak(big('unified')!))} MB), bằng Sätteri ${f1(big('satteri')!.totalSeconds)} s (${f0(peak(big('satteri')!))} MB).`
  : '';
const md = `# Đo hiệu năng (npm run bench)

Chạy ngày ${new Date().toISOString().slice(0, 10)} trên: ${machine}. Thời gian chạy cả bộ đo: ${f0(minutes)} phút.

Mỗi bộ văn bản tổng hợp (tiếng Việt, mỗi văn bản 4 phần, khoảng một nửa số đoạn có trích dẫn văn bản như
"Chương trình số 2494/CTr-TLĐ ngày 19/12/2018") được dựng hai lần với mỗi bộ xử lý Markdown: bằng chính quy trình
của dự án (kiểm tra front matter và số liệu, plugin neo tiếng Việt và trích dẫn, trang chỉ tiêu và đơn vị, danh mục
văn bản dẫn chiếu, bộ tài liệu báo cáo, chỉ mục Pagefind có bản gấp dấu) và bằng một trang Astro + MDX trần với
Pagefind mặc định, cùng các văn bản đó. Trang dự án có thêm 3 văn bản thật, 8 chương trình và các trang số liệu.
Với dự án, "Tổng" gồm cả bước kiểm tra nội dung trước khi dựng của \`npm run build\` (\`scripts/check.ts\`;
Astro khi ấy bỏ qua bản kiểm tra của mình); bước nén sẵn .gz/.br (\`scripts/precompress.ts\`) ghi riêng, không tính
vào tổng, vì trang trần không có bước nào tương ứng.
Cả hai trang dựng với giới hạn heap mà \`npm run build\` đặt cho bộ xử lý đó (\`scripts/build.mjs\`: 1.536 MB với
Sätteri, 12.288 MB với unified). "Bộ nhớ đỉnh" là tổng RSS của mọi tiến trình của một bước (kể cả tiến trình lập chỉ
mục Pagefind), lấy mẫu 4 lần mỗi giây, lấy bước lớn hơn trong hai bước dựng và lập chỉ mục. Tìm kiếm: 20 truy vấn cố
định, chạy trong Node trên chỉ mục đã dựng, một lượt làm nóng rồi 3 lượt đo (60 mẫu); với dự án là cả đường tìm
kiếm của trang (một truy vấn Pagefind với các từ cần gấp đã gấp, xếp lại 10 kết quả đầu theo cách viết đúng, nạp
đoạn trích), với trang trần là Pagefind và đoạn trích 10 kết quả đầu.${repeats > 1 ? `

Mỗi cặp (dự án, trang trần) được dựng ${repeats} lần theo thứ tự dự án–trần–trần–dự án…, để độ trôi của máy và việc
dọn bản dựng trước rơi đều lên cả hai: thời gian và độ trễ tìm kiếm là trung bình các lần, bộ nhớ đỉnh là lần cao
nhất; bảng tỷ lệ ghi thêm tổng thời gian của từng lần.` : ''}

${table.join('\n')}

## Tỷ lệ so với Astro + MDX trần (cùng bộ xử lý)

| Bộ dữ liệu | Bộ xử lý | Dự án (s) | Trần (s) | Tỷ lệ |
| --- | --- | ---: | ---: | ---: |
${ratioLines.join('\n')}

## So với mục tiêu (bộ ${largest.toLocaleString('vi-VN')} văn bản)

Mục tiêu: không quá 1,25× trang trần cùng bộ xử lý, bộ nhớ đỉnh dưới 6 GB, tìm kiếm p95 không quá 1,15× Pagefind trần
trên cùng bộ văn bản; với 1.000 văn bản, tìm kiếm p95 dưới 50 ms.

| Bộ xử lý | Thời gian so với trần | Bộ nhớ đỉnh | Tìm kiếm p95 |
| --- | --- | --- | --- |
${targetRows.join('\n')}
${smallSearch.length ? `\n${smallSearch.join('\n')}\n` : ''}
${verdict}

${readFileSync(join(root, 'scripts/bench/conclusions.md'), 'utf8')}`;
mkdirSync(join(out, '..'), { recursive: true });
// The form reader's section (npm run bench:forms, scripts/bench/forms.ts) is its own: kept as it is.
const formsSection = existsSync(out) ? /<!-- bieu-mau:bat-dau -->[\s\S]*?<!-- bieu-mau:ket-thuc -->/.exec(readFileSync(out, 'utf8'))?.[0] : undefined;
writeFileSync(out, formsSection ? `${md.trimEnd()}\n\n${formsSection}\n` : md);
if (!saved) writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify({ machine, minutes, repeat, results }, null, 2));
console.log(`Đã ghi ${out}`);
