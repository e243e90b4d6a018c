// The caches that let a rebuild skip the project's own work on unchanged files (issue 31): the fold
// pass before Pagefind (src/lib/search/fold-cache.ts) and the compressed copies
// (scripts/precompress.ts), both sealed with their SHA-256 (src/lib/fs/cache-seal.ts) and keyed by
// the file's bytes and the code (src/lib/fs/source-fingerprint.ts). Each must give exactly what the
// uncached step gives, make again what changed, remake a damaged file, and keep only what a run used.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { seal, sealed, sweepCache, unseal } from '../src/lib/fs/cache-seal.ts';
import { hashSources, sourceFingerprint } from '../src/lib/fs/source-fingerprint.ts';
import { cachedKeys, foldCacheDir, foldKey, readFold, writeFold } from '../src/lib/search/fold-cache.ts';
import { vocabularyCounter, vocabularyCounts } from '../src/lib/search/vocabulary.ts';
import { applyEdits, foldedPage, foldEdits } from '../src/lib/search/fold-html.ts';
import { copyKey, precompress, precompressCacheDir } from '../scripts/precompress.ts';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
const tempDir = (prefix = 'bo-dem-dung-') => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const bytes = (text: string) => new TextEncoder().encode(text);
const page = (words: string) => `<!doctype html><html lang="vi"><head><title>Trang</title></head><body><nav>Đầu trang</nav><main data-pagefind-body><h2 id="muc-1">Công đoàn cơ sở</h2><p id="dc-1">${words}</p></main></body></html>`;

/** The cache's files and their modification times, to tell a hit (nothing written) from a miss. */
const listing = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, statSync(join(dir, name)).mtimeMs]));

describe('sealed cache files (src/lib/fs/cache-seal.ts)', () => {
  test('a sealed payload is whole; cut, flipped or foreign bytes are not', () => {
    const file = seal(bytes('Đoàn viên công đoàn'));
    expect(sealed(file)).toBe(true);
    expect(new TextDecoder().decode(unseal(file))).toBe('Đoàn viên công đoàn');
    expect(sealed(file.subarray(0, file.length - 1))).toBe(false);
    const flipped = file.slice();
    flipped[3] ^= 1;
    expect(sealed(flipped)).toBe(false);
    expect(sealed(bytes('không phải tệp bộ đệm, đủ dài hơn ba mươi hai byte'))).toBe(false);
    expect(sealed(new Uint8Array())).toBe(false);
    expect(sealed(seal(new Uint8Array()))).toBe(true);
  });

  test('a sweep keeps the files whose key was used and removes the rest, temp files included', () => {
    const dir = tempDir();
    for (const name of ['a1.json', 'b2.json', 'c3.gz', 'c3.br', '.a1.json.moi-1-0-ff']) writeFileSync(join(dir, name), 'x');
    expect(sweepCache(dir, new Set(['a1', 'c3']))).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['a1.json', 'c3.br', 'c3.gz']);
    expect(sweepCache(join(dir, 'khong-co'), new Set())).toBe(0);
  });

  test('the source fingerprint covers every source of src/lib: another byte there, another fingerprint', () => {
    const copy = tempDir();
    cpSync(join(root, 'src', 'lib'), join(copy, 'src', 'lib'), { recursive: true });
    const before = hashSources(createHash('sha256'), copy).digest('hex');
    expect(hashSources(createHash('sha256'), root).digest('hex')).toBe(sourceFingerprint(root));
    writeFileSync(join(copy, 'src', 'lib', 'search', 'fold-html.ts'), `${readFileSync(join(copy, 'src', 'lib', 'search', 'fold-html.ts'), 'utf8')}\n// đổi\n`);
    expect(hashSources(createHash('sha256'), copy).digest('hex')).not.toBe(before);
  });
});

