// Reads the units' own targets (content/so-lieu/muc-tieu-don-vi.csv, optional): one row per unit ×
// indicator × period, where the period is "nhiem-ky" (the term target) or a year of the term (that
// year's allocation). CSV, like the results, so that 200 units × 50 indicators is one sheet the
// office keeps in Excel; read with the results' bounded reader and rules (csv-records.ts, the
// same encoding, separator and whole-number rules). A unit or indicator without rows has no
// target: "Chưa có mục tiêu", never assumed.
import { csvRecords, type CsvRecord } from './csv-records.ts';
import { csvProblem, detectDelimiter, MAX_ROWS, parseWholeNumber, refused, type Parsed } from './results-csv.ts';
import type { Problem } from '../problems/problem.ts';
import type { RuleId } from '../problems/rules.ts';
import { messageOf, problem, type MessageValues, type WordedRule } from '../problems/messages.ts';
import { hasAtMostTwoDecimals } from './schemas.ts';

export const TARGET_COLUMNS = ['don_vi', 'chi_tieu', 'ky', 'muc_tieu'] as const;
type Column = (typeof TARGET_COLUMNS)[number];
/** The `ky` of a term target; any other `ky` is a year of the term. */
export const TERM_PERIOD = 'nhiem-ky';

/** One unit's targets for one indicator. */
export interface UnitTarget {
  term?: number;
  annual: Record<string, number>;
}

export interface TargetsContext {
  unitIds: ReadonlySet<string>;
  indicatorKinds: ReadonlyMap<string, 'count' | 'rate'>;
  term: { from: number; to: number };
}

/** A per-cent target: 0 to 100, at most two decimals, "." or "," before them. */
function parsePercent(raw: string): Parsed {
  const text = raw.trim();
  if (/^\d{1,3}([.,]\d+)?$/.test(text)) {
    const value = Number(text.replace(',', '.'));
    if (value <= 100 && hasAtMostTwoDecimals(value)) return { ok: true, value };
  }
  return refused('muc-tieu-ty-le', { csv: true });
}

export function parseTargetsCsv(file: string, input: string, context: TargetsContext): { byUnit: Record<string, Record<string, UnitTarget>>; problems: Problem[] } {
  const text = input.replace(/^\ufeff/, '');
  const problems: Problem[] = [];
  const byUnit: Record<string, Record<string, UnitTarget>> = {};
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(headerLine);
  const headerProblem = (column: number, actual: string): Problem =>
    problem('tieu-de', { columns: TARGET_COLUMNS, delimiter: delimiter ?? ',', column, missing: actual === '' }, { file, line: 1, column, actual });
  if (!delimiter) return { byUnit, problems: [headerProblem(1, headerLine)] };
  let records: CsvRecord[];
  try {
    records = csvRecords(new TextEncoder().encode(text), delimiter, { skipBlank: true, maxRecords: MAX_ROWS + 1 });
  } catch (error) {
    return { byUnit, problems: [csvProblem(file, text, error)] };
  }
  const [header, ...body] = records;
  const headerCells = (header?.cells ?? []).map((c) => c.trim());
  const wrong = TARGET_COLUMNS.findIndex((name, i) => headerCells[i] !== name);
  if (wrong !== -1 || headerCells.length !== TARGET_COLUMNS.length) {
    const column = wrong === -1 ? TARGET_COLUMNS.length + 1 : wrong + 1;
    return { byUnit, problems: [headerProblem(column, headerCells[column - 1] ?? '')] };
  }
  const seen = new Map<string, number>();
  for (const { cells, line } of body) {
    if (cells.length !== TARGET_COLUMNS.length) {
      problems.push(problem('so-cot', { cells: cells.length, columns: TARGET_COLUMNS, delimiter }, { file, line, actual: cells.join(delimiter) }));
      continue;
    }
    const cell = Object.fromEntries(TARGET_COLUMNS.map((name, i) => [name, (cells[i] ?? '').trim()])) as Record<Column, string>;
    let valid = true;
    /** A problem of this cell, worded by the catalogue (or already worded: a target's reason). */
    const failWith = (column: Column, found: { rule: RuleId; message: string }, value?: string) => {
      valid = false;
      problems.push({ file, line, column: TARGET_COLUMNS.indexOf(column) + 1, columnName: column, rule: found.rule, message: found.message, ...(value === undefined ? {} : { actual: value }) });
    };
    const fail = <R extends WordedRule>(column: Column, rule: R, values: MessageValues<R>, value?: string) => failWith(column, { rule, message: messageOf(rule, values) }, value);
    for (const column of TARGET_COLUMNS) if (cell[column] === '') fail(column, 'o-trong', {});
    if (!valid) continue;
    if (!context.unitIds.has(cell.don_vi)) fail('don_vi', 'don-vi-khong-co', {}, cell.don_vi);
    const kind = context.indicatorKinds.get(cell.chi_tieu);
    if (!kind) fail('chi_tieu', 'chi-tieu-khong-co', {}, cell.chi_tieu);
    if (cell.ky !== TERM_PERIOD) {
      if (!/^\d{4}$/.test(cell.ky)) fail('ky', 'nam-khong-hop-le', { termPeriod: TERM_PERIOD }, cell.ky);
      else if (Number(cell.ky) < context.term.from || Number(cell.ky) > context.term.to) fail('ky', 'nam-ngoai-nhiem-ky', { term: context.term }, cell.ky);
    }
    let value: number | undefined;
    if (kind) {
      const parsed = kind === 'rate' ? parsePercent(cell.muc_tieu) : parseWholeNumber(cell.muc_tieu, { target: true });
      if (parsed.ok) value = parsed.value;
      else failWith('muc_tieu', parsed, cell.muc_tieu);
    }
    const key = `${cell.don_vi}|${cell.chi_tieu}|${cell.ky}`;
    const first = seen.get(key);
    if (first !== undefined) fail('ky', 'trung-dong', { line: first }, `${cell.don_vi}, ${cell.chi_tieu}, ${cell.ky}`);
    else seen.set(key, line);
    if (!valid || value === undefined) continue;
    const target = ((byUnit[cell.don_vi] ??= {})[cell.chi_tieu] ??= { annual: {} });
    if (cell.ky === TERM_PERIOD) target.term = value;
    else target.annual[cell.ky] = value;
  }
  return { byUnit, problems };
}
