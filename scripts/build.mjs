// `npm run build`: the pre-check (scripts/check.ts, as `npm run check`), the site (astro build), its search
// index (scripts/pagefind.mjs), its service worker for reading offline (scripts/service-worker.ts),
// then the .gz and .br copies of its text files that nginx serves
// (scripts/precompress.ts) — all into a new folder beside dist/, `.dist-new-<pid>`. Only when
// every step has succeeded does that folder replace dist/, by two renames (dist/ → .dist-old-<pid>,
// the new folder → dist/) and then the removal of the old one. A step that fails, or a build that
// is stopped or killed, leaves the last good site in dist/ exactly as it was; the next build
// removes what a killed build left behind (and puts dist/ back if the kill fell between the renames).
// Renames move no file, so the 10,000-document build costs no copy.
//
// Two builds in one folder run one after the other (the lock .dung-trang.khoa), and a build waits
// for an import that is writing content/so-lieu/ (its lock .nhap-bieu-mau.khoa, which the build then
// holds, so an import started meanwhile waits and is told why). A full disk or a folder it may not
// write, in any step (inside Astro too), ends the build with one Vietnamese line and dist/ kept.
//
// The JavaScript heap is capped for the Sätteri build: even at 10,000 documents it keeps under
// 1.3 GB of live heap, but left at Node's default limit (about 4 GB here) V8 collects late and the
// build's resident memory passed 6 GB (docs/benchmarks.md). The remark/rehype pipeline keeps far
// more alive (it ran out of memory at 10,000 documents under a 1.5 GB cap), so it gets a large one.
import { spawn } from 'node:child_process';
import nodeModule from 'node:module';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock, BUILD_LOCK, fsReason, TransactionError } from '../src/lib/fs/transaction.ts';
import { contentPaths } from '../src/lib/content/paths.ts';

/** The results folder, whose lock `npm run import:form` holds while it writes (src/lib/content/paths.ts). */
const RESULTS_DIR = contentPaths.results;

/** Node's --max-old-space-size for an `astro build` with this Markdown processor (MB). */
export function heapLimitMb(processor = process.env.MARKDOWN_PROCESSOR) {
  return processor === 'unified' ? 12288 : 1536;
}

/**
 * What `astro build`'s environment adds for the memory allocator (mimalloc) that the bundler
 * (Rolldown) and the canvas library (@napi-rs/canvas) each carry: no transparent huge pages. Left
 * on, mimalloc asks the kernel for 2 MB pages, and every one it touches is zeroed whole: on the
 * benchmark machine (2 cores, a virtual machine) the bundler's threads spent most of their time
 * clearing pages. Turned off, a 1,000-document `astro build` on a RAM disk took 7.3 s instead of
 * 9.0 (system time 1.9 s instead of 4.6, peak memory 1.1 GB instead of 1.4; bare Astro 6.1 s
 * instead of 7.1; scripts/bench/conclusions.md).
 * Only for the build's own process tree (mimalloc disables them for the whole process, as the
 * kernel's PR_SET_THP_DISABLE), and never over a value the caller set.
 * @returns {Record<string, string>}
 */
