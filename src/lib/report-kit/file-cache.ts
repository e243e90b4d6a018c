// A cache of the report kit's generated files (each unit's Word draft and Excel form) between
// builds, like the chart and share images' (src/lib/indicators/charts/png-cache.ts): a file is
// kept under a key made of everything that decides its bytes — the generator's input and the code
// and libraries that write it — so a rebuild after one content file changed writes again only the
// files whose input changed (one unit's figures: that unit's draft and form, and the province's).
// Lives in node_modules/.cache/congdoan-soket/, like Astro's own cache; read and written by
// src/lib/fs/cached-file.ts, as the images' caches are.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../indicators/charts/png-cache.ts';
import { sourceFiles } from '../fs/source-files.ts';

let fingerprint: string | undefined;

/**
 * What writes the files besides their input: every source file of src/lib (read from the project,
 * as the build runs this code bundled away from its source; all of src/lib rather than a list of
 * imports that could drift — a code change only costs one rebuild without the cache), the
 * libraries' versions and zlib's.
 */
export function writerFingerprint(projectDir: string): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const file of sourceFiles(join(projectDir, 'src', 'lib'))) hash.update(file.slice(projectDir.length)).update(readFileSync(file));
  for (const name of ['docx', 'exceljs', 'jszip']) hash.update(`${name}@${packageVersion(name)}`);
  hash.update(`zlib@${process.versions.zlib}`);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** Hashes of large arrays shared by every file of a build (the dataset's rows), computed once each. */
const arrayHashes = new WeakMap<object, string>();

/**
 * The key of an input: its JSON, where a byte array (a chart's PNG) and an array named in `shared`
 * (the same array for every file of the build, such as the dataset's rows) count by their hash, and
 * a regular expression by its source.
 */
export function inputKey(fingerprintHex: string, input: unknown, shared: readonly object[] = []): string {
  const sharedSet = new Set(shared);
  const json = JSON.stringify(input, function replacer(this: unknown, _key, value: unknown) {
    if (value instanceof Uint8Array) return `png:${createHash('sha256').update(value).digest('hex')}`;
    if (value instanceof RegExp) return `re:${String(value)}`;
    if (value && typeof value === 'object' && sharedSet.has(value)) {
      let hex = arrayHashes.get(value);
      if (!hex) {
        hex = createHash('sha256').update(JSON.stringify(value)).digest('hex');
        arrayHashes.set(value, hex);
      }
      return `shared:${hex}`;
    }
    return value;
  });
  return createHash('sha256').update(fingerprintHex).update(json).digest('hex').slice(0, 40);
}
