// The files under a folder of the project, for the build caches whose key covers what makes their
// entries: the code (report-kit/file-cache.ts's writerFingerprint, plugins/compile-cache.ts's
// compileFingerprint), all of it rather than a list of imports that could drift; and the content
// the report kit's worker reads (prepare/kit-inputs.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir` that `keep` accepts, by full path in code-point order; a folder `skip`
 * accepts is not entered. None when `dir` cannot be read.
 */
export function filesUnder(dir: string, keep: (file: string) => boolean = () => true, skip: (folder: string) => boolean = () => false): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return skip(path) ? [] : filesUnder(path, keep, skip);
      return keep(path) ? [path] : [];
    })
    .sort();
}

/** Every .ts and .mjs file under `dir` but tests, by full path in code-point order; none when `dir` cannot be read. */
export function sourceFiles(dir: string): string[] {
  return filesUnder(dir, (file) => /\.(ts|mjs)$/.test(file) && !file.endsWith('.test.ts'));
}
