// The compiled-MDX cache between builds (src/plugins/compile-cache.ts) and its pack file
// (src/lib/fs/cache-pack.ts), issue 31's rebuild: a document taken from the pack is byte for byte
// what the processor compiles; a changed document, a changed fingerprint or renderer option, a
// damaged or half-written pack all compile again; the pack holds exactly the last build's
// documents; off (the dev server, CHART_PNG_CACHE=off), nothing is read or written. And through
// `astro build` of a copy of the project: a rebuild after one document changed compiles that one,
// and does not start the report kit's worker (src/lib/prepare/kit-inputs.ts) unless a figure changed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContentFiles } from '../src/lib/content/content-files';
import { PackWriter, readPack } from '../src/lib/fs/cache-pack';
import { buildCacheDir } from '../src/lib/fs/cached-file';
import { filesUnder, sourceFiles } from '../src/lib/fs/source-files';
import { compileCache, compileFingerprint, keyText, type CompileCache } from '../src/plugins/compile-cache';
import { satteriProcessor } from '../src/plugins/satteri';
import { htmlFiles } from './helpers/dist';
import { broken, citations, documentsCompiled, MDX, outcome, SHARED, type Doc } from './helpers/mdx-renderer';
import { kitLog, kitOutcome, WHOLE_KIT } from './helpers/kit-log';
import { copyProject, runIn } from './helpers/project-copy';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the pack file (src/lib/fs/cache-pack.ts)', () => {
  const write = (file: string, entries: [string, string][]) => {
    const writer = new PackWriter(file);
    for (const [key, json] of entries) writer.add(key, json);
    return writer.finish();
  };
  const KEY_A = 'a'.repeat(64);
  const KEY_B = 'b'.repeat(64);

  test('what was added is read back; a pack that is not whole reads as empty', () => {
    const file = join(tempDir('goi-'), 'goi');
    expect(write(file, [[KEY_A, '{"code":"Công đoàn"}'], [KEY_B, '"đ"']])).toBe(true);
    const pack = readPack(file);
    expect(pack.size).toBe(2);
    expect(pack.get(KEY_A)?.toString('utf8')).toBe('{"code":"Công đoàn"}');
    expect(pack.get(KEY_B)?.toString('utf8')).toBe('"đ"');
    expect(pack.get('c'.repeat(64))).toBeUndefined();

    const whole = readFileSync(file);
    truncateSync(file, whole.length - 1);
    expect(readPack(file).size).toBe(0);
    const flipped = Buffer.from(whole);
    flipped[70] ^= 1;
    writeFileSync(file, flipped);
    expect(readPack(file).size).toBe(0);
    writeFileSync(file, Buffer.concat([whole, Buffer.from(`${KEY_A} {}\n`)]));
    expect(readPack(file).size).toBe(0);
    expect(readPack(join(file, 'khong-co')).size).toBe(0);
  });

  test('a writer that never finishes (a killed build) leaves the old pack; the next writer removes its temp file', () => {
    const dir = tempDir('goi-');
    const file = join(dir, 'goi');
    write(file, [[KEY_A, '1']]);
    const killed = new PackWriter(file);
    killed.add(KEY_B, '2');
    expect(readdirSync(dir).sort()).toEqual(['goi', `tam-${process.pid}-goi`]);
    expect(readPack(file).get(KEY_A)?.toString()).toBe('1');
    expect(readPack(file).get(KEY_B)).toBeUndefined();
    // Another writer (another build) sweeps it away, and its own pack replaces the old one.
    writeFileSync(join(dir, 'tam-99999-goi'), 'nửa chừng');
    expect(write(file, [[KEY_B, '3']])).toBe(true);
    expect(readdirSync(dir)).toEqual(['goi']);
    expect(readPack(file).size).toBe(1);
    expect(readPack(file).get(KEY_B)?.toString()).toBe('3');
  });

  test('a folder that cannot be written: no pack, no error, the old one stays', () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a file where the folder should be stands in for it.
      const parent = tempDir('goi-');
      writeFileSync(join(parent, 'tep'), 'x');
      const writer = new PackWriter(join(parent, 'tep', 'goi'));
      writer.add(KEY_A, '1');
      expect(writer.finish()).toBe(false);
      return;
    }
    const dir = tempDir('goi-');
    write(join(dir, 'goi'), [[KEY_A, '1']]);
    chmodSync(dir, 0o500);
    try {
      const writer = new PackWriter(join(dir, 'goi'));
      writer.add(KEY_B, '2');
      expect(writer.finish()).toBe(false);
      expect(readPack(join(dir, 'goi')).get(KEY_A)?.toString()).toBe('1');
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  test('a key that is not a hash, or an entry with a newline, is refused', () => {
    const writer = new PackWriter(join(tempDir('goi-'), 'goi'));
    expect(() => writer.add('khoá có dấu cách', '1')).toThrow(/khoá bộ đệm không hợp lệ/);
    expect(() => writer.add(KEY_A, '1\n2')).toThrow(/xuống dòng/);
    writer.abort();
  });
});

