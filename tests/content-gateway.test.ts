// The content gateway (src/lib/gateway/content.ts): content/ read and checked once per process, by
// `npm run check`, the build's pre-check, the Astro integration and src/data/ alike. The process
// counts come from tests/helpers/count-content-reads.mjs, which counts the real openings of files
// under content/; the Astro build's own count is in tests/edition-2/second-edition.test.ts.
import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProblems, datasetOf, forgetContent, readContent } from '../src/lib/gateway/content';
import { editionOf, loadEdition } from '../src/lib/edition/load';
import { contentPaths, EDITION_FILE } from '../src/lib/content/paths';
import { formatProblems, ProblemsError } from '../src/lib/problems/problem';
import { countingEnv } from './helpers/content-reads';

const FIXTURE = 'tests/fixtures/an-ban-thu-hai';
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the second edition's project folder (its content/ only), to break. */
function editionCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'soket-gateway-'));
  temps.push(dir);
  cpSync(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

describe('npm run check', () => {
  test('reads the edition file once and every other content file once', () => {
    const counting = countingEnv();
    try {
      const run = spawnSync('npm', ['run', 'check'], { encoding: 'utf8', env: { ...process.env, ...counting.env } });
      expect(run.status, run.stderr).toBe(0);
      const check = counting.reads().filter((p) => p.argv.some((a) => a.endsWith('scripts/check.ts')));
      expect(check).toHaveLength(1);
      const { reads } = check[0];
      expect(reads[EDITION_FILE]).toBe(1);
      // Every document, programme, notice, definition and results file was read, each once.
      const expected = [contentPaths.documents, contentPaths.programmes, contentPaths.indicators, contentPaths.units].flatMap((dir) =>
        readdirSync(dir).filter((n) => !n.startsWith('.')).map((n) => `${dir}/${n}`),
      );
      for (const file of expected) expect(reads[file], file).toBe(1);
      expect(Object.entries(reads).filter(([, n]) => n !== 1)).toEqual([]);
    } finally {
      counting.done();
    }
  });
});

describe('readContent', () => {
  test('reads once per process: a second call, loadEdition and src/data take the same reading', () => {
    const dir = editionCopy();
    const first = readContent(dir);
    expect(allProblems(first)).toEqual([]);
    expect(first.edition?.organisation.name).toBe('Công đoàn Giáo dục tỉnh Bình Phước');
    expect(first.files.length).toBeGreaterThan(0);
    expect(first.dataset?.units.length).toBe(4);
    // A change on disk is not seen by the same process: nothing was read again.
    writeFileSync(join(dir, EDITION_FILE), 'organisation: [\n');
    expect(readContent(dir)).toBe(first);
    expect(loadEdition(dir)).toBe(first.edition);
    expect(editionOf(dir).edition).toBe(first.edition);
    expect(datasetOf(readContent(dir))).toBe(first.dataset);
    // Until the reading is forgotten (`astro dev`, on a change under content/).
    forgetContent();
    const again = readContent(dir);
    expect(again).not.toBe(first);
    expect(again.edition).toBeNull();
    expect(again.problems.edition.map((p) => p.rule)).toEqual(['yaml']);
  });

  test('a bad edition file: its problems only, the data left unchecked, and the build refused', () => {
    const dir = editionCopy();
    const text = readFileSync(join(dir, EDITION_FILE), 'utf8');
    writeFileSync(join(dir, EDITION_FILE), text.replace('term: { from: 2023, to: 2028 }', 'term: { from: 2028, to: 2023 }'));
    // A broken results file too: unchecked, so not reported, while the edition is wrong.
    writeFileSync(join(dir, contentPaths.results, '2099.csv'), 'không phải CSV');
    const content = readContent(dir);
    expect(content.edition).toBeNull();
    expect(content.dataset).toBeNull();
    expect(content.problems.data).toEqual([]);
    expect(formatProblems(content.problems.edition)).toMatch(/^content\/cau-hinh\.yaml:\d+: congress\.term\.to: .*\(quy tắc: khoang-nam\)$/m);
    expect(() => datasetOf(content)).toThrow(ProblemsError);
  });

  test('the bodies are checked only when asked (npm run check), adding to the same reading', () => {
    const dir = editionCopy();
    const doc = readdirSync(join(dir, contentPaths.documents)).find((n) => n.endsWith('.mdx'))!;
    const path = join(dir, contentPaths.documents, doc);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nMột dấu { lạc.\n`);
    const plain = readContent(dir);
    expect(plain.bodies).toBe(false);
    expect(plain.problems.content).toEqual([]);
    const full = readContent(dir, { bodies: true });
    expect(full.bodies).toBe(true);
    expect(full.problems.content.map((p) => p.rule)).toEqual(['cu-phap-mdx']);
    expect(readContent(dir)).toBe(full);
  });
});
