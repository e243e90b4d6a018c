// Whether a build needs the report kit's worker (kit-worker.ts) at all. On a rebuild whose kit inputs
// did not change, every chart, draft and form is already in the caches between builds, and the
// worker would spend its start-up re-reading and re-validating the dataset (0.6 s of CPU at 1,000
// documents, on a two-core machine competing with Vite) only to send back cached bytes. The
// integration (src/integrations/report-kit.ts) then does not start it, and each page reads its
// file from the cache as it would without a worker.
//
// Skipping is never wrong, only slower when the key below misses an input: a page without the
// worker computes its own file's key and takes the cached file only under that key, otherwise
// makes it. The key errs on the side of starting the worker.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentPaths, documentFile } from '../content/paths.ts';
import { filesUnder } from '../fs/source-files.ts';
import { writeFileAtomic } from '../fs/write-atomic.ts';
import { writerFingerprint } from '../report-kit/file-cache.ts';

/** The stamp's file in its cache folder (buildCacheDir(root, 'bo-tai-lieu')). */
export const KIT_STAMP_FILE = 'dau-vao.khoa';

/**
 * The key of everything the worker makes the kit from: the project's folder (test copies share one
 * cache folder through node_modules links, and each must decide for itself); the code (all of
 * src/lib, the libraries' versions: writerFingerprint), package-lock.json (the chart fonts and
 * libraries) and Node's version; every content file but the documents (the edition file, the
 * dataset, the programmes, the notices); and of the documents only what the worker is given — the
 * front matter of the outline and of those with a schedule — and the outline's file.
 *
 * Content files count by their size, modification and change times and inode, not their bytes:
 * content/ is read once per process, by the gateway (src/lib/gateway/content.ts), and any edit,
 * import (a new file renamed into place) or restore changes the change time at least.
 */
export function kitInputsKey(root: string, documents: readonly { id: string; data: unknown }[], outline: string | undefined): string {
  const hash = createHash('sha256');
  hash.update(`${root}\0${process.version}\0${writerFingerprint(root)}\0`);
  try {
    hash.update(readFileSync(join(root, 'package-lock.json')));
  } catch {
    hash.update('\0khong-co-package-lock\0');
  }
  const documentsDir = join(root, contentPaths.documents);
  const files = filesUnder(join(root, contentPaths.root), undefined, (folder) => folder === documentsDir);
  if (outline) files.push(join(root, documentFile(outline)));
  for (const file of files) {
    hash.update(`\0${relative(root, file)}\0`);
    try {
      const { size, mtimeNs, ctimeNs, ino } = statSync(file, { bigint: true });
      hash.update(`${size} ${mtimeNs} ${ctimeNs} ${ino}`);
    } catch {
      hash.update('khong-co');
    }
  }
  try {
    hash.update(`\0${JSON.stringify(documents)}`);
  } catch {
    // Front matter JSON cannot hold (a cycle through YAML aliases): a key no later build repeats,
    // so the worker always runs, as it did before there was a key.
    hash.update(`\0${randomUUID()}`);
  }
  return hash.digest('hex');
}

/** Whether the last complete run of the worker, recorded in `dir`, had these inputs (null dir: no cache, never). */
export function kitUnchanged(dir: string | null, key: string): boolean {
  if (!dir) return false;
  try {
    return readFileSync(join(dir, KIT_STAMP_FILE), 'utf8') === key;
  } catch {
    return false;
  }
}

/**
 * Records that every file of the kit made from `key`'s inputs is in the caches (a build whose pages
 * took or made them all). A stamp that cannot be written only means the worker runs next time.
 */
export function recordKit(dir: string | null, key: string): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, KIT_STAMP_FILE), key, { sync: false });
  } catch {
    // The next build starts the worker.
  }
}
