// The code files under a folder of the project, for the build caches whose key covers the code that
// makes their entries (report-kit/file-cache.ts's writerFingerprint, plugins/compile-cache.ts's
// compileFingerprint): all of them rather than a list of imports that could drift.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .mjs file under `dir` but tests, by full path in code-point order; none when `dir` cannot be read. */
export function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : []))
    .sort();
}
