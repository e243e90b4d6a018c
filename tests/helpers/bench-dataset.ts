// The benchmark's dataset (scripts/bench/corpus.ts, as `npm run bench -- --data 200x50` writes it):
// 200 units × 50 indicators × 3 years, with their targets. One place for its size, so the tests
// that check a page model or a built page at that scale check the same data.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '../../scripts/bench/corpus';
import { loadDataset } from '../../src/lib/indicators/read';
import type { Dataset } from '../../src/lib/indicators/dataset';

/** Writes the benchmark's indicators, units and results into `contentDir`. */
export function writeBenchDataset(contentDir: string): void {
  writeDataset(contentDir, 200, 50, [2018, 2019, 2020]);
}

/**
 * The benchmark's dataset as the build reads it (with this project's edition file and programmes),
 * from a temporary content folder that is removed once `use` returns.
 */
export function withBenchDataset<T>(use: (dataset: Dataset) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'bo-du-lieu-200x50-'));
  try {
    cpSync('content/cau-hinh.yaml', join(dir, 'content/cau-hinh.yaml'));
    cpSync('content/chuong-trinh', join(dir, 'content/chuong-trinh'), { recursive: true });
    writeBenchDataset(join(dir, 'content'));
    return use(loadDataset(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
