// What the build's caches count as "the code that made this file": every source file of src/lib,
// read from the project (the build runs this code bundled, away from its source). All of src/lib
// rather than a list of imports that could drift: a code change only costs one build without the
// cache.
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))
    .sort();
}

/** Adds every source file of the project's src/lib (its path and its bytes) to `hash`. */
export function hashSources(hash: Hash, projectDir: string): Hash {
  for (const file of sourceFiles(join(projectDir, 'src', 'lib'))) hash.update(file.slice(projectDir.length)).update(readFileSync(file));
  return hash;
}

const fingerprints = new Map<string, string>();

/** The hash of src/lib's sources alone (hashSources), once per project folder and process. */
export function sourceFingerprint(projectDir: string): string {
  let hex = fingerprints.get(projectDir);
  if (!hex) {
    hex = hashSources(createHash('sha256'), projectDir).digest('hex');
    fingerprints.set(projectDir, hex);
  }
  return hex;
}
