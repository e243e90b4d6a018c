// Issue 15, item 5: no cell of any CSV the site publishes opens as a formula, whether the
// spreadsheet splits the file on "," or on ";" (Excel under Vietnamese regional settings). Shown on
// random text, and on a build of the site whose notes hold every hostile pattern.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvLine, neutraliseCell, toCsv } from '../src/lib/indicators/csv-write';
import { RESULT_COLUMNS } from '../src/lib/indicators/results-csv';
import { formulaCells } from './helpers/formula-cells';
import { copyProject, runIn } from './helpers/project-copy';

const HOSTILE = [
  "x;=cmd|' /C calc'!A0;", 'a,=1+1', 'b;+1', 'c;-1', 'd;@SUM(A1)', 'e;\t=1', 'f; =1', 'g;"=1"', 'h,"  +1"',
  'i\r\n=1', 'j\n+1', 'k\r-1', 'l,\t@x', 'm;\u00a0=1', '=bắt đầu', ' -bắt đầu', '"=trong ngoặc"', '\tđầu', 'n;\r\n@o', 'p\r\n\t=q',
];

describe('neutraliseCell', () => {
  const alphabet = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ', '\u00a0', "'", 'a', 'ố', '1');
  const text = fc.array(alphabet, { maxLength: 30 }).map((chars) => chars.join(''));

  test('no random cell, nor a line of them, opens a formula under either split', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (cells) => {
        expect(formulaCells(toCsv(['a'], [cells]))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  test('it only adds apostrophes, once: removing them gives the text back, and a second pass changes nothing', () => {
    fc.assert(
      fc.property(text, (value) => {
        const safe = neutraliseCell(value);
        expect(safe.replace(/'/g, '')).toBe(value.replace(/'/g, ''));
        expect(neutraliseCell(safe)).toBe(safe);
      }),
      { numRuns: 2000 },
    );
  });

  // (A cell that starts with CR is the one exception: prefixed as before, since a properly parsed
  // cell would start with it.)
  test('text that opens no formula under either split is left exactly as it is', () => {
    fc.assert(
      fc.property(text, (value) => {
        if (!value.startsWith('\r') && formulaCells(csvLine([value], { neutralise: false })).length === 0) expect(neutraliseCell(value)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ["x;=cmd|' /C calc'!A0;", "x;'=cmd|' /C calc'!A0;"],
    ['a; =1', "a;' =1"],
    ['a;\t=1', "a;'\t=1"],
    ['a;"=1"', `a;'"=1"`],
    ['ghi chú\r\n=1', "ghi chú\r\n'=1"],
    ['\r=1', "'\r'=1"],
    ['Biên Hòa; Long Khánh, 2019 - 2020', 'Biên Hòa; Long Khánh, 2019 - 2020'],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  test('a results file written to be parsed again (neutralise: false) keeps every note exactly', () => {
    const csv = toCsv(RESULT_COLUMNS, HOSTILE.map((note) => ['a', '2019', 'x', '1', '', '', note]), { neutralise: false });
    const notes = (parse(csv.replace(/^\ufeff/, '')) as string[][]).slice(1).map((r) => r[6]);
    expect(notes).toEqual(HOSTILE);
  });
});

describe('every CSV of a site built with hostile notes', () => {
  let dir = '';
  let build: { status: number | null; stdout: string; stderr: string } = { status: null, stdout: '', stderr: '' };
  const csvFiles = (root: string, rel = ''): string[] =>
    readdirSync(join(root, rel)).flatMap((name) => {
      const path = rel ? `${rel}/${name}` : name;
      return statSync(join(root, path)).isDirectory() ? csvFiles(root, path) : path.endsWith('.csv') ? [path] : [];
    });

  beforeAll(() => {
    dir = copyProject('congdoan-formula-');
    // The first data lines of 2019.csv get the hostile notes (the file is read again: written exactly).
    const file = join(dir, 'content/so-lieu/2019.csv');
    const [header, ...rows] = parse(readFileSync(file, 'utf8').replace(/^\ufeff/, '')) as string[][];
    HOSTILE.forEach((note, i) => { rows[i]![6] = note; });
    writeFileSync(file, toCsv(header!, rows, { neutralise: false }));
    build = runIn(dir, ['node_modules/.bin/astro', 'build']);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the site builds with those notes', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  test('the notes are published (the raw rows carry them)', () => {
    const all = readFileSync(join(dir, 'dist/so-lieu/toan-bo.csv'), 'utf8');
    expect(all).toContain("x;'=cmd|' /C calc'!A0;");
    expect(all).toContain("i\r\n'=1");
  });

  test('no cell of any published CSV opens a formula, split on "," or on ";"', () => {
    const files = csvFiles(join(dir, 'dist'));
    // Per indicator (2 each), per unit, the whole set and the report kit's forms.
    expect(files.length).toBeGreaterThan(20);
    expect(files).toEqual(expect.arrayContaining(['so-lieu/toan-bo.csv']));
    const found = files.flatMap((f) => formulaCells(readFileSync(join(dir, 'dist', f), 'utf8')).map((c) => ({ file: f, ...c })));
    expect(found).toEqual([]);
  });

  test('the check itself finds the formulas the unneutralised notes would open', () => {
    const raw = toCsv(['ghi_chu'], HOSTILE.map((n) => [n]), { neutralise: false });
    expect(formulaCells(raw).length).toBeGreaterThanOrEqual(HOSTILE.length);
  });
});
