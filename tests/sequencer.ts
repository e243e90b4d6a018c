// The order `npm test` starts its files in. Vitest's own order runs the longest files first, but it
// knows their length only from its results cache (node_modules/.vite), which a fresh clone — the CI
// run — does not have: it then orders by file size, and a short file that runs a long time (the
// red team's, 250 s in one file) was started last, so one of the two workers ran it alone at the
// end. With two workers, starting the longest first is what keeps them equally busy to the end.
// So: a file's length is its duration in the cache when there is one, else the seconds measured in
// a fresh-clone run (tests/file-durations.ts); files with neither go last, larger files first.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { FILE_SECONDS } from './file-durations.ts';

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    // A renamed or removed file would silently lose its place at the front: say so.
    const stale = Object.keys(FILE_SECONDS).filter((file) => !existsSync(`${root}/${file}`));
    if (stale.length) throw new Error(`tests/file-durations.ts names files that do not exist: ${stale.join(', ')}`);
    // Vitest's order: the cache's durations, else the size; kept for ties and for files with neither.
    const base = await super.sort(files);
    const rank = new Map(base.map((spec, i) => [spec, i]));
    const length = (spec: TestSpecification): number | undefined =>
      this.ctx.cache.getTestSpecificationResult(spec)?.duration ??
      (FILE_SECONDS[relative(root, spec.moduleId).split('\\').join('/')] ?? Number.NaN) * 1000;
    const known = (ms: number | undefined): ms is number => ms !== undefined && Number.isFinite(ms);
    return [...base].sort((a, b) => {
      const la = length(a);
      const lb = length(b);
      if (known(la) && known(lb) && la !== lb) return lb - la;
      if (known(la) !== known(lb)) return known(la) ? -1 : 1;
      return rank.get(a)! - rank.get(b)!;
    });
  }
}
