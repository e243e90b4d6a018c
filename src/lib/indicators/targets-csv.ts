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
import { problem } from '../problems/messages.ts';
import { hasAtMostTwoDecimals } from './schemas.ts';
import { z } from '../content/zod-vi.ts';
import { addRuleIssue, ruleRefinement } from '../problems/rule-issues.ts';

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

/** A row's target, read by its indicator's kind: a whole number for a count, a per cent for a rate. */
const targetValue = (kind: 'count' | 'rate', raw: string): Parsed => (kind === 'rate' ? parsePercent(raw) : parseWholeNumber(raw, { target: true }));

/** An empty cell's rule: a row with one is refused for that alone. */
const EMPTY = 'o-trong' satisfies RuleId;
/** The rule of an issue of the row schema: each of its refinements names one (rule-issues.ts). */
const ruleOfIssue = (issue: object): RuleId => ((issue as { params?: { rule?: RuleId } }).params?.rule) ?? EMPTY;

/** A cell as written, spaces around it dropped; an empty one is refused before anything else of its row. */
const filledCell = z.string().trim().refine((text) => text !== '', ruleRefinement(EMPTY, {}));

/**
 * One row of muc-tieu-don-vi.csv, checked against the edition's units, indicators and term: every
 * cell filled first (a row with an empty cell is refused for that alone), then each column by its
 * rule, the target by its indicator's kind. The result is the row with its target as a number.
 * A row that repeats another's unit, indicator and period is a rule of the file (parseTargetsCsv).
 * The README's table of the file's columns is these descriptions (tests/unit-targets.test.ts).
 */
export function targetRowSchemaFor(context: TargetsContext) {
  const { from, to } = context.term;
  const fields = z
    .object({
      don_vi: z.string()
        .refine((id) => context.unitIds.has(id), ruleRefinement('don-vi-khong-co', {}))
        .describe('mã đơn vị (tên tệp trong `content/don-vi/`)'),
      chi_tieu: z.string()
        .refine((id) => context.indicatorKinds.has(id), ruleRefinement('chi-tieu-khong-co', {}))
        .describe('mã chỉ tiêu (tên tệp trong `content/chi-tieu/`)'),
      ky: z.string()
        .superRefine((ky, ctx) => {
          if (ky === TERM_PERIOD) return;
          if (!/^\d{4}$/.test(ky)) addRuleIssue(ctx, 'nam-khong-hop-le', { termPeriod: TERM_PERIOD });
          else if (Number(ky) < from || Number(ky) > to) addRuleIssue(ctx, 'nam-ngoai-nhiem-ky', { term: context.term });
        })
        .describe('`nhiem-ky` cho mục tiêu cả nhiệm kỳ, hoặc một năm trong nhiệm kỳ cho phân bổ năm ấy'),
      muc_tieu: z.string()
        .describe('chỉ tiêu đếm: số nguyên (tổng số); chỉ tiêu tỷ lệ: phần trăm từ 0 đến 100, tối đa hai chữ số thập phân (`72.5` hay `72,5`), không ghi `%`'),
    })
    .strict()
    // The target's rule is its indicator's kind; an unknown indicator has no rule to read it by.
    .superRefine((row, ctx) => {
      const kind = context.indicatorKinds.get(row.chi_tieu);
      if (!kind) return;
      const parsed = targetValue(kind, row.muc_tieu);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['muc_tieu'], message: parsed.message, params: { rule: parsed.rule } });
    })
    // Reached only by a row the checks above passed: its indicator is known and its target reads.
    .transform((row) => {
      const parsed = targetValue(context.indicatorKinds.get(row.chi_tieu)!, row.muc_tieu);
      return { ...row, value: parsed.ok ? parsed.value : Number.NaN };
    });
  const cells = z.object({ don_vi: filledCell, chi_tieu: filledCell, ky: filledCell, muc_tieu: filledCell }).strict();
  return cells.pipe(fields);
}

/** The columns of muc-tieu-don-vi.csv and what each holds, from the row schema's own descriptions. */
export function targetColumnRows(): { column: Column; description: string }[] {
  const shape = targetRowSchemaFor({ unitIds: new Set(), indicatorKinds: new Map(), term: { from: 0, to: 0 } }).out.in.shape;
  return TARGET_COLUMNS.map((column) => ({ column, description: shape[column].description ?? '' }));
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
  const rowSchema = targetRowSchemaFor(context);
  for (const { cells, line } of body) {
    if (cells.length !== TARGET_COLUMNS.length) {
      problems.push(problem('so-cot', { cells: cells.length, columns: TARGET_COLUMNS, delimiter }, { file, line, actual: cells.join(delimiter) }));
      continue;
    }
    const cell = Object.fromEntries(TARGET_COLUMNS.map((name, i) => [name, cells[i] ?? ''])) as Record<Column, string>;
    const checked = rowSchema.safeParse(cell);
    // Every issue of the schema is one of its rules (params.rule), worded by the catalogue.
    const refusals = checked.success ? [] : checked.error.issues.map((issue) => ({ column: issue.path[0] as Column, rule: ruleOfIssue(issue), text: issue.message }));
    for (const { column, rule, text } of refusals) {
      const where = { file, line, column: TARGET_COLUMNS.indexOf(column) + 1, columnName: column, rule };
      problems.push(rule === EMPTY ? { ...where, message: text } : { ...where, message: text, actual: cell[column].trim() });
    }
    // A row with an empty cell is refused for that alone (the schema's first stage).
    if (refusals.some((r) => r.rule === EMPTY)) continue;
    const row = Object.fromEntries(TARGET_COLUMNS.map((name) => [name, cell[name].trim()])) as Record<Column, string>;
    const key = `${row.don_vi}|${row.chi_tieu}|${row.ky}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const actual = `${row.don_vi}, ${row.chi_tieu}, ${row.ky}`;
      problems.push(problem('trung-dong', { line: first }, { file, line, column: TARGET_COLUMNS.indexOf('ky') + 1, columnName: 'ky', actual }));
      continue;
    }
    seen.set(key, line);
    if (!checked.success) continue;
    const { value } = checked.data;
    const target = ((byUnit[row.don_vi] ??= {})[row.chi_tieu] ??= { annual: {} });
    if (row.ky === TERM_PERIOD) target.term = value;
    else target.annual[row.ky] = value;
  }
  return { byUnit, problems };
}
