// The one read-check-or-make-then-write path of the build's caches between builds (chart images,
// share cards, Word drafts, Excel forms, the generated service worker, in
// node_modules/.cache/congdoan-soket/): a file kept under a key made of everything that decides its
// bytes is taken back when it is whole, otherwise made and kept for the next build.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './write-atomic.ts';

/** A zip (.docx, .xlsx) is whole when its end-of-central-directory record is there. */
export function wholeZip(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i -= 1) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/** The build's caches, one folder each in node_modules/.cache/congdoan-soket/ (like Astro's own cache). */
export type BuildCache = 'bieu-do' | 'chia-se' | 'bao-cao' | 'bieu-mau' | 'bo-tai-lieu' | 'sw' | 'nen' | 'bien-dich' | 'van-ban';

/**
 * Folder of one of the build's caches for a project folder; null (no cache: every file made afresh)
 * when `CHART_PNG_CACHE=off` turns every build cache off, for cold-build timings.
 */
export function buildCacheDir(projectDir: string, cache: BuildCache): string | null {
  return process.env.CHART_PNG_CACHE === 'off' ? null : join(projectDir, 'node_modules', '.cache', 'congdoan-soket', cache);
}

/**
 * The file under `key` when one was written before and `whole` accepts it (a zip's end record,
 * wholeZip; a PNG's signature and IEND chunk, png-cache.ts's wholePng; the generated service
 * worker's placeholders), otherwise `make()`'s, kept for the next build (temp file, then rename).
 * A cache that cannot be read or written only costs a remake. `dir` null: no cache, always made.
 */
export async function cachedFile(
  dir: string | null, key: string, extension: string, make: () => Uint8Array | Promise<Uint8Array>, whole: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array> {
  const file = dir ? join(dir, `${key}.${extension}`) : null;
  if (file) {
    try {
      const bytes = new Uint8Array(readFileSync(file));
      if (whole(bytes)) return bytes;
    } catch {
      // Not written yet.
    }
  }
  const bytes = await make();
  if (file && dir) {
    try {
      mkdirSync(dir, { recursive: true });
      // No fsync: a cached file must be whole when read (`whole` checks it), not durable; after a
      // power cut it is at worst remade. At 200 units the fsyncs of the drafts', forms' and share
      // cards' cache files held the build's main thread 6 s, and the chart images' the chart
      // worker 0.4-0.9 s (CPU profiles, docs/benchmarks.md).
      writeFileAtomic(file, bytes, { sync: false });
    } catch {
      // Not cached: the next build writes it again.
    }
  }
  return bytes;
}
