// `npm run check` as the README documents it, on a good project copy: it passes every pre-build
// rule, says so in one Vietnamese line, builds nothing, and takes seconds. The bad copies (one per
// rule) are red-team cases (tests/red-team/check.cases.ts).
import { afterAll, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, digestDiff, redTeamCopy, runNpm, treeDigest } from './red-team/harness';

const copies: string[] = [];
afterAll(() => copies.forEach(cleanup));

test('npm run check passes the committed project in seconds, writing nothing', () => {
  const dir = redTeamCopy('soket-check-');
  copies.push(dir);
  const before = treeDigest(dir);
  const out = runNpm(dir, 'check', [], 30);
  expect(out.status, out.stderr).toBe(0);
  expect(out.stdout).toMatch(/Kiểm tra nội dung và số liệu \([\d,]+ s\): tệp ấn bản, văn bản, mốc lịch, liên kết và số liệu hợp lệ; \d+ dòng số liệu, \d+ chỉ tiêu, \d+ đơn vị/);
  expect(out.stderr).toBe('');
  // Nothing built, nothing generated: not dist/, not Astro's .astro/ types.
  expect(existsSync(join(dir, 'dist'))).toBe(false);
  expect(existsSync(join(dir, '.astro'))).toBe(false);
  expect(digestDiff(before, treeDigest(dir))).toEqual([]);
  // The whole command, npm's own start included; the check itself prints its share.
  expect(out.seconds).toBeLessThan(10);
  console.log(`npm run check: ${out.seconds.toFixed(2)} s (đỉnh bộ nhớ ${out.peakMb} MB); ${out.stdout.trim().split('\n').pop()}`);
});
