// `npm run build` builds into a new folder and replaces dist/ only when every step succeeded
// (scripts/build.mjs): a success replaces dist/ entirely and leaves no temporary folder; a build
// killed midway leaves the last good site byte for byte, and the next build cleans up and succeeds.
import { describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestDiff, redTeamCopy, runNpm, treeDigest } from './red-team/harness';
import { giveOwnBuildCaches } from './helpers/project-copy';
import { allocatorEnv, compileCacheEnv, publish, recoverLeftovers } from '../scripts/build.mjs';

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.dist-'));

/** The pid of a process that has ended (for folders left by a build that no longer runs). */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

/**
 * Puts a stand-in workbox-build of `version` into a copy's node_modules (another version than the
 * real one, so no worker cached for the real one is used), with `template` as the code of its
 * template module (build/lib/populate-sw-template.js, which writes the worker's code from the
 * options); its option check is the real one. The copy gets a build cache of its own instead of
 * the link to the project's: a worker cache keeps only its newest version's worker, so builds of
 * other copies at the same time (with the real workbox) would remove this one's, and this one the
 * project's.
 */
function standInWorkbox(dir: string, version: string, template: string): void {
  giveOwnBuildCaches(dir);
  const fake = join(dir, 'node_modules', 'workbox-build');
  const real = realpathSync(fake);
  rmSync(fake);
  mkdirSync(join(fake, 'build', 'lib'), { recursive: true });
  writeFileSync(join(fake, 'package.json'), JSON.stringify({ name: 'workbox-build', version, main: 'build/index.js' }));
  writeFileSync(join(fake, 'build', 'lib', 'validate-options.js'), `module.exports = require(${JSON.stringify(join(real, 'build', 'lib', 'validate-options.js'))});\n`);
  writeFileSync(join(fake, 'build', 'lib', 'populate-sw-template.js'), template);
}

