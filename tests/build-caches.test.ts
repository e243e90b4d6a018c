// The compressed copies' cache (scripts/precompress.ts), which lets a rebuild skip compressing the
// files that did not change (issue 31): sealed with its SHA-256 (src/lib/fs/cache-seal.ts), keyed by
// the file's bytes and the encoders. It must give exactly what the uncached step gives, make again
// what changed, remake a damaged file, and keep only what a run used.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { seal, sealed, sweepCache, unseal } from '../src/lib/fs/cache-seal.ts';
import { copyKey, precompress } from '../scripts/precompress.ts';
import { buildCacheDir } from '../src/lib/fs/cached-file.ts';

const dirs: string[] = [];
const tempDir = (prefix = 'bo-dem-dung-') => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const bytes = (text: string) => new TextEncoder().encode(text);

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
    expect(buildCacheDir('/du-an', 'nen')).toBe('/du-an/node_modules/.cache/congdoan-soket/nen');
    vi.stubEnv('CHART_PNG_CACHE', 'off');
    try {
      expect(buildCacheDir('/du-an', 'nen')).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
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
