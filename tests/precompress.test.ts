// The build's last step (scripts/precompress.ts) writes <file>.gz and <file>.br beside each text file,
// for nginx's gzip_static and brotli_static. Each copy must decode to its file exactly (a browser
// is sent the copy in place of the file), only where it saves something, never over a file that
// is already there, and a failure leaves the last good dist/ as it was.
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COMPRESSIBLE, ENCODINGS, MIN_BYTES, precompress, worthKeeping } from '../scripts/precompress';
import { digestDiff, redTeamCopy, runNpm, treeDigest } from './red-team/harness';

const DIST = process.env.DIST_DIR ?? 'dist';

function allFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? allFiles(dir, path) : [path];
  });
}

describe('the compressed copies in the built dist/', () => {
  const files = allFiles(DIST);
  const present = new Set(files);

  test('every .gz and .br decodes to its file byte for byte, and is smaller', () => {
    const copies = files.filter((f) => /\.(gz|br)$/.test(f));
    expect(copies.length).toBeGreaterThan(50);
    for (const copy of copies) {
      const original = readFileSync(join(DIST, copy.slice(0, -3)));
      const packed = readFileSync(join(DIST, copy));
      const decoded = copy.endsWith('.gz') ? gunzipSync(packed) : brotliDecompressSync(packed);
      expect(decoded.equals(original), copy).toBe(true);
      expect(packed.length, copy).toBeLessThan(original.length);
    }
  });

  test('every page has both copies; a text file without one is one where compressing does not help', async () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) expect([present.has(`${file}.gz`), present.has(`${file}.br`)], file).toEqual([true, true]);
    for (const file of files.filter((f) => COMPRESSIBLE.test(f))) {
      const data = readFileSync(join(DIST, file));
      for (const [suffix, compress] of Object.entries(ENCODINGS)) {
        expect(present.has(`${file}.${suffix}`), `${file}.${suffix}`).toBe(worthKeeping(data.length, (await compress(data)).length));
      }
    }
  });

  test('no copy of what is compressed already: Office files, Pagefind\'s index and WebAssembly', () => {
    expect(files.filter((f) => /\.(docx|xlsx|png|pf_\w+|pagefind)\.(gz|br)$/.test(f))).toEqual([]);
    expect(files.some((f) => f.endsWith('.docx')) && files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
  });
});

describe('scripts/precompress.ts on a folder', () => {
  test('a large text file gets both copies; a tiny one, an incompressible one and an Office file get none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-precompress-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(join(dir, 'a', 'trang.html'), `<p>${'Công đoàn cơ sở '.repeat(500)}</p>`);
      writeFileSync(join(dir, 'nho.css'), 'a{}'.repeat(MIN_BYTES / 4));
      writeFileSync(join(dir, 'ngau-nhien.txt'), randomBytes(4096));
      writeFileSync(join(dir, 'mau.docx'), 'PK'.repeat(4000));
      const result = await precompress(dir);
      expect(result.files).toBe(3);
      expect(allFiles(dir).sort()).toEqual(['a/trang.html', 'a/trang.html.br', 'a/trang.html.gz', 'mau.docx', 'ngau-nhien.txt', 'nho.css']);
      expect(result.written).toEqual({ gz: 1, br: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a .gz already in the folder is not overwritten: the step stops with a Vietnamese message naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-precompress-'));
    try {
      writeFileSync(join(dir, 'index.html'), `<p>${'số liệu '.repeat(400)}</p>`);
      writeFileSync(join(dir, 'index.html.gz'), 'bản cũ');
      const run = spawnSync(process.execPath, ['scripts/precompress.ts'], { encoding: 'utf8', env: { ...process.env, DIST_DIR: dir } });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Nén sẵn: trang dựng đã có tệp index.html.gz');
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+|EEXIST:/);
      expect(readFileSync(join(dir, 'index.html.gz'), 'utf8')).toBe('bản cũ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SOKET_PRECOMPRESS=0 (a static host that compresses by itself) writes no copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-precompress-'));
    try {
      writeFileSync(join(dir, 'index.html'), `<p>${'số liệu '.repeat(400)}</p>`);
      const run = spawnSync(process.execPath, ['scripts/precompress.ts'], { encoding: 'utf8', env: { ...process.env, DIST_DIR: dir, SOKET_PRECOMPRESS: '0' } });
      expect([run.status, run.stdout.trim()]).toEqual([0, 'Nén sẵn: bỏ qua (SOKET_PRECOMPRESS=0).']);
      expect(readdirSync(dir)).toEqual(['index.html']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('npm run build: a failed compression step leaves dist/ byte for byte and no temporary folder', () => {
    const dir = redTeamCopy('soket-precompress-build-', true);
    try {
      const before = treeDigest(join(dir, 'dist'));
      // A compressed copy shipped in public/ would be served in place of the real file: refused.
      writeFileSync(join(dir, 'public', 'favicon.svg.gz'), 'cũ');
      writeFileSync(join(dir, 'public', 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(200)}</svg>`);
      const out = runNpm(dir, 'build', [], 120);
      expect(out.status, out.stdout).toBe(1);
      expect(out.stderr).toContain('Nén sẵn: trang dựng đã có tệp favicon.svg.gz');
      expect(out.stderr).toContain('Dựng trang không thành công ở bước nén sẵn các tệp văn bản (.gz, .br); dist/ vẫn là bản dựng trước, không đổi.');
      expect(digestDiff(before, treeDigest(join(dir, 'dist')))).toEqual([]);
      expect(readdirSync(dir).filter((n) => n.startsWith('.dist-'))).toEqual([]);
      expect(existsSync(join(dir, 'dist', 'index.html.br'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