describe('npm run build replaces dist/ only when it has succeeded', () => {
  test('a successful build replaces dist/ fully and leaves no temporary folder', () => {
    const dir = redTeamCopy('soket-build-ok-', true);
    try {
      writeFileSync(join(dir, 'dist', 'tep-cu-con-sot.txt'), 'from an earlier build');
      // Node says which files it looked up in its compile cache; CI empty, as on an editor's machine
      // (under CI neither Astro nor the build keeps the cache), and the cache in the copy's own tmp.
      mkdirSync(join(dir, 'tmp'));
      const out = runNpm(dir, 'build', [], 120, { NODE_DEBUG_NATIVE: 'COMPILE_CACHE', CI: '', TMPDIR: join(dir, 'tmp') });
      expect(out.status, out.stderr.slice(-3000)).toBe(0);
      // Every step gets the cache Astro keeps for itself (scripts/build.mjs, compileCacheEnv).
      const escaped = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const cache = escaped(join(realpathSync(dir), 'tmp', 'node-compile-cache'));
      for (const step of ['check.ts', 'pagefind.mjs', 'pagefind-fold-worker.mjs', 'service-worker.ts', 'precompress.ts']) {
        const script = escaped(join(realpathSync(dir), 'scripts', step));
        expect(out.stderr, step).toMatch(new RegExp(`reading cache from ${cache}/\\S+ for (?:ESM|StrippedTypeScript) file://${script}\\b`));
      }
      expect(out.stdout).toContain('Đã thay dist/ bằng bản dựng mới.');
      expect(existsSync(join(dir, 'dist', 'tep-cu-con-sot.txt'))).toBe(false);
      expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
      expect(existsSync(join(dir, 'dist', 'sitemap.xml'))).toBe(true);
      expect(existsSync(join(dir, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
      expect(leftovers(dir)).toEqual([]);
      // The same site as the project's own dist/, page for page (the index differs by build).
      const pages = (root: string) => [...treeDigest(root).keys()].filter((p) => !p.startsWith('pagefind/')).sort();
      expect(pages(join(dir, 'dist'))).toEqual(pages('dist'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  test('SIGKILL during astro build leaves dist/ byte for byte; the next build removes the leftover and succeeds', async () => {
    const dir = redTeamCopy('soket-build-kill-', true);
    try {
      const before = treeDigest(join(dir, 'dist'));
      const child = spawn('npm', ['run', 'build'], { cwd: dir, detached: true, stdio: 'ignore' });
      // Wait until Astro has written into the new folder, then kill the whole process group.
      const started = Date.now();
      let fresh = '';
      while (Date.now() - started < 60_000) {
        fresh = leftovers(dir).find((name) => name.startsWith('.dist-new-') && readdirSync(join(dir, name)).length > 0) ?? '';
        if (fresh) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(fresh, 'the build never wrote into a .dist-new-<pid> folder').not.toBe('');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(digestDiff(before, treeDigest(join(dir, 'dist')))).toEqual([]);
      expect(existsSync(join(dir, fresh))).toBe(true);
      // Killed while Astro was writing: the search index step had not started.
      expect(existsSync(join(dir, fresh, 'pagefind'))).toBe(false);

      // MIMALLOC_VERBOSE: the allocators of the bundler and of the canvas library list their options.
      const out = runNpm(dir, 'build', [], 120, { MIMALLOC_VERBOSE: '1' });
      expect(out.status, out.stderr).toBe(0);
      // Astro's allocators start without transparent huge pages (scripts/build.mjs, allocatorEnv).
      expect(out.stderr).toMatch(/option 'allow_thp': 0\b/);
      expect(out.stderr).not.toMatch(/option 'allow_thp': [1-9]/);
      expect(out.stdout).toContain(`Đã xoá ${fresh}, phần còn lại của một lần dựng bị dừng.`);
      expect(out.stdout).toContain('Đã thay dist/ bằng bản dựng mới.');
      expect(leftovers(dir)).toEqual([]);
      expect(existsSync(join(dir, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('the service worker step (scripts/service-worker.ts)', () => {
  test('a workbox that writes no precache list fails the build in one Vietnamese line, never a stack, and dist/ stays byte for byte', () => {
    const dir = redTeamCopy('soket-build-sw-', true);
    try {
      // A stand-in workbox-build whose worker holds no list: a later workbox writing its output
      // differently must stop the build.
      standInWorkbox(dir, '0.0.0-thu', "exports.populateSWTemplate = () => 'self.skipWaiting();';\n");
      const before = treeDigest(join(dir, 'dist'));
      const out = runNpm(dir, 'build', [], 120);
      expect(out.status).toBe(1);
      expect(out.stderr).toContain('Không tạo được service worker (sw.js): sw.js do workbox sinh ra có 0 chỗ giữ danh sách tệp giữ sẵn (cần đúng 1).');
      expect(out.stderr).toContain('Dựng trang không thành công ở bước tạo service worker để đọc khi không có mạng (sw.js); dist/ vẫn là bản dựng trước, không đổi.');
      expect(out.stderr).not.toMatch(/^\s+at /m);
      expect(digestDiff(before, treeDigest(join(dir, 'dist')))).toEqual([]);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('the service worker generated once per workbox version and options (scripts/service-worker.ts)', () => {
  test('with no generated worker in the cache, the build generates it once, and the next build generates nothing', () => {
    const dir = redTeamCopy('soket-build-sw-once-', true);
    try {
      // workbox-build behind a stand-in (nothing is cached for its version yet) that notes each
      // generation and the step's arguments, and hands the work to the real package.
      const calls = join(dir, 'generated.txt');
      const real = realpathSync(join(dir, 'node_modules', 'workbox-build', 'build', 'lib', 'populate-sw-template.js'));
      standInWorkbox(dir, '0.0.1-thu', `const real = require(${JSON.stringify(real)});\nexports.populateSWTemplate = (o) => { require('node:fs').appendFileSync(${JSON.stringify(calls)}, process.argv.slice(2).join(' ') + '\\n'); return real.populateSWTemplate(o); };\n`);
      const out = runNpm(dir, 'build', [], 150);
      expect(out.status, out.stderr).toBe(0);
      const first = readFileSync(calls, 'utf8').trim().split('\n');
      // Once, by the service worker step.
      expect(first).toEqual(['']);
      const worker = readFileSync(join(dir, 'dist', 'sw.js'), 'utf8');
      expect(worker).toMatch(/soket-don-vi-[0-9a-f]+/);
      expect(worker).toContain('/van-ban/ke-hoach-so-ket/');
      expect(worker).not.toMatch(/self\.__WB_MANIFEST|__SOKET_/);
      expect(leftovers(dir)).toEqual([]);
      const firstFiles = treeDigest(join(dir, 'dist'));
      // The second build as a reproducible build runs it (README, "Đọc khi không có mạng").
      const again = runNpm(dir, 'build', [], 150, { SOURCE_DATE_EPOCH: '1609459200' });
      expect(again.status, again.stderr).toBe(0);
      expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(1);
      // Nothing changed, so neither did the worker nor its build id: a reader's kept unit pages,
      // downloads and documents stay kept. The first build made every form and draft, the second took
      // them from the caches; calendars are made again with a new DTSTAMP (which the id leaves out).
      expect(readFileSync(join(dir, 'dist', 'sw.js'), 'utf8')).toBe(worker);
      // Every other file is the same byte for byte; the calendars carry SOURCE_DATE_EPOCH as their DTSTAMP.
      const changed = digestDiff(firstFiles, treeDigest(join(dir, 'dist')));
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.filter((line) => !/^changed: lich\/[^/]+\.ics(\.gz|\.br)?$/.test(line))).toEqual([]);
      const calendars = readdirSync(join(dir, 'dist', 'lich')).filter((name) => name.endsWith('.ics'));
      expect(calendars.length).toBeGreaterThan(1);
      for (const name of calendars) {
        const stamps = readFileSync(join(dir, 'dist', 'lich', name), 'utf8').match(/^DTSTAMP:.*$/gm) ?? [];
        expect(stamps.length, name).toBeGreaterThan(0);
        expect(new Set(stamps), name).toEqual(new Set(['DTSTAMP:20210101T000000Z']));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 330_000);

  test('with the caches turned off, the step generates the worker and keeps nothing', () => {
    const dir = redTeamCopy('soket-sw-cache-off-', true);
    try {
      const real = realpathSync(join(dir, 'node_modules', 'workbox-build', 'build', 'lib', 'populate-sw-template.js'));
      standInWorkbox(dir, '0.0.2-thu', `module.exports = require(${JSON.stringify(real)});\n`);
      const kept = join(dir, 'node_modules', '.cache', 'congdoan-soket', 'sw');
      const off = spawnSync(process.execPath, ['scripts/service-worker.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHART_PNG_CACHE: 'off' } });
      expect(off.status, off.stderr).toBe(0);
      expect(existsSync(kept)).toBe(false);
      expect(readFileSync(join(dir, 'dist', 'sw.js'), 'utf8')).toMatch(/workbox:precaching/);
      // A worker generated with earlier options, and a killed write's temp file: of no more use.
      mkdirSync(kept, { recursive: true });
      writeFileSync(join(kept, '0123456789abcdef0123456789abcdef.js'), 'cũ');
      writeFileSync(join(kept, '0123456789abcdef0123456789abcdef.js.tmp-1'), 'dở');
      const on = spawnSync(process.execPath, ['scripts/service-worker.ts'], { cwd: dir, encoding: 'utf8' });
      expect(on.status, on.stderr).toBe(0);
      expect(readdirSync(kept).filter((f) => f.endsWith('.js'))).toHaveLength(1);
      expect(readdirSync(kept).filter((f) => f.startsWith('0123456789abcdef'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('scripts/build.mjs: the allocator setting of astro build (allocatorEnv)', () => {
  test('turns transparent huge pages off unless the caller chose', () => {
    expect(allocatorEnv({})).toEqual({ MIMALLOC_ALLOW_THP: '0' });
    expect(allocatorEnv({ MIMALLOC_ALLOW_THP: '1' })).toEqual({});
    expect(allocatorEnv({ MIMALLOC_ALLOW_THP: '0' })).toEqual({});
    expect(allocatorEnv({ MIMALLOC_ALLOW_THP: '' })).toEqual({});
  });
});

describe('scripts/build.mjs: Node\'s compile cache for the steps (compileCacheEnv)', () => {
  const enabled = () => ({ status: 1, directory: '/tmp/x/node-compile-cache' });
  test('the folder Node turned the cache on in, as NODE_COMPILE_CACHE', () => {
    expect(compileCacheEnv({}, enabled)).toEqual({ NODE_COMPILE_CACHE: '/tmp/x/node-compile-cache' });
    expect(compileCacheEnv({}, () => ({ status: 2, directory: '/tmp/y' }))).toEqual({ NODE_COMPILE_CACHE: '/tmp/y' });
  });
  test('nothing under CI or NODE_DISABLE_COMPILE_CACHE (the cache is not even turned on), nor when Node could not turn it on', () => {
    let asked = 0;
    const counting = () => (asked += 1, enabled());
    expect(compileCacheEnv({ CI: 'true' }, counting)).toEqual({});
    expect(compileCacheEnv({ NODE_DISABLE_COMPILE_CACHE: '1' }, counting)).toEqual({});
    expect(asked).toBe(0);
    expect(compileCacheEnv({}, () => ({ status: 0, message: 'EACCES' }))).toEqual({});
    expect(compileCacheEnv({}, () => ({ status: 3, message: 'Disabled by NODE_DISABLE_COMPILE_CACHE' }))).toEqual({});
    expect(compileCacheEnv({}, () => { throw new Error('no'); })).toEqual({});
  });
});

describe('scripts/build.mjs: the swap and the clean-up', () => {
  test('publish: the new folder becomes dist/ and the old site is gone', () => {
    const root = mkdtempSync(join(tmpdir(), 'soket-publish-'));
    try {
      mkdirSync(join(root, 'dist'));
      writeFileSync(join(root, 'dist', 'old.html'), 'old');
      mkdirSync(join(root, '.dist-new-1'));
      writeFileSync(join(root, '.dist-new-1', 'new.html'), 'new');
      publish(root, join(root, '.dist-new-1'));
      expect(readdirSync(join(root, 'dist'))).toEqual(['new.html']);
      expect(readdirSync(root)).toEqual(['dist']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a kill between the two renames: the next build puts the last good site back as dist/', () => {
    const root = mkdtempSync(join(tmpdir(), 'soket-recover-'));
    try {
      const pid = deadPid();
      mkdirSync(join(root, `.dist-old-${pid}`));
      writeFileSync(join(root, `.dist-old-${pid}`, 'index.html'), 'last good');
      mkdirSync(join(root, `.dist-new-${pid}`));
      expect(recoverLeftovers(root)).toEqual([
        `Đã xoá .dist-new-${pid}, phần còn lại của một lần dựng bị dừng.`,
        `Đã khôi phục dist/ từ .dist-old-${pid} (bản dựng trước bị dừng giữa lúc thay thư mục).`,
      ]);
      expect(readdirSync(root)).toEqual(['dist']);
      expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('last good');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the folder of a build still running is left alone; one whose pid now runs another program is not', () => {
    const root = mkdtempSync(join(tmpdir(), 'soket-running-'));
    // Stand-ins: a process whose command line names build.mjs, and one that does not.
    const build = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'build.mjs'], { stdio: 'ignore' });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      mkdirSync(join(root, `.dist-new-${build.pid}`));
      mkdirSync(join(root, `.dist-new-${other.pid}`));
      expect(recoverLeftovers(root)).toEqual([`Đã xoá .dist-new-${other.pid}, phần còn lại của một lần dựng bị dừng.`]);
      expect(readdirSync(root)).toEqual([`.dist-new-${build.pid}`]);
    } finally {
      build.kill();
      other.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
