// Issue 25 point 5: no message ever says "undefined" (every CSV header error said "cột undefined":
// the header problem had a column number but no column name, and the form reader printed the name).
// The rule catalogue's texts, and the messages the readers produce for every kind of broken header,
// cell and YAML file, are searched for what an unset value prints as. The red-team cases run every
// command's output through the same ban (tests/red-team/harness.ts CRASH).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { RULES } from '../src/lib/problems/rules';
import { formatProblem, formatProblems, type Problem } from '../src/lib/problems/problem';
import { parseResultsCsv, RESULT_COLUMNS, type ResultsContext } from '../src/lib/indicators/results-csv';
import { loadYaml } from '../src/lib/content/yaml-load';

const UNSET = /undefined|NaN|\[object Object\]|\bnull\b/;

const context: ResultsContext = {
  unitIds: new Set(['a']),
  indicatorKinds: new Map([['dem', 'count'], ['ty-le', 'rate']]),
  term: { from: 2018, to: 2023 },
  baselineKey: 'nhiem-ky-truoc',
};
const messages = (text: string) => parseResultsCsv('t.csv', text, context).problems.map(formatProblem);

/**
 * What the form reader does with a CSV form's problem (src/lib/report-kit/import.ts): it names the
 * column by `columnName` wherever a problem has a `column`. Every such problem must have one.
 */
const columnsNamed = (text: string) => parseResultsCsv('t.csv', text, context).problems.filter((p: Problem) => p.column !== undefined && !p.columnName);

describe('the rule catalogue', () => {
  test.each(Object.entries(RULES))('%s: title, explanation and example never show an unset value', (_id, rule) => {
    expect(`${rule.title}\n${rule.explanation}\n${rule.example}`).not.toMatch(UNSET);
  });
});

describe('CSV header errors name the column', () => {
  const header = RESULT_COLUMNS.join(',');
  test.each([
    ['a missing last column', RESULT_COLUMNS.slice(0, -1).join(','), /^t\.csv:1:7 \(cột ghi_chu\): .*cột 7 bị thiếu \(cần "ghi_chu"\)/],
    ['a misspelt column', header.replace('gia_tri', 'so_lieu'), /^t\.csv:1:4 \(cột gia_tri\): .*cột 4 không đúng \(cần "gia_tri"\) — giá trị "so_lieu"/],
    ['an extra column', `${header},them`, /^t\.csv:1:8 \(cột 8\): .*cột 8 không đúng \(thừa cột\) — giá trị "them"/],
    ['only one column', 'don_vi,', /^t\.csv:1:2 \(cột nam\): /],
    ['semicolons', header.replaceAll(',', ';').replace('nam', 'năm'), /^t\.csv:1:2 \(cột nam\): .*— giá trị "năm"/],
  ])('%s', (_name, line, expected) => {
    const found = messages(`${line}\na,2019,dem,1,,,\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
    expect(found[0]).not.toMatch(UNSET);
    expect(columnsNamed(`${line}\na,2019,dem,1,,,\n`)).toEqual([]);
  });

  test('any header line, and any row under a good header, gives messages without an unset value and a name for every column', () => {
    const cell = fc.oneof(fc.constantFrom(...RESULT_COLUMNS, '', 'x', '"', '""', 'năm', '-1', '1.234', '12,5', '=1', '70%', '\u0000', '\u202E'), fc.string({ maxLength: 4 }));
    const line = (n: number) => fc.array(cell, { minLength: 0, maxLength: n }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(line(9), line(9), (head, row) => {
        for (const text of [`${head}\n${row}\n`, `${RESULT_COLUMNS.join(',')}\n${row}\n`]) {
          expect(formatProblems(parseResultsCsv('t.csv', text, context).problems)).not.toMatch(UNSET);
          expect(columnsNamed(text)).toEqual([]);
        }
      }),
      { numRuns: 2000, seed: 25 },
    );
  });
});

describe('YAML errors', () => {
  test('any short YAML text gives messages without an unset value', () => {
    const piece = fc.constantFrom('a:', ' b: 1', '- x', '"', "'", '{', '}', '[', ']', '&a', '*a', '*b', '!tag', '%YAML 1.2', '---', '...', '\t', '\uFFFE', '\u200B', ': ', '#', '|', '>', 'a: b: c');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.constantFrom('\n', ' ', ''), { maxLength: 12 }), (pieces, joins) => {
        const text = pieces.map((p, i) => p + (joins[i] ?? '\n')).join('');
        const loaded = loadYaml(text);
        if (!loaded.ok) for (const p of loaded.problems) expect(formatProblem({ file: 'x.yaml', ...p })).not.toMatch(UNSET);
      }),
      { numRuns: 2000, seed: 25 },
    );
  });
});