describe('key text', () => {
  test('plain data keys by value in any key order; a date differs from its text; functions and class instances cannot be keyed', () => {
    expect(keyText({ b: 1, a: [true, null, 'đ'] })).toBe(keyText({ a: [true, null, 'đ'], b: 1 }));
    expect(keyText({ a: undefined })).not.toBe(keyText({}));
    expect(keyText({ d: new Date('2020-05-28T00:00:00Z') })).not.toBe(keyText({ d: '2020-05-28T00:00:00.000Z' }));
    expect(keyText({ u: new URL('file:///a/src/') })).not.toBe(keyText({ u: new URL('file:///b/src/') }));
    expect(keyText({ r: /a/g })).not.toBe(keyText({ r: /a/i }));
    expect(keyText({ transformers: [() => 1] })).toBeUndefined();
    expect(keyText({ m: new Map() })).toBeUndefined();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(keyText(loop)).toBeUndefined();
  });

  test('the code files under a folder: .ts and .mjs but tests, in path order; none for a folder that is not there', () => {
    const root = tempDir('ma-nguon-');
    mkdirSync(join(root, 'b/c'), { recursive: true });
    for (const name of ['b/c/z.ts', 'b/a.mjs', 'a.ts', 'a.test.ts', 'ghi-chu.md', 'b/c/y.json']) writeFileSync(join(root, name), '');
    expect(sourceFiles(root).map((file) => file.slice(root.length + 1))).toEqual(['a.ts', 'b/a.mjs', 'b/c/z.ts']);
    expect(sourceFiles(join(root, 'khong-co'))).toEqual([]);
    // The walk under it: every file, or those kept, a skipped folder not entered.
    expect(filesUnder(root).map((file) => file.slice(root.length + 1))).toEqual(['a.test.ts', 'a.ts', 'b/a.mjs', 'b/c/y.json', 'b/c/z.ts', 'ghi-chu.md']);
    expect(filesUnder(root, (file) => file.endsWith('.ts'), (folder) => folder === join(root, 'b/c')).map((file) => file.slice(root.length + 1))).toEqual(['a.test.ts', 'a.ts']);
  });

  test('the fingerprint changes with the site\'s plugin code, the lock file and the processor\'s options', () => {
    const root = tempDir('dau-van-');
    mkdirSync(join(root, 'src/plugins'), { recursive: true });
    mkdirSync(join(root, 'src/lib/text'), { recursive: true });
    writeFileSync(join(root, 'src/plugins/a.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'src/lib/text/b.ts'), 'export const b = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const first = compileFingerprint(root, { published: [] });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(compileFingerprint(root, { published: [] })).toBe(first);
    expect(compileFingerprint(root, { published: [{ id: 'x' }] })).not.toBe(first);
    expect(compileFingerprint(root, { f: () => 1 })).toBeUndefined();
    writeFileSync(join(root, 'src/lib/text/b.ts'), 'export const b = 2;');
    const second = compileFingerprint(root, { published: [] });
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(compileFingerprint(root, { published: [] })).not.toBe(second);
    // A test file is not the processor's code.
    const third = compileFingerprint(root, { published: [] });
    writeFileSync(join(root, 'src/lib/text/b.test.ts'), 'test');
    expect(compileFingerprint(root, { published: [] })).toBe(third);
  });
});

describe('compiled documents kept between builds (src/plugins/compile-cache.ts)', () => {
  let docs: Doc[] = [];
  let expected = new Map<string, string>();
  beforeAll(async () => {
    ({ docs, expected } = await documentsCompiled(tempDir('bien-dich-'), 60));
  }, 120_000);

  const FINGERPRINT = 'f'.repeat(64);
  /** One build: a fresh processor and cache over `dir`, every document asked for at once, as the bundler does. */
  async function build(dir: string | null, list: Doc[], options: { fingerprint?: string; enable?: boolean; shared?: typeof SHARED; plugin?: boolean } = {}) {
    const processor = satteriProcessor(citations);
    const cache: CompileCache = compileCache(processor, { dir, fingerprint: options.fingerprint ?? FINGERPRINT });
    if (options.enable ?? true) cache.enable();
    // An integration adding its own plugin after the config was made.
    if (options.plugin) processor.options.mdastPlugins.push(processor.options.mdastPlugins[0]!);
    const renderer = await cache.processor.createMdxRenderer!(options.shared ?? SHARED, MDX);
    const results = await Promise.all(list.map((doc) => outcome(renderer, doc)));
    return { results, counts: cache.finish() };
  }
  const want = (list: Doc[]) => list.map((doc) => expected.get(doc.filePath));

  test('the second build takes every document from the pack, byte for byte what the processor compiles', async () => {
    const dir = tempDir('bien-dich-');
    const first = await build(dir, docs);
    expect(first.results).toEqual(want(docs));
    expect(first.counts).toEqual({ reused: 0, compiled: docs.length, written: true });
    expect(readPack(join(dir, 'goi')).size).toBe(docs.length);
    const second = await build(dir, docs);
    expect(second.results).toEqual(want(docs));
    expect(second.counts).toEqual({ reused: docs.length, compiled: 0, written: true });
  }, 120_000);

  test('a changed document is compiled again, the others are not; the pack then holds this build\'s documents only', async () => {
    const dir = tempDir('bien-dich-');
    await build(dir, docs);
    const changed = docs.map((doc, i) => (i === 5 ? { ...doc, content: `${doc.content}\nMột đoạn thêm vào.\n` } : doc));
    const plain = await satteriProcessor(citations).createMdxRenderer!(SHARED, MDX);
    const fresh = await outcome(plain, changed[5]!);
    const second = await build(dir, changed);
    expect(second.counts).toEqual({ reused: docs.length - 1, compiled: 1, written: true });
    expect(second.results[5]).toBe(fresh);
    expect(second.results[5]).toContain('Một đoạn thêm vào.');
    expect(second.results.filter((_, i) => i !== 5)).toEqual(want(docs).filter((_, i) => i !== 5));
    // Front matter counts too, and the old text of the changed document is no longer kept.
    const retitled = changed.map((doc, i) => (i === 6 ? { ...doc, frontmatter: { ...doc.frontmatter, title: 'Tiêu đề khác' } } : doc));
    const third = await build(dir, retitled);
    expect(third.counts).toEqual({ reused: docs.length - 1, compiled: 1, written: true });
    expect(readPack(join(dir, 'goi')).size).toBe(docs.length);
    const fourth = await build(dir, docs.slice(0, 10));
    expect(fourth.counts.reused).toBe(8);
    expect(readPack(join(dir, 'goi')).size).toBe(10);
  }, 120_000);

  test('another fingerprint or other renderer options: everything compiled again', async () => {
    const dir = tempDir('bien-dich-');
    await build(dir, docs.slice(0, 10));
    const other = await build(dir, docs.slice(0, 10), { fingerprint: 'e'.repeat(64) });
    expect(other.counts).toEqual({ reused: 0, compiled: 10, written: true });
    const gfmOff = await build(dir, docs.slice(0, 10), { fingerprint: 'e'.repeat(64), shared: { ...SHARED, gfm: false } });
    expect(gfmOff.counts.reused).toBe(0);
  }, 60_000);

  test('a damaged pack, or an entry that is not compiled code: compiled again, the same output', async () => {
    const dir = tempDir('bien-dich-');
    await build(dir, docs.slice(0, 10));
    const file = join(dir, 'goi');
    const bytes = readFileSync(file);
    bytes[200] ^= 1;
    writeFileSync(file, bytes);
    const damaged = await build(dir, docs.slice(0, 10));
    expect(damaged.results).toEqual(want(docs.slice(0, 10)));
    expect(damaged.counts).toEqual({ reused: 0, compiled: 10, written: true });
    // A pack whose digest is right but whose entries are not this code's.
    const pack = readPack(file);
    const keys = readFileSync(file, 'latin1').split('\n').slice(0, 10).map((line) => line.slice(0, 64));
    expect(keys.every((key) => pack.get(key))).toBe(true);
    const writer = new PackWriter(file);
    for (const key of keys) writer.add(key, '{"khong":"phải mã"}');
    writer.finish();
    const foreign = await build(dir, docs.slice(0, 10));
    expect(foreign.results).toEqual(want(docs.slice(0, 10)));
    expect(foreign.counts.compiled).toBe(10);
  }, 60_000);

  test('one cache enabled for a second build counts and writes that build alone', async () => {
    const dir = tempDir('bien-dich-');
    const cache = compileCache(satteriProcessor(citations), { dir, fingerprint: FINGERPRINT });
    for (const expectedCounts of [{ reused: 0, compiled: 5 }, { reused: 5, compiled: 0 }]) {
      cache.enable();
      const renderer = await cache.processor.createMdxRenderer!(SHARED, MDX);
      expect(await Promise.all(docs.slice(0, 5).map((doc) => outcome(renderer, doc)))).toEqual(want(docs.slice(0, 5)));
      expect(cache.finish()).toEqual({ ...expectedCounts, written: true });
      expect(readPack(join(dir, 'goi')).size).toBe(5);
    }
  });

  test('a document the plugin refuses gives its error every build and is never kept', async () => {
    const dir = tempDir('bien-dich-');
    for (let i = 0; i < 2; i++) {
      const run = await build(dir, [broken, docs[0]!]);
      expect(run.results[0]).toBe(expected.get(broken.filePath));
      expect(run.results[0]).toMatch(/^error: .*khong-co-van-ban-nay/);
    }
    expect(readPack(join(dir, 'goi')).size).toBe(1);
  });

  test('off: not enabled (the dev server), no folder (CHART_PNG_CACHE=off), or a plugin added by another integration', async () => {
    const dir = tempDir('bien-dich-');
    const dev = await build(dir, docs.slice(0, 5), { enable: false });
    expect(dev.results).toEqual(want(docs.slice(0, 5)));
    expect(dev.counts).toEqual({ reused: 0, compiled: 0, written: false });
    expect(readdirSync(dir)).toEqual([]);
    const none = await build(null, docs.slice(0, 5));
    expect(none.counts).toEqual({ reused: 0, compiled: 0, written: false });
    await build(dir, docs.slice(0, 5));
    const plugin = await build(dir, docs.slice(0, 5), { plugin: true });
    expect(plugin.counts.reused).toBe(0);
    const savedEnv = process.env.CHART_PNG_CACHE;
    process.env.CHART_PNG_CACHE = 'off';
    try {
      expect(buildCacheDir('/du-an', 'bien-dich')).toBeNull();
    } finally {
      if (savedEnv === undefined) delete process.env.CHART_PNG_CACHE;
      else process.env.CHART_PNG_CACHE = savedEnv;
    }
    expect(buildCacheDir('/du-an', 'bien-dich')).toBe(join('/du-an', 'node_modules', '.cache', 'congdoan-soket', 'bien-dich'));
  }, 60_000);
});

describe('astro build of a copy of the project, twice', () => {
  let dir = '';
  const builds: { status: number | null; stdout: string; stderr: string }[] = [];
  const page = (dist: string) => readFileSync(join(dir, dist, 'van-ban/ke-hoach-so-ket/index.html'), 'utf8');
  const tree = (dist: string) => Object.fromEntries(htmlFiles(join(dir, dist)).map((f) => [f, readFileSync(join(dir, dist, f), 'utf8')]));
  /** A build cache's files, each with when it was last written. */
  const cacheFiles = (cache: string) => {
    const folder = join(dir, 'node_modules/.cache/congdoan-soket', cache);
    return Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs]));
  };
  const draftCache: Record<string, number>[] = [];

  beforeAll(() => {
    // The copy's own build caches, not the project's.
    dir = copyProject('congdoan-bien-dich-', { ownBuildCaches: true });
    builds.push(runIn(dir, ['node_modules/.bin/astro', 'build']));
    // Each build's dist/ kept for the comparisons below.
    renameSync(join(dir, 'dist'), join(dir, 'dist-1'));
    draftCache.push(cacheFiles('bao-cao'));
    appendFileSync(join(dir, 'content/van-ban/ke-hoach-so-ket.mdx'), '\nĐoạn thêm vào để thử dựng lại.\n');
    builds.push(runIn(dir, ['node_modules/.bin/astro', 'build']));
    renameSync(join(dir, 'dist'), join(dir, 'dist-2'));
    draftCache.push(cacheFiles('bao-cao'));
    // The same content with every build cache off: what the rebuild must equal.
    builds.push(runIn(dir, ['node_modules/.bin/astro', 'build'], { CHART_PNG_CACHE: 'off' }));
    renameSync(join(dir, 'dist'), join(dir, 'dist-3'));
    // One unit's figure changed: every kit file that shows it must be made again.
    const results = join(dir, 'content/so-lieu/2019.csv');
    const lines = readFileSync(results, 'utf8').split('\r\n');
    const row = lines.findIndex((l) => l.startsWith('bien-hoa,2019,phat-trien-doan-vien,'));
    lines[row] = lines[row]!.replace(/^(bien-hoa,2019,phat-trien-doan-vien,)(\d+)/, (_, head: string, value: string) => `${head}${Number(value) + 1}`);
    writeFileSync(results, lines.join('\r\n'));
    builds.push(runIn(dir, ['node_modules/.bin/astro', 'build']));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const line = (i: number) => /Bộ đệm biên dịch MDX: (\d+) văn bản lấy lại từ lần dựng trước, (\d+) biên dịch\./.exec(builds[i]!.stdout);

  const documentsLine = (i: number) => /Văn bản: (\d+) dựng thành HTML \((\d+) làm sẵn ở luồng riêng\), (\d+) lấy lại từ lần dựng trước, (\d+) qua mô-đun MDX\./.exec(builds[i]!.stdout);

  test('the first build compiles every module and renders every document, and keeps them; the rebuild renders only the changed document', () => {
    for (const b of builds) expect(b.status, b.stderr).toBe(0);
    const files = readContentFiles(dir);
    // The documents are rendered to HTML as they load (src/plugins/documents-loader.ts); the
    // programmes and notices are what the bundler compiles.
    const documents = files.filter((f) => f.collection === 'van-ban').length;
    const modules = files.length - documents;
    expect(line(0)?.slice(1).map(Number), builds[0]!.stdout.slice(-2000)).toEqual([0, modules]);
    expect(line(1)?.slice(1).map(Number), builds[1]!.stdout.slice(-2000)).toEqual([modules, 0]);
    expect(documentsLine(0)?.slice(1).map(Number), builds[0]!.stdout.slice(-2000)).toEqual([documents, 0, 0, 0]);
    expect(documentsLine(1)?.slice(1).map(Number), builds[1]!.stdout.slice(-2000)).toEqual([1, 0, documents - 1, 0]);
    // Cache off: no compile line, nothing read or written; every document rendered.
    expect(line(2)).toBeNull();
    expect(documentsLine(2)?.slice(1).map(Number)).toEqual([documents, 0, 0, 0]);
    expect(existsSync(join(dir, 'node_modules/.cache/congdoan-soket/bien-dich/goi'))).toBe(true);
    expect(readdirSync(join(dir, 'node_modules/.cache/congdoan-soket/van-ban')).filter((name) => name.startsWith('goi-'))).toHaveLength(1);
  });

  test('the rebuilt pages are those of a build without any cache: the changed document shows its new paragraph', () => {
    expect(page('dist-1')).not.toContain('Đoạn thêm vào để thử dựng lại.');
    expect(page('dist-2')).toContain('Đoạn thêm vào để thử dựng lại.');
    expect(tree('dist-2')).toEqual(tree('dist-3'));
  });

  // The report kit's worker (src/lib/prepare/kit-inputs.ts): run by the first build, which records
  // its inputs; not started by the rebuild, whose change no kit file depends on; run again by the
  // build without caches and by the one after a figure changed.
  const skipped = /Bộ tài liệu báo cáo: đầu vào không đổi từ lần dựng trước, không chạy luồng riêng; các trang lấy tệp từ bộ đệm\./;
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  const kitFiles = (dist: string): Record<string, string> => ({
    ...Object.fromEntries(['tai-ve/bao-cao', 'tai-ve/bieu-do', 'tai-ve/bieu-mau'].flatMap((folder) =>
      readdirSync(join(dir, dist, folder)).filter((name) => /\.(docx|xlsx|png)$/.test(name)).map((name) => [`${folder}/${name}`, digest(join(dir, dist, folder, name))]))),
    // The report template, kept like the drafts (outlineTemplateJob).
    'tai-ve/de-cuong-bao-cao.docx': digest(join(dir, dist, 'tai-ve/de-cuong-bao-cao.docx')),
  });

  test('the rebuild does not start the report kit\'s worker, and its charts, drafts and forms are those of a build without any cache', () => {
    for (const b of builds) expect(b.status, b.stderr).toBe(0);
    expect(kitOutcome(builds[0]!.stdout), builds[0]!.stdout.slice(-2000)).toEqual(WHOLE_KIT);
    expect(builds[1]!.stdout).toMatch(skipped);
    expect(kitLog(builds[1]!.stdout)).toBeNull();
    expect(kitLog(builds[2]!.stdout)).not.toBeNull();
    expect(builds[2]!.stdout).not.toMatch(skipped);
    const rebuilt = kitFiles('dist-2');
    // 9 indicators × 3 charts; 18 units' drafts and forms and the whole's; the report template.
    expect(Object.keys(rebuilt)).toHaveLength(27 + 19 + 19 + 1);
    expect(rebuilt).toEqual(kitFiles('dist-3'));
  });

  test('the rebuild writes no draft, and not the report template: every one comes from the cache the first build wrote', () => {
    // 19 drafts and the template, each once; not one written again, none added.
    expect(Object.keys(draftCache[0]!)).toHaveLength(19 + 1);
    expect(draftCache[1]).toEqual(draftCache[0]);
  });

  test('after a figure changed the worker runs again, and the files that show it change', () => {
    // Started again: a count line, not the skip line (how many it made first is a race, WHOLE_KIT).
    expect(kitOutcome(builds[3]!.stdout), builds[3]!.stdout.slice(-2000)).toEqual(WHOLE_KIT);
    expect(builds[3]!.stdout).not.toMatch(skipped);
    const before = kitFiles('dist-3');
    const after = kitFiles('dist');
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]).sort();
    // Biên Hòa's draft and form, the whole's draft, and the membership charts the figure is drawn in.
    expect(changed).toEqual(expect.arrayContaining(['tai-ve/bao-cao/bien-hoa.docx', 'tai-ve/bieu-mau/bien-hoa.xlsx']));
    expect(changed.some((file) => file.startsWith('tai-ve/bieu-do/phat-trien-doan-vien'))).toBe(true);
    expect(changed.filter((file) => file.startsWith('tai-ve/bieu-mau/'))).toEqual(['tai-ve/bieu-mau/bien-hoa.xlsx']);
  });
});
