// The build's file cache (src/lib/fs/cached-file.ts, keys from src/lib/report-kit/file-cache.ts): a Word draft or Excel form whose
// input did not change is taken from node_modules/.cache instead of being written again; any change
// of input, of a chart's bytes or of the shared rows gives another key; a cut or foreign file in the
// cache is written again; a cache that cannot be written costs nothing but the rewrite.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { inputKey, writerFingerprint } from '../src/lib/report-kit/file-cache.ts';
import { cachedFile, wholeZip } from '../src/lib/fs/cached-file.ts';
import { wholePng } from '../src/lib/indicators/charts/png-cache.ts';
import { encodeRgbaPng } from '../src/lib/indicators/charts/png-encode.ts';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bo-dem-bao-cao-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function zipOf(text: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', text);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

describe('report kit file cache', () => {
  it('writes a file once and takes it from the cache the next time', async () => {
    const dir = tempDir();
    let made = 0;
    const make = async () => {
      made += 1;
      return zipOf('<w:document>Bản thảo</w:document>');
    };
    const first = await cachedFile(dir, 'khoa-1', 'docx', make, wholeZip);
    const second = await cachedFile(dir, 'khoa-1', 'docx', make, wholeZip);
    expect(made).toBe(1);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(readdirSync(dir)).toEqual(['khoa-1.docx']);
  });

  it('keys by everything in the input: a figure, a chart byte, the shared rows, the pattern', () => {
    const fp = writerFingerprint(root);
    const rows = [{ unit: 'bien-hoa', value: 247 }];
    const base = { unit: 'bien-hoa', table: [[1, 2]], png: new Uint8Array([1, 2, 3]), heading: /CHỈ TIÊU/i, rows };
    const key = inputKey(fp, base, [rows]);
    expect(inputKey(fp, { ...base }, [rows])).toBe(key);
    expect(inputKey(fp, { ...base, table: [[1, 3]] }, [rows])).not.toBe(key);
    expect(inputKey(fp, { ...base, png: new Uint8Array([1, 2, 4]) }, [rows])).not.toBe(key);
    expect(inputKey(fp, { ...base, heading: /CHỈ TIÊU/ }, [rows])).not.toBe(key);
    const otherRows = [{ unit: 'bien-hoa', value: 248 }];
    expect(inputKey(fp, { ...base, rows: otherRows }, [otherRows])).not.toBe(key);
    // Another writer (another fingerprint) never reads this writer's files.
    expect(inputKey(`${fp}x`, base, [rows])).not.toBe(key);
  });

  it('writes again a cached file that is cut short or not a zip', async () => {
    const dir = tempDir();
    const whole = await zipOf('<w:document>Đủ</w:document>');
    writeFileSync(join(dir, 'cut.docx'), whole.subarray(0, whole.length - 10));
    writeFileSync(join(dir, 'text.docx'), 'không phải zip');
    for (const key of ['cut', 'text']) {
      const bytes = await cachedFile(dir, key, 'docx', () => whole, wholeZip);
      expect(Buffer.from(bytes).equals(Buffer.from(whole))).toBe(true);
      expect(Buffer.from(readFileSync(join(dir, `${key}.docx`))).equals(Buffer.from(whole))).toBe(true);
    }
  });

  it('writes again a cached share card that is cut short (the files are not fsynced, so a power cut can cut one)', async () => {
    const dir = tempDir();
    const png = encodeRgbaPng(new Uint8Array(4 * 4 * 4).fill(255), 4, 4);
    expect(wholePng(png)).toBe(true);
    writeFileSync(join(dir, 'the.png'), png.subarray(0, png.length - 1));
    writeFileSync(join(dir, 'empty.png'), '');
    for (const key of ['the', 'empty']) {
      const bytes = await cachedFile(dir, key, 'png', () => png, wholePng);
      expect(Buffer.from(bytes).equals(Buffer.from(png))).toBe(true);
      expect(Buffer.from(readFileSync(join(dir, `${key}.png`))).equals(Buffer.from(png))).toBe(true);
    }
    // Written whole, it is taken from the cache: make() is not called again.
    expect(Buffer.from(await cachedFile(dir, 'the', 'png', () => { throw new Error('redrawn'); }, wholePng)).equals(Buffer.from(png))).toBe(true);
  });

  it('still returns the file when the cache folder cannot be written, and with the cache off', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    const whole = await zipOf('<w:document>Chỉ đọc</w:document>');
    try {
      // As root the mode does not stop writes: then the file is simply cached; either way the bytes come back.
      expect(Buffer.from(await cachedFile(join(dir, 'con'), 'k', 'xlsx', () => whole, wholeZip)).equals(Buffer.from(whole))).toBe(true);
    } finally {
      chmodSync(dir, 0o700);
    }
    let made = 0;
    for (let i = 0; i < 2; i += 1) await cachedFile(null, 'k', 'xlsx', () => { made += 1; return whole; }, wholeZip);
    expect(made).toBe(2);
  });
});
