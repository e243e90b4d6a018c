// Folders the tests make once and keep in the system temp folder, shared by every test process.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder `<prefix>-<key>` in the system temp folder, the key derived from `identity` (what the
 * folder holds), filled by `fill` the first time: given the temporary folder to fill, and the
 * folder's final path for what it writes to name. Kept, not removed: Vitest ends a test file's
 * process without running its exit handlers, so a folder per process would be left behind for every
 * test file of every run. Filled under a temporary name and then renamed, so a process sees it whole
 * or not at all; two made at once, one wins.
 */
export function keptFolder(prefix: string, identity: string, fill: (fresh: string, dir: string) => void): string {
  const key = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `${prefix}-${key}`);
  if (!existsSync(dir)) {
    const fresh = mkdtempSync(`${dir}-`);
    fill(fresh, dir);
    try {
      renameSync(fresh, dir);
    } catch {
      rmSync(fresh, { recursive: true, force: true }); // made meanwhile by another process
    }
  }
  return dir;
}
