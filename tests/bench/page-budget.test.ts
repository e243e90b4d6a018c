// The page budget at the benchmark's data size: a copy of the project whose indicators,
// units and results are the benchmark's 200 units × 50 indicators (scripts/bench/corpus.ts, as
// `npm run bench -- --data 200x50` writes them), built as the README's build does; no page over
// 100 KB, the largest with a margin. Not in `npm test`: the build alone takes 60–140 s on two
// cores, and CI is near its 15 minutes. `npm test` checks what the cut relies on instead: the unit
// table's figure columns sort by their text (tests/indicator-page.test.ts) and do so in Chromium.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { htmlFiles } from '../helpers/dist';
import { copyProject, runIn } from '../helpers/project-copy';
import { writeBenchDataset } from '../helpers/bench-dataset';

const dir = copyProject('congdoan-200x50-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('200 units × 50 indicators: every page under 100 KB, the largest under 95 KB', () => {
  for (const sub of ['chi-tieu', 'don-vi', 'so-lieu']) rmSync(join(dir, 'content', sub), { recursive: true, force: true });
  writeBenchDataset(join(dir, 'content'));
  const build = runIn(dir, ['scripts/build.mjs']);
  expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-4000)).toBe(0);
  const dist = join(dir, 'dist');
  const sizes = htmlFiles(dist).map((file) => ({ file, size: statSync(join(dist, file)).size })).sort((a, b) => b.size - a.size);
  // Every unit and every indicator has its page.
  expect(sizes.filter((s) => /^don-vi\/don-vi-\d{3}\/index\.html$/.test(s.file))).toHaveLength(200);
  expect(sizes.filter((s) => /^chi-tieu\/chi-tieu-\d{3}\/index\.html$/.test(s.file))).toHaveLength(50);
  expect(sizes.filter((s) => s.size >= 100 * 1024)).toEqual([]);
  console.log(`Trang lớn nhất: ${sizes[0]!.file}, ${sizes[0]!.size} B`);
  expect(sizes[0]!.size).toBeLessThanOrEqual(95 * 1024);
});
