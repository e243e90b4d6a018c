// `npm run build` under faults and company (issue 25 point 5, issue 26 point 4), each through the
// documented command on a project copy:
// - two builds at once in one folder run one after the other (the build's lock), both succeed;
// - a build started while an import holds the results folder's lock waits for it, then publishes
//   the figures the import wrote (it used to publish the old ones without a word);
// - a full disk inside the Astro step (a real tmpfs of a few MB) and a folder the build may not
//   write (node_modules made immutable with chattr +i, which binds root too) end the build with
//   one Vietnamese line, no stack, and dist/ byte for byte as before; so does a real EACCES, the
//   build run as an unprivileged user (setpriv) whose node_modules is read-only.
import { describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CRASH, cleanup, digestDiff, redTeamCopy, runNpm, treeDigest } from './red-team/harness';
import { acquireLock, BUILD_LOCK, LOCK, TransactionError } from '../src/lib/fs/transaction';

interface Run {
  status: number | null;
  out: string;
  /** When the command ended (ms since the epoch). */
  ended: number;
}

/** `npm run build` in `dir`, without waiting. */
function buildAsync(dir: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build'], { cwd: dir, env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('close', (status) => resolve({ status, out, ended: Date.now() }));
  });
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.dist-') || name === BUILD_LOCK);

