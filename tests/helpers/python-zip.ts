// A second, independent zip reader for the packages the site writes itself: Python's zipfile, which
// checks every entry's CRC (`python3 -m zipfile -t`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Python's test of the zip `bytes`, written as `name` in a temp folder removed afterwards. */
export function pythonZipTest(bytes: Uint8Array, name: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'soket-zip-'));
  try {
    writeFileSync(join(dir, name), bytes);
    const check = spawnSync('python3', ['-m', 'zipfile', '-t', join(dir, name)], { encoding: 'utf8' });
    return { status: check.status, stderr: check.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
