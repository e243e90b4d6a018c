// Cache files whose every byte is checked when read back, for the build caches whose contents have no
// end marker of their own to check (the compressed copies, scripts/precompress.ts; a zip or a PNG is
// checked by its own end record, cached-file.ts): the payload followed by its SHA-256. A file cut
// short, bit-flipped or written by something else fails the check and is made again.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const DIGEST = 32;

const digest = (payload: Uint8Array) => createHash('sha256').update(payload).digest();

/** `payload` followed by its SHA-256: a cache file `sealed` can tell whole from damaged. */
export function seal(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.byteLength + DIGEST);
  out.set(payload);
  out.set(digest(payload), payload.byteLength);
  return out;
}

/** Whether `bytes` is a payload followed by its own SHA-256 (as `seal` writes it). */
export function sealed(bytes: Uint8Array): boolean {
  if (bytes.byteLength < DIGEST) return false;
  const end = bytes.byteLength - DIGEST;
  return Buffer.from(digest(bytes.subarray(0, end))).equals(bytes.subarray(end));
}

/** The payload of a sealed file (checked by `sealed` first). */
export function unseal(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(0, bytes.byteLength - DIGEST);
}

/**
 * Removes the files of a cache folder that this build did not use (their name, before the first
 * dot, is not in `keep`), and a killed write's temp files: a cache keyed by a file's content gains
 * a file every time a file changes, and would otherwise grow build after build. Returns how many
 * were removed; a folder that cannot be read or a file that cannot be removed is left as it is.
 */
export function sweepCache(dir: string, keep: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (keep.has(name.split('.')[0]!)) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed += 1;
    } catch {
      // Left for the next build's sweep.
    }
  }
  return removed;
}