export function allocatorEnv(env = process.env) {
  return env.MIMALLOC_ALLOW_THP === undefined ? { MIMALLOC_ALLOW_THP: '0' } : {};
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

/**
 * What the steps are given so that they keep Node's compile cache as Astro does for itself
 * (node_modules/astro/bin/astro.mjs: `module.enableCompileCache()`, unless CI is set): the check,
 * the index, the service worker and the compressed copies then load their TypeScript modules
 * stripped and compiled the last time, not afresh. The same folder as Astro's (NODE_COMPILE_CACHE,
 * or the system's temporary folder), keyed by each file's path and content, so an edited module is
 * compiled again. Nothing under CI (as Astro: a cache nobody reuses only costs the writing), nor
 * when NODE_DISABLE_COMPILE_CACHE is set, nor when it cannot be turned on.
 */
export function compileCacheEnv(env = process.env, enable = () => nodeModule.enableCompileCache?.()) {
  if (env.CI || env.NODE_DISABLE_COMPILE_CACHE) return {};
  try {
    // A directory only when it is on (ENABLED, ALREADY_ENABLED): FAILED and DISABLED leave it out.
    const { directory } = enable() ?? {};
    return directory ? { NODE_COMPILE_CACHE: directory } : {};
  } catch {
    return {};
  }
}

/** The steps running now: a stop (Ctrl+C, SIGTERM) reaches each of them. */
const children = new Set();
/** What every step's environment adds (compileCacheEnv), decided at the first step. */
let stepEnv;
let stopping = false;

/**
 * A disk that cannot take a write, as a failed step reports it: Node's code ("ENOSPC: no space left
 * on device, write '…'") or the system's own words, as the bundler (Rust) prints them ("No space
 * left on device (os error 28)"). Each code has a Vietnamese reason (fsReason).
 */
const DISK_FAULTS = [
  ['ENOSPC', /\bENOSPC\b|No space left on device/],
  ['EDQUOT', /\bEDQUOT\b|Disk quota exceeded/],
  ['EROFS', /\bEROFS\b|Read-only file system/],
  ['EACCES', /\bEACCES\b|Permission denied/],
  ['EPERM', /\bEPERM\b|Operation not permitted/],
  ['EFBIG', /\bEFBIG\b|File too large/],
  ['EIO', /\bEIO\b|Input\/output error/],
];
/** The file a fault names: Node's ", open '/path'", or the bundler's "Failed to write file in /path". */
const FAULT_PATH = /, \w+ '([^'\n]+)'|(?:write file in|writing|to write) '?(\/[^\s']+)/;

function diskFault(stderr) {
  const found = DISK_FAULTS.find(([, pattern]) => pattern.test(stderr));
  if (!found) return null;
  const path = FAULT_PATH.exec(stderr);
  return { code: found[0], path: path ? (path[1] ?? path[2]) : undefined };
}
/** What a step writes to stderr is kept up to this size (its end), to be shown or explained. */
const STDERR_KEEP = 256 * 1024;

/**
 * A step's standard output held back until `open()` (then passed through as it comes), or dropped by
 * `discard()`: Astro starts while the pre-check still runs, and says nothing until the check has passed.
 */
function heldOutput() {
  let chunks = [];
  let state = 'held';
  return {
    write(chunk) {
      if (state === 'open') process.stdout.write(chunk);
      else if (state === 'held') chunks.push(chunk);
    },
    open() {
      state = 'open';
      for (const chunk of chunks) process.stdout.write(chunk);
      chunks = [];
    },
    discard() {
      state = 'discarded';
      chunks = [];
    },
  };
}

/**
 * Runs a Node script to its end; resolves with its exit status (a signal counts as a failure) and
 * what it wrote to stderr: printed as it is once the step has ended, unless it is a disk fault's
 * stack, which the build explains in one Vietnamese line instead (a full disk inside Astro printed
 * an English stack). `hold` (heldOutput) keeps its standard output back.
 */
function run(args, env = {}, { capture = true, hold = null } = {}) {
  stepEnv ??= compileCacheEnv();
  return new Promise((resolve) => {
    let stderr = '';
    // Output held back goes through a pipe: Astro keeps its colours when the build's own output is a terminal.
    const colour = hold && process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
    const child = spawn(process.execPath, args, { stdio: ['inherit', hold ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'], env: { ...process.env, ...stepEnv, ...colour, ...env } });
    children.add(child);
    child.stdout?.on('data', (chunk) => hold.write(chunk));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text) => {
      stderr = (stderr + text).slice(-STDERR_KEEP);
    });
    child.once('error', () => {
      children.delete(child);
      resolve({ status: 1, stderr });
    });
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve({ status: signal ? 1 : (code ?? 1), stderr });
    });
  });
}

/** A path in a message: relative to the project when inside it. */
const shown = (root, path) => (path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path);

/** The one line a disk fault gets: what failed, why in Vietnamese, where, and that dist/ is kept. */
function diskFaultLine(root, step, code, path) {
  return `Dựng trang không thành công ở bước ${step}: ${fsReason({ code })}${path ? ` (khi ghi ${shown(root, path)})` : ''}; dist/ vẫn là bản dựng trước, không đổi. Hãy giải phóng chỗ trống hoặc sửa quyền ghi của thư mục dự án rồi dựng lại.`;
}

/** How long a build waits for another build in the same folder, and for an import to finish writing. */
const BUILD_WAIT_MS = Number(process.env.SOKET_BUILD_WAIT_MS ?? 15 * 60_000);
const IMPORT_WAIT_MS = Number(process.env.SOKET_IMPORT_WAIT_MS ?? 2 * 60_000);

async function main() {
  const root = process.cwd();
  const fresh = `.dist-new-${process.pid}`;
  const freshPath = join(root, fresh);
  const locks = [];
  const releaseAll = () => {
    for (const lock of locks.splice(0).reverse()) lock.release();
  };
  process.on('exit', releaseAll);
  const stop = (line) => {
    try {
      rmSync(freshPath, { recursive: true, force: true });
    } catch {
      // what cannot be removed now is removed by the next build (recoverLeftovers)
    }
    console.error(line);
    process.exit(1);
  };
  const fail = (step, stderr = '') => {
    const fault = diskFault(stderr);
    if (fault) stop(diskFaultLine(root, step, fault.code, fault.path));
    if (stderr) process.stderr.write(stderr.endsWith('\n') ? stderr : `${stderr}\n`);
    stop(`Dựng trang không thành công ở bước ${step}; dist/ vẫn là bản dựng trước, không đổi.`);
  };
  // A stop (Ctrl+C, a service manager's SIGTERM) reaches the running step too; once it has ended,
  // the half-built folder is removed and dist/ is left as it was.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      stopping = true;
      for (const child of children) child.kill(signal);
    });
  }
  // The build's own steps (locks, clean-up, the final renames) can meet a full disk or a folder it
  // may not write too: one Vietnamese line, never a stack.
  let step = 'chuẩn bị';
  try {
    // Two builds in one folder run one after the other: both would clean up, write and swap dist/.
    locks.push(await acquireLock(root, BUILD_WAIT_MS, { name: BUILD_LOCK, holder: 'dung-trang', onWait: (m) => console.log(m) }));
    // An import writing the results now would be half read; one that starts during the build waits
    // (and is told a build is reading). Without a results folder, the check says what is wrong.
    const results = join(root, RESULTS_DIR);
    if (isDirectory(results)) locks.push(await acquireLock(results, IMPORT_WAIT_MS, { holder: 'dung-trang', onWait: (m) => console.log(m), readerMayProceed: true }));
    for (const note of locks.map((l) => l.staleNote).filter(Boolean)) console.log(note);
    for (const line of recoverLeftovers(root)) console.log(line);

    const scripts = (name) => fileURLToPath(new URL(name, import.meta.url));
    step = 'kiểm tra nội dung và số liệu';
    const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
    // Astro keeps the parsed content between builds and, after a schema change (a new front-matter
    // field with a default), served entries without the field: the content is read afresh instead.
    // A fresh clone has no store, so this costs nothing there.
    rmSync(join(root, 'node_modules', '.astro', 'data-store.json'), { force: true });
    // Astro starts beside the pre-check, which is done before Astro has loaded its configuration
    // (about 0.5 s of the benchmark's 1,000-document build, docs/benchmarks.md). Meanwhile it says
    // nothing and writes only its own caches (.astro/, node_modules/.astro/) and the new folder; a
    // failed check stops it, the new folder is removed as after any failed step, and the build ends
    // with the check's problems alone, as when the check ran first.
    const held = heldOutput();
    const building = run([`--max-old-space-size=${heapLimitMb()}`, astro, 'build', '--outDir', fresh], { SOKET_PRECHECKED: '1', ...allocatorEnv() }, { hold: held });
    // The check explains its own faults in Vietnamese, problem by problem: its output goes straight
    // through, however long.
    let out = await run([scripts('./check.ts'), root], {}, { capture: false });
    if (out.status !== 0 || stopping) {
      held.discard();
      // The check has ended: what still runs is Astro.
      for (const child of children) child.kill('SIGTERM');
      await building;
      fail(step);
    }
    held.open();
    step = 'dựng trang (astro build)';
    out = await building;
    if (out.status !== 0 || stopping) fail(step, out.stderr);
    if (out.stderr) process.stderr.write(out.stderr);
    step = 'lập chỉ mục tìm kiếm (Pagefind)';
    out = await run([scripts('./pagefind.mjs')], { DIST_DIR: fresh });
    if (out.status !== 0 || stopping) fail(step, out.stderr);
    if (out.stderr) process.stderr.write(out.stderr);
    // The service worker lists the built files with their hashes, so it comes after every step that
    // writes a page (Pagefind's pass restores the pages it folded) and before their compressed copies.
    step = 'tạo service worker để đọc khi không có mạng (sw.js)';
    out = await run([scripts('./service-worker.ts')], { DIST_DIR: fresh });
    if (out.status !== 0 || stopping) fail(step, out.stderr);
    if (out.stderr) process.stderr.write(out.stderr);
    step = 'nén sẵn các tệp văn bản (.gz, .br)';
    out = await run([scripts('./precompress.ts')], { DIST_DIR: fresh });
    if (out.status !== 0 || stopping) fail(step, out.stderr);
    if (out.stderr) process.stderr.write(out.stderr);
    step = 'thay dist/ bằng bản dựng mới';
    publish(root, freshPath);
  } catch (error) {
    if (error instanceof TransactionError) stop(`Không dựng trang: ${error.message}; dist/ không đổi.`);
    const { code, path, dest } = error ?? {};
    if (code) stop(diskFaultLine(root, step, code, dest ?? path));
    stop(`Dựng trang không thành công ở bước ${step}: lỗi không lường trước (${error?.name ?? 'lỗi'}); dist/ vẫn là bản dựng trước, không đổi. Hãy báo cho người quản trị trang.`);
  }
  releaseAll();
  console.log('Đã thay dist/ bằng bản dựng mới.');
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
