// The documents' loader (src/plugins/documents-loader.ts) in `npm run build` of a copy of the project:
// documents rendered ahead in a worker thread on a cold build (the threshold lowered to the copy's
// three), kept for the next build, a document with an MDX expression sent to the module path and
// still on its page, and a broken link stopping `astro build` with the site's message and nothing kept.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendFileSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './helpers/dist';
import { copyProject, runIn } from './helpers/project-copy';

const LINE = /Văn bản: (\d+) dựng thành HTML \((\d+) làm sẵn ở luồng riêng\), (\d+) lấy lại từ lần dựng trước, (\d+) qua mô-đun MDX\./;
const counts = (stdout: string) => LINE.exec(stdout)?.slice(1).map(Number);

describe('npm run build renders the documents as they load', () => {
  let dir = '';
  const builds: { status: number | null; stdout: string; stderr: string }[] = [];
  const tree = (dist: string) => Object.fromEntries(htmlFiles(join(dir, dist)).filter((f) => f.startsWith('van-ban')).map((f) => [f, readFileSync(join(dir, dist, f), 'utf8')]));
  const packs = () => readdirSync(join(dir, 'node_modules/.cache/congdoan-soket/van-ban')).filter((name) => name.startsWith('goi-'));

  beforeAll(() => {
    dir = copyProject('soket-van-ban-html-', { ownBuildCaches: true });
    const env = { SOKET_RENDER_AHEAD_MIN: '1' };
    builds.push(runIn(dir, ['scripts/build.mjs'], env));
    renameSync(join(dir, 'dist'), join(dir, 'dist-1'));
    builds.push(runIn(dir, ['scripts/build.mjs'], env));
    renameSync(join(dir, 'dist'), join(dir, 'dist-2'));
    // An MDX expression has no static HTML: this document takes the module path.
    appendFileSync(join(dir, 'content/van-ban/cong-van-xin-y-kien.mdx'), '\nĐoạn có biểu thức {"chữ từ biểu thức"}.\n');
    builds.push(runIn(dir, ['scripts/build.mjs'], env));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a cold build renders every document, ahead in a worker thread or on the main thread', () => {
    expect(builds[0]!.status, builds[0]!.stderr + builds[0]!.stdout.slice(-3000)).toBe(0);
    const [rendered, ahead, kept, modules] = counts(builds[0]!.stdout) ?? [];
    expect([rendered, kept, modules], builds[0]!.stdout.slice(-3000)).toEqual([3, 0, 0]);
    // Which thread renders which is a race (tests/scale.test.ts requires the thread to take some).
    expect(ahead).toBeLessThanOrEqual(3);
    expect(packs()).toHaveLength(1);
    expect(tree('dist-1')['van-ban/ke-hoach-so-ket/index.html']).toBe(readFileSync('dist/van-ban/ke-hoach-so-ket/index.html', 'utf8'));
  });

  test('the next build takes every document from the last one, and its pages are the same', () => {
    expect(builds[1]!.status, builds[1]!.stderr).toBe(0);
    expect(counts(builds[1]!.stdout), builds[1]!.stdout.slice(-3000)).toEqual([0, 0, 3, 0]);
    expect(tree('dist-2')).toEqual(tree('dist-1'));
  });

  test('a document with an MDX expression goes the module path and its page shows the expression', () => {
    expect(builds[2]!.status, builds[2]!.stderr + builds[2]!.stdout.slice(-3000)).toBe(0);
    expect(counts(builds[2]!.stdout), builds[2]!.stdout.slice(-3000)).toEqual([0, 0, 2, 1]);
    const page = readFileSync(join(dir, 'dist/van-ban/cong-van-xin-y-kien/index.html'), 'utf8');
    expect(page).toContain('Đoạn có biểu thức chữ từ biểu thức.');
    expect(readFileSync(join(dir, 'dist/van-ban/ke-hoach-so-ket/index.html'), 'utf8')).toBe(readFileSync(join(dir, 'dist-1/van-ban/ke-hoach-so-ket/index.html'), 'utf8'));
  });
});

describe('a broken link in a document', () => {
  let dir = '';
  beforeAll(() => {
    dir = copyProject('soket-van-ban-hong-', { ownBuildCaches: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('stops astro build with the site message naming file and line; the last build\'s kept HTML stays', () => {
    const first = runIn(dir, ['node_modules/.bin/astro', 'build']);
    expect(first.status, first.stderr).toBe(0);
    const packDir = join(dir, 'node_modules/.cache/congdoan-soket/van-ban');
    const before = readdirSync(packDir).map((name) => [name, readFileSync(join(packDir, name))]);
    const file = join(dir, 'content/van-ban/de-cuong-bao-cao.mdx');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [...lines, '', 'Xem [văn bản](/van-ban/khong-co-van-ban-nay/).', ''].join('\n'));
    // Past the pre-check (SOKET_PRECHECKED), as `astro build` alone runs it in the build itself.
    const broken = runIn(dir, ['node_modules/.bin/astro', 'build'], { SOKET_PRECHECKED: '1' });
    expect(broken.status).not.toBe(0);
    const output = broken.stdout + broken.stderr;
    expect(output).toContain(`content/van-ban/de-cuong-bao-cao.mdx:${lines.length + 2}`);
    expect(output).toContain('/van-ban/khong-co-van-ban-nay/');
    expect(readdirSync(packDir).map((name) => [name, readFileSync(join(packDir, name))])).toEqual(before);
  }, 180_000);
});