describe('the fold pass cache (src/lib/search/fold-cache.ts)', () => {
  const fingerprint = sourceFingerprint(root);

  test('lives beside the other build caches, and CHART_PNG_CACHE=off turns it off', () => {
    expect(foldCacheDir('/du-an')).toBe('/du-an/node_modules/.cache/congdoan-soket/gap-dau');
    const saved = process.env.CHART_PNG_CACHE;
    process.env.CHART_PNG_CACHE = 'off';
    try {
      expect(foldCacheDir('/du-an')).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.CHART_PNG_CACHE;
      else process.env.CHART_PNG_CACHE = saved;
    }
  });

  test('a page\'s edits give exactly foldedPage\'s page and texts', () => {
    for (const html of [page('Chương trình 2494/CTr-TLĐ của Tổng Liên đoàn &amp; Liên đoàn Lao động tỉnh'), '<html><body><p>Đang chuyển hướng</p></body></html>']) {
      const texts = new Map<string, number>();
      const expected = foldedPage(html, texts);
      const counted = new Map<string, number>();
      const edits = foldEdits(html, counted);
      expect(edits === null ? null : applyEdits(html, edits)).toBe(expected);
      expect(counted).toEqual(texts);
    }
    // The edits are small: the folded copies and the ids taken out, not the page.
    const edits = foldEdits(page('Đoàn viên công đoàn'))!;
    // The heading's copy after it, the paragraph's id out, the paragraph's copy before its end.
    expect(edits).toEqual([[expect.any(Number), 0, expect.stringContaining('zzgapmo doan zzgapdong')], [expect.any(Number), ' id="dc-1"'.length, ''], [expect.any(Number), 0, expect.stringContaining('zzgapmo doan zzgapdong')]]);
  });

  test('kept with its word counts, read back the same', () => {
    const dir = tempDir();
    const html = page('Đoàn viên công đoàn');
    const key = foldKey(fingerprint, bytes(html));
    expect(readFold(dir, key)).toBeUndefined();
    const texts = new Map<string, number>();
    const edits = foldEdits(html, texts);
    const words = vocabularyCounts(texts);
    writeFold(dir, key, edits, words);
    expect(readFold(dir, key)).toEqual({ edits, words: [...words] });
    expect(readdirSync(dir)).toEqual([`${key}.gap`]);
    expect(cachedKeys(dir)).toEqual(new Set([key]));
    expect(cachedKeys(join(dir, 'khong-co'))).toEqual(new Set());
    // A page without a Pagefind body is kept as such.
    const plain = foldKey(fingerprint, bytes('<p>Không có thân trang</p>'));
    writeFold(dir, plain, null, new Map());
    expect(readFold(dir, plain)).toEqual({ edits: null, words: [] });
  });

  test('a changed page, or changed fold code, has another key', () => {
    const key = foldKey(fingerprint, bytes(page('Đoàn viên')));
    expect(foldKey(fingerprint, bytes(page('Đoàn viên')))).toBe(key);
    expect(foldKey(fingerprint, bytes(page('Đoàn viên mới')))).not.toBe(key);
    expect(foldKey(`${fingerprint}x`, bytes(page('Đoàn viên')))).not.toBe(key);
  });

  test('a damaged file (cut short, one byte changed, sealed but not a fold) is a miss', () => {
    const dir = tempDir();
    const html = page('Liên đoàn Lao động tỉnh Đồng Nai');
    const key = foldKey(fingerprint, bytes(html));
    const texts = new Map<string, number>();
    writeFold(dir, key, foldEdits(html, texts), vocabularyCounts(texts));
    expect(readFold(dir, key)).toBeDefined();
    const file = join(dir, `${key}.gap`);
    const whole = readFileSync(file);
    const changed = Buffer.from(whole);
    changed[2] ^= 1;
    const foreign = [bytes('{"khong":"phai"}'), bytes('{"edits":[[1,2]],"words":[]}'), bytes('{"edits":null,"words":[["a","1"]]}'), bytes('không phải JSON')];
    for (const damaged of [whole.subarray(0, whole.length - 10), changed, ...foreign.map((payload) => Buffer.from(seal(payload)))]) {
      writeFileSync(file, damaged);
      expect(readFold(dir, key), String(damaged.length)).toBeUndefined();
    }
    writeFileSync(file, whole);
    expect(readFold(dir, key)).toBeDefined();
  });

  test('counting each page on its own sums to the count of all pages\' texts', () => {
    const pages = [page('Công đoàn cơ sở Đồng Nai'), page('Đoàn viên công đoàn, công đoàn ngành'), page('2494/CTr-TLĐ')];
    const all = new Map<string, number>();
    const count = vocabularyCounter();
    const summed = new Map<string, number>();
    for (const html of pages) {
      const texts = new Map<string, number>();
      foldEdits(html, texts);
      foldEdits(html, all);
      for (const [word, n] of count(texts)) summed.set(word, (summed.get(word) ?? 0) + n);
    }
    expect(new Map([...summed].sort())).toEqual(new Map([...vocabularyCounts(all)].sort()));
    expect(summed.get('doan')).toBeGreaterThan(1);
  });

  test('scripts/pagefind.mjs: a second run folds nothing again, indexes the same, and the cache keeps only the pages of the last run', () => {
    const dist = join(root, 'dist');
    const project = tempDir('bo-dem-gap-dau-');
    const site = join(project, 'dist');
    const pages = readdirSync(join(dist, 'van-ban'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).slice(0, 6);
    for (const file of [...pages.map((f) => `van-ban/${f}`), 'index.html', 'tim-kiem/index.html']) {
      mkdirSync(join(site, file, '..'), { recursive: true });
      cpSync(join(dist, file), join(site, file));
    }
    const run = (env: Record<string, string> = {}) => {
      rmSync(join(site, 'pagefind'), { recursive: true, force: true });
      const out = spawnNode(project, [join(root, 'scripts', 'pagefind.mjs')], { DIST_DIR: 'dist', ...env });
      expect(out.status, out.stderr).toBe(0);
      const index = (name: string) => readFileSync(join(site, 'pagefind', name));
      return { entry: JSON.parse(index('pagefind-entry.json').toString()), vocabulary: index('tu-vung.json').toString() };
    };
    const cache = join(project, 'node_modules', '.cache', 'congdoan-soket', 'gap-dau');
    const first = run();
    const kept = listing(cache);
    // One file a page: its edits and its word counts.
    expect(Object.keys(kept)).toHaveLength(pages.length + 2);
    const second = run();
    expect(listing(cache)).toEqual(kept);
    expect(second).toEqual(first);
    // One page changed: one file added for it, its old one swept.
    const changed = join(site, 'van-ban', pages.find((f) => f.includes('/'))!);
    const html = readFileSync(changed, 'utf8');
    const at = html.indexOf('</h1>', html.indexOf('data-pagefind-body'));
    writeFileSync(changed, `${html.slice(0, at)} kiemtrabodem${html.slice(at)}`);
    const changedRun = run();
    // What the cache gave is what folding every page afresh gives: the changed page's new words are in.
    expect(changedRun).toEqual(run({ CHART_PNG_CACHE: 'off' }));
    expect(changedRun.vocabulary).toContain('"kiemtrabodem"');
    expect(first.vocabulary).not.toContain('kiemtrabodem');
    const after = Object.keys(listing(cache));
    expect(after).toHaveLength(pages.length + 2);
    expect(after.filter((name) => !(name in kept))).toHaveLength(1);
  }, 60_000);
});

describe('the compressed copies\' cache (scripts/precompress.ts)', () => {
  const site = () => {
    const dir = tempDir('nen-san-');
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'trang.html'), `<p>${'Công đoàn cơ sở '.repeat(500)}</p>`);
    writeFileSync(join(dir, 'nho.css'), 'a{}'.repeat(20));
    writeFileSync(join(dir, 'b.js'), `const x = ${JSON.stringify('Liên đoàn lao động '.repeat(300))};`);
    return dir;
  };
  const copies = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(gz|br)$/.test(f)).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

  test('lives beside the other build caches, and CHART_PNG_CACHE=off turns it off', () => {
    expect(precompressCacheDir('/du-an')).toBe('/du-an/node_modules/.cache/congdoan-soket/nen');
  });

  test('the same copies with or without the cache; the second run compresses nothing', async () => {
    const cache = tempDir();
    const plain = site();
    await precompress(plain);
    const once = site();
    const first = await precompress(once, cache);
    expect(first.fromCache).toBe(0);
    expect(copies(once)).toEqual(copies(plain));
    const written = listing(cache);
    // One cache file a text file: both copies, or the tiny file's answer ("not worth keeping").
    expect(Object.keys(written)).toHaveLength(3);
    const twice = site();
    const second = await precompress(twice, cache);
    expect(second.fromCache).toBe(3);
    expect(second.written).toEqual(first.written);
    expect(copies(twice)).toEqual(copies(plain));
    expect(listing(cache)).toEqual(written);
  });

  test('a changed file is compressed again, its old copies swept; a damaged cache file is remade', async () => {
    const cache = tempDir();
    await precompress(site(), cache);
    const before = listing(cache);
    const dir = site();
    writeFileSync(join(dir, 'a', 'trang.html'), `<p>${'Đoàn viên mới '.repeat(500)}</p>`);
    // Damage the other two files' cache entries: one cut short, one with a byte changed.
    const entry = (file: string) => join(cache, `${copyKey(readFileSync(join(dir, file)))}.nen`);
    writeFileSync(entry('b.js'), readFileSync(entry('b.js')).subarray(0, 12));
    const flipped = readFileSync(entry('nho.css'));
    flipped[1] ^= 0xff;
    writeFileSync(entry('nho.css'), flipped);
    const result = await precompress(dir, cache);
    expect(result.fromCache).toBe(0);
    expect(result.written).toEqual({ gz: 2, br: 2 });
    for (const file of ['a/trang.html', 'b.js']) {
      const original = readFileSync(join(dir, file));
      expect(gunzipSync(readFileSync(join(dir, `${file}.gz`))).equals(original), file).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(dir, `${file}.br`))).equals(original), file).toBe(true);
    }
    expect(sealed(readFileSync(entry('b.js'))) && sealed(readFileSync(entry('nho.css')))).toBe(true);
    const after = Object.keys(listing(cache));
    expect(after).toHaveLength(3);
    expect(after.filter((name) => !(name in before))).toEqual([`${copyKey(readFileSync(join(dir, 'a', 'trang.html')))}.nen`]);
    // The original page's copies were swept with its entry; the other two files' come from the cache.
    expect((await precompress(site(), cache)).fromCache).toBe(2);
  });
});

function spawnNode(cwd: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
}