describe('builds and imports in one folder', () => {
  test('two builds at once: the second waits for the first, both succeed, one whole site is published', async () => {
    const dir = redTeamCopy('soket-build-twice-', true);
    try {
      const first = buildAsync(dir);
      // The second starts once the first holds the lock: it must wait, and say so.
      const started = Date.now();
      while (!existsSync(join(dir, BUILD_LOCK)) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
      expect(existsSync(join(dir, BUILD_LOCK)), 'the first build took its lock').toBe(true);
      const second = buildAsync(dir);
      const [a, b] = await Promise.all([first, second]);
      expect(a.status, a.out).toBe(0);
      expect(b.status, b.out).toBe(0);
      expect(b.out).toMatch(/Đang chờ một lần dựng trang \(tiến trình \d+ trên máy .*\) xong \(khoá .*\.dung-trang\.khoa; chờ tối đa 900 giây\)…/);
      expect(a.out).not.toContain('Đang chờ');
      // Serialised: the second finished after the first, and its own steps ran after the first had published.
      expect(b.ended).toBeGreaterThan(a.ended);
      expect(b.out.indexOf('Đang chờ')).toBeLessThan(b.out.indexOf('Kiểm tra nội dung và số liệu'));
      expect(b.out).not.toMatch(CRASH);
      expect(leftovers(dir)).toEqual([]);
      expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
      expect(existsSync(join(dir, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
      expect(existsSync(join(dir, 'content/so-lieu', LOCK))).toBe(false);
    } finally {
      cleanup(dir);
    }
  }, 300_000);

  test('a build started while an import holds the results lock waits for it and publishes the imported figures', async () => {
    const dir = redTeamCopy('soket-build-import-', true);
    try {
      const csv = join(dir, 'content/so-lieu/2019.csv');
      const text = readFileSync(csv, 'utf8');
      const line = text.split(/\r?\n/).find((l) => /^[^,]+,2019,[^,]+,\d+,,,$/.test(l))!;
      const changed = line.replace(/,(\d+),,,$/, ',987654,,,');
      // What `npm run import:form` does (scripts/import-form.ts): take the lock, write the files
      // all together (commitFiles), release. It holds the lock 4 s, as a slow disk or a large form would.
      const importer = join(dir, 'hold-import.ts');
      writeFileSync(importer, `
        import { acquireLock, commitFiles } from './src/lib/fs/transaction.ts';
        import { readFileSync } from 'node:fs';
        const dir = 'content/so-lieu';
        const lock = await acquireLock(dir);
        console.log('held');
        await new Promise((r) => setTimeout(r, 4000));
        const text = readFileSync(dir + '/2019.csv', 'utf8').replace(${JSON.stringify(line)}, ${JSON.stringify(changed)});
        commitFiles(dir, [{ name: '2019.csv', bytes: new TextEncoder().encode(text) }]);
        lock.release();
      `);
      const holder = spawn(join(process.cwd(), 'node_modules/.bin/node'), [importer], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      const holderEnded = new Promise<number>((resolve) => holder.once('close', () => resolve(Date.now())));
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const build = await buildAsync(dir);
      const importEnded = await holderEnded;
      expect(build.status, build.out).toBe(0);
      expect(build.out).toMatch(new RegExp(`Đang chờ một lần nhập biểu mẫu \\(tiến trình ${holder.pid} trên máy .*\\) xong \\(khoá .*content/so-lieu/\\.nhap-bieu-mau\\.khoa; chờ tối đa 120 giây\\)…`));
      expect(build.ended).toBeGreaterThan(importEnded);
      // The figure the import wrote is the one published.
      const published = readFileSync(join(dir, 'dist/so-lieu/toan-bo.csv'), 'utf8');
      const [unit, , indicator] = changed.split(',');
      expect(published).toMatch(new RegExp(`^${unit},2019,${indicator},987654,`, 'm'));
      expect(existsSync(join(dir, 'content/so-lieu', LOCK))).toBe(false);
    } finally {
      cleanup(dir);
    }
  }, 200_000);
});

describe('the lock says who holds it', () => {
  test('an import that meets a build\'s lock waits, then is told a build is reading; a second import is told as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-lock-holder-'));
    try {
      const build = await acquireLock(dir, 0, { holder: 'dung-trang' });
      const waits: string[] = [];
      const error = await acquireLock(dir, 300, { onWait: (m) => waits.push(m) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransactionError);
      expect((error as Error).message).toMatch(new RegExp(`^thư mục ${dir} đang được một lần dựng trang \\(tiến trình ${process.pid} trên máy .*\\) đọc; đã chờ 0 giây\\. Chờ lần dựng trang đó xong rồi chạy lại`));
      expect(waits).toEqual([expect.stringMatching(/^Đang chờ một lần dựng trang \(tiến trình \d+/)]);
      build.release();
      const first = await acquireLock(dir, 0);
      const second = await acquireLock(dir, 200).catch((e: unknown) => e);
      expect((second as Error).message).toMatch(/đang được một lần nhập khác ghi \(tiến trình/);
      first.release();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Whether this machine lets the tests mount a tmpfs (root in a container with CAP_SYS_ADMIN). */
function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'soket-mount-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
}
const mountable = canMount();
if (!mountable) console.log('build-faults: cannot mount a tmpfs here; the full-disk case is skipped (the chattr case still runs).');

/** Bytes a folder's files take (links as links), as du counts them. */
const sizeOf = (dir: string) => Number(spawnSync('du', ['-s', '-B1', dir], { encoding: 'utf8' }).stdout.split('\t')[0]);

describe('a disk that cannot take the build', () => {
  test.skipIf(!mountable)('a full disk during astro build: one Vietnamese line, no stack, dist/ kept', () => {
    const copy = redTeamCopy('soket-build-full-', true);
    const mount = mkdtempSync(join(tmpdir(), 'soket-build-tmpfs-'));
    try {
      // The copy with its dist/ (11 MB), plus 2 MB: the new site does not fit.
      const size = sizeOf(copy) + 2 * 1024 * 1024;
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount]).status).toBe(0);
      expect(spawnSync('cp', ['-a', `${copy}/.`, mount]).status).toBe(0);
      const before = treeDigest(join(mount, 'dist'));
      const out = runNpm(mount, 'build', [], 120);
      const text = `${out.stdout}\n${out.stderr}`;
      expect(out.status, text).toBe(1);
      expect(out.stderr.trim().split('\n').at(-1)).toMatch(/^Dựng trang không thành công ở bước dựng trang \(astro build\): ổ đĩa đã đầy( \(khi ghi [^)]+\))?; dist\/ vẫn là bản dựng trước, không đổi\. Hãy giải phóng chỗ trống/);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(text).not.toMatch(CRASH);
      expect(text).not.toMatch(/ENOSPC/);
      expect(digestDiff(before, treeDigest(join(mount, 'dist')))).toEqual([]);
      expect(readdirSync(mount).filter((n) => n.startsWith('.dist-') || n === BUILD_LOCK)).toEqual([]);
    } finally {
      spawnSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
      cleanup(copy);
    }
  }, 200_000);

  test('an unprivileged user whose project folder is writable but not node_modules: a real EACCES inside Astro, one Vietnamese line, dist/ kept', () => {
    const dir = redTeamCopy('soket-build-eacces-', true);
    const home = mkdtempSync(join(tmpdir(), 'soket-build-home-'));
    try {
      // Root ignores permission bits: the build runs as nobody (setpriv). The project folder is
      // theirs to write (the new site goes there); everything in it stays root's, so node_modules
      // (Astro's store, Vite's cache) and content/so-lieu (the import lock) are read-only to them.
      chmodSync(dir, 0o777);
      chmodSync(home, 0o777);
      const before = treeDigest(join(dir, 'dist'));
      const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', 'npm', 'run', 'build'], {
        cwd: dir, encoding: 'utf8', timeout: 120_000,
        env: { ...process.env, HOME: home, npm_config_cache: join(home, 'npm'), npm_config_update_notifier: 'false', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      });
      const text = `${result.stdout}\n${result.stderr}`;
      expect(result.status, text).toBe(1);
      // No import can be running in a results folder this user cannot write: the build says so and goes on.
      expect(result.stdout).toMatch(/Thư mục .*content\/so-lieu không ghi được \(không có quyền ghi.*\), nên không giữ khoá \.nhap-bieu-mau\.khoa; không có lần nhập nào đang ghi ở đó, tiếp tục\./);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^Dựng trang không thành công ở bước dựng trang \(astro build\): không có quyền ghi \(tệp hoặc thư mục chỉ đọc, hoặc đang bị chương trình khác giữ\) \(khi ghi node_modules\/[^)]+\); dist\/ vẫn là bản dựng trước, không đổi\./),
      ]);
      expect(text).not.toMatch(CRASH);
      expect(digestDiff(before, treeDigest(join(dir, 'dist')))).toEqual([]);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
      cleanup(dir);
    }
  }, 200_000);

  test('node_modules not writable (chattr +i): Astro cannot write its store; one Vietnamese line, dist/ kept', () => {
    const dir = redTeamCopy('soket-build-readonly-', true);
    try {
      const before = treeDigest(join(dir, 'dist'));
      // Immutable: no entry may be created in it, even by root (permission bits would not stop root).
      expect(spawnSync('chattr', ['+i', join(dir, 'node_modules')]).status).toBe(0);
      const out = runNpm(dir, 'build', [], 120);
      spawnSync('chattr', ['-i', join(dir, 'node_modules')]);
      const text = `${out.stdout}\n${out.stderr}`;
      expect(out.status, text).toBe(1);
      expect(out.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^Dựng trang không thành công ở bước dựng trang \(astro build\): không có quyền ghi \(tệp hoặc thư mục chỉ đọc, hoặc đang bị chương trình khác giữ\)( \(khi ghi node_modules\/[^)]+\))?; dist\/ vẫn là bản dựng trước, không đổi\./),
      ]);
      expect(text).not.toMatch(CRASH);
      expect(text).not.toMatch(/EPERM|EACCES/);
      expect(digestDiff(before, treeDigest(join(dir, 'dist')))).toEqual([]);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      cleanup(dir);
    }
  }, 200_000);
});
