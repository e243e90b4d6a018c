// The project's own files under a folder, for the tests that read the code itself (addresses,
// rule ids, edition facts): every file whose name matches, folders in name order, some skipped.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` whose names match `names`; `skip` leaves out a folder (by its path) and all it holds. */
export function filesUnder(dir: string, names: RegExp, skip: (folder: string) => boolean = () => false): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip(path) ? [] : filesUnder(path, names, skip);
    return names.test(name) ? [path] : [];
  });
}
