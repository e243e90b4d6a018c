// `npm run build`: the pre-check (scripts/check.ts, as `npm run check`), the site (astro build), its search
// index (scripts/pagefind.mjs), then the .gz and .br copies of its text files that nginx serves
// (scripts/precompress.ts) — all into a new folder beside dist/, `.dist-new-<pid>`. Only when
// every step has succeeded does that folder replace dist/, by two renames (dist/ → .dist-old-<pid>,
// the new folder → dist/) and then the removal of the old one. A step that fails, or a build that
// is stopped or killed, leaves the last good site in dist/ exactly as it was; the next build
// removes what a killed build left behind (and puts dist/ back if the kill fell between the renames).
// Renames move no file, so the 10,000-document build costs no copy.
//
// The JavaScript heap is capped for the Sätteri build: even at 10,000 documents it keeps under
// 1.3 GB of live heap, but left at Node's default limit (about 4 GB here) V8 collects late and the
// build's resident memory passed 6 GB (docs/benchmarks.md). The remark/rehype pipeline keeps far
// more alive (it ran out of memory at 10,000 documents under a 1.5 GB cap), so it gets a large one.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node's --max-old-space-size for an `astro build` with this Markdown processor (MB). */
export function heapLimitMb(processor = process.env.MARKDOWN_PROCESSOR) {
  return processor === 'unified' ? 12288 : 1536;
}

const LEFTOVER = /^\.dist-(new|old)-(\d+)$/;

/**
 * Whether the build with this pid still runs. Where /proc exists, the process must be a live
 * (not zombie: a container's first process may never reap a killed build) `build.mjs`, so a pid
 * reused by another program does not keep a leftover forever.
 */
function running(pid) {
  if (existsSync('/proc/self')) {
    try {
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
      return state !== 'Z' && state !== 'X' && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('build.mjs');
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Cleans up after builds that were killed: a `.dist-new-<pid>` is a half-built site, removed; a
 * `.dist-old-<pid>` is the last good site, put back as dist/ if dist/ is missing (the kill fell
 * between the two renames), removed otherwise. A folder whose build is still running is left alone.
 * Returns what was done, one line each.
 */
export function recoverLeftovers(root) {
  const done = [];
  const dist = join(root, 'dist');
  for (const name of readdirSync(root).sort()) {
    const match = LEFTOVER.exec(name);
    if (!match || Number(match[2]) === process.pid || running(Number(match[2]))) continue;
    if (match[1] === 'old' && !existsSync(dist)) {
      renameSync(join(root, name), dist);
      done.push(`Đã khôi phục dist/ từ ${name} (bản dựng trước bị dừng giữa lúc thay thư mục).`);
    } else {
      rmSync(join(root, name), { recursive: true, force: true });
      done.push(`Đã xoá ${name}, phần còn lại của một lần dựng bị dừng.`);
    }
  }
  return done;
}

/** Replaces dist/ with the finished build `fresh` (a folder in `root`): two renames, then the old site is removed. */
export function publish(root, fresh) {
  const dist = join(root, 'dist');
  const old = join(root, `.dist-old-${process.pid}`);
  const hadDist = existsSync(dist);
  if (hadDist) renameSync(dist, old);
  try {
    renameSync(fresh, dist);
  } catch (error) {
    if (hadDist) renameSync(old, dist);
    throw error;
  }
  if (hadDist) rmSync(old, { recursive: true, force: true });
}

let child = null;
let stopping = false;

/** Runs a Node script to its end; resolves with its exit status (a signal counts as a failure). */
function run(args, env = {}) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', () => resolve(1));
    child.once('exit', (code, signal) => {
      child = null;
      resolve(signal ? 1 : (code ?? 1));
    });
  });
}

async function main() {
  const root = process.cwd();
  for (const line of recoverLeftovers(root)) console.log(line);
  const fresh = `.dist-new-${process.pid}`;
  const freshPath = join(root, fresh);
  const fail = (step) => {
    rmSync(freshPath, { recursive: true, force: true });
    console.error(`Dựng trang không thành công ở bước ${step}; dist/ vẫn là bản dựng trước, không đổi.`);
    process.exit(1);
  };
  // A stop (Ctrl+C, a service manager's SIGTERM) reaches the running step too; once it has ended,
  // the half-built folder is removed and dist/ is left as it was.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      stopping = true;
      child?.kill(signal);
    });
  }

  const scripts = (name) => fileURLToPath(new URL(name, import.meta.url));
  if ((await run([scripts('./check.ts'), root])) !== 0 || stopping) fail('kiểm tra nội dung và số liệu');
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  // Astro keeps the parsed content between builds and, after a schema change (a new front-matter
  // field with a default), served entries without the field: the content is read afresh instead.
  // A fresh clone has no store, so this costs nothing there.
  rmSync(join(root, 'node_modules', '.astro', 'data-store.json'), { force: true });
  const built = await run([`--max-old-space-size=${heapLimitMb()}`, astro, 'build', '--outDir', fresh], { SOKET_PRECHECKED: '1' });
  if (built !== 0 || stopping) fail('dựng trang (astro build)');
  if ((await run([scripts('./pagefind.mjs')], { DIST_DIR: fresh })) !== 0 || stopping) fail('lập chỉ mục tìm kiếm (Pagefind)');
  if ((await run([scripts('./precompress.ts')], { DIST_DIR: fresh })) !== 0 || stopping) fail('nén sẵn các tệp văn bản (.gz, .br)');
  publish(root, freshPath);
  console.log('Đã thay dist/ bằng bản dựng mới.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
