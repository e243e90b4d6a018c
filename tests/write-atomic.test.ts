// writeFileAtomic: the target holds the old bytes or the new ones, never a cut file, and no temp
// file is left behind, even when the write fails.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/lib/fs/write-atomic';

describe('writeFileAtomic', () => {
  test('replaces the file whole and leaves nothing else in the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-atomic-'));
    try {
      writeFileSync(join(dir, 'a.json'), 'cũ');
      writeFileAtomic(join(dir, 'a.json'), '{"mới": true}', { syncDir: true });
      expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"mới": true}');
      writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([0, 1, 2, 255]));
      expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([0, 1, 2, 255]);
      expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.bin']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a full disk: the old file stays byte for byte and no temp file is left (real tmpfs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-atomic-full-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir], { encoding: 'utf8' });
    expect(mounted.status, `mounting a small tmpfs needs root: ${mounted.stderr}`).toBe(0);
    try {
      writeFileSync(join(dir, 'a.json'), 'cũ');
      expect(() => writeFileAtomic(join(dir, 'a.json'), 'x'.repeat(64 * 1024))).toThrow(/ENOSPC/);
      expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('cũ');
      expect(readdirSync(dir)).toEqual(['a.json']);
    } finally {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
