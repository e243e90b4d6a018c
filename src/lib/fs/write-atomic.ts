// One file written whole or not at all: a temp file beside it, every byte written and fsynced,
// then renamed over the target (writeFileSync truncates first, so a crash leaves a cut file).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * `sync: false` skips the fsync: still whole or absent for anything but a power cut, for files
 * whose loss costs only their remaking (a build cache, whose reader checks what it reads).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { syncDir?: boolean; sync?: boolean } = {}): void {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  // Unique per process, thread and call: two writers of one file never share a temp file.
  const temp = join(dirname(path), `.${basename(path)}.moi-${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      let offset = 0;
      while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
      if (options.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  if (options.syncDir) {
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
}
