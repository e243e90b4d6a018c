// Reads a filled indicator form (.xlsx or .csv), checks it with the very rules of the committed
// results files (parseResultsCsv, then validateDataset on the merged files), and works out what the
// import would change, cell by cell, before anything is written:
// - a filled cell adds or changes the unit's row;
// - a blank cell changes nothing, unless the form itself records that it was downloaded with a
//   figure there (the .xlsx forms' fingerprint sheet): then the unit cleared it, which is a
//   deletion, and deletions are only written with the office's explicit consent;
// - a cell still holding the figure the form was downloaded with is untouched, even if the site's
//   figure has changed since (the newer figure is kept).
// Only the form's unit's records change, each replaced in place by its byte span (csv-records.ts):
// every other byte of every results file stays as it was.
import type { Dataset, DatasetFiles, SourceFile } from '../indicators/dataset.ts';
import { resultsContext, validateDataset } from '../indicators/dataset.ts';
import { csvLine, neutraliseCell, toCsv } from '../indicators/csv-write.ts';
import { csvRecords } from '../indicators/csv-records.ts';
import { formatProblem } from '../problems/problem.ts';
import { messageOf, problem } from '../problems/messages.ts';
import { formatInteger } from '../indicators/format.ts';
import { tablePeriods } from '../indicators/notes.ts';
import { decodeUtf8, detectDelimiter, parseResultsCsv, RESULT_COLUMNS, type ResultRow } from '../indicators/results-csv.ts';
import {
  columnLetter, FINGERPRINT_FIRST_ROW, FINGERPRINT_SHEET, FORM_SHEET, LAYOUTS, NOTE_COLUMN, UNIT_CELL,
  fingerprintOf, formHeader, formRows, readFingerprintSheet, rowSignature, type FormPeriod,
} from './form-layout.ts';
import { otherFormat, readXlsxWorkbook, type XlsxCell } from './xlsx-reader.ts';
import { groupsOf } from '../indicators/groups.ts';

import { formWrongType, type FormProblem } from './form-limits.ts';

export type { FormProblem };

/** One line of the form: a period × indicator of the unit, filled (row) or blank (null). */
export interface FormEntry {
  period: string;
  indicator: string;
  row: ResultRow | null;
  /** Where the line is in the form, for messages: 'trang "Biểu mẫu", ô E8' or 'dòng 5'. */
  where: string;
  /**
   * The line as the form was downloaded (rowSignature), when the form records it: '' for a line
   * downloaded blank. Undefined for forms that do not record it (CSV, and .xlsx forms downloaded
   * before forms were prefilled): a blank line of such a form never deletes anything.
   */
  prefilled?: string;
}

export interface ReadForm {
  unitId: string;
  entries: FormEntry[];
}

/** The form's periods are the results tables' (tablePeriods): the years, then the baseline. */
export function formPeriods(dataset: Dataset): FormPeriod[] {
  return tablePeriods(dataset);
}

const normalName = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

function unitIdOf(dataset: Dataset, text: string): string | undefined {
  const wanted = normalName(text);
  return dataset.units.find((u) => u.id === wanted || normalName(u.name) === wanted)?.id;
}

/** The first and last row of a merge range ("C3:K3" → [3, 3]). */
function mergeRows(range: string): [number, number] {
  const rows = [...range.matchAll(/[A-Z]+(\d+)/g)].map((m) => Number(m[1]));
  return [Math.min(...rows), Math.max(...rows)];
}

/**
 * The form's area: its columns (the current layout's, the widest), and its rows with room for the
 * group headings, the signature block and a row copied below the table (reported by cell, not as
 * outside). A value outside it is refused by the reader.
 */
export function formArea(dataset: Pick<Dataset, 'indicators'> & Parameters<typeof formPeriods>[0]): { rows: number; cols: number } {
  const last = Math.max(LAYOUTS.current.headerRow, ...formRows(dataset.indicators).values());
  return { rows: last + groupsOf(dataset.indicators).length + dataset.indicators.length + 10, cols: formHeader(formPeriods(dataset)).length };
}

/** The rule of a figure cell whose kind is no figure: a date, TRUE/FALSE, an Excel error. */
const FIGURE_CELL_RULES: Partial<Record<XlsxCell['kind'], 'ngay-trong-o-so' | 'o-dung-sai' | 'o-loi-excel'>> = { date: 'ngay-trong-o-so', boolean: 'o-dung-sai', error: 'o-loi-excel' };

/** A figure cell whose kind is no figure, as a rule and its message (placed by the caller). */
function figureCellProblem(cell: XlsxCell): Pick<FormProblem, 'rule' | 'message'> | null {
  const rule = FIGURE_CELL_RULES[cell.kind];
  return rule ? { rule, message: messageOf(rule, {}) } : null;
}

async function readXlsx(file: string, bytes: Uint8Array, dataset: Dataset): Promise<ReadForm | { problems: FormProblem[] }> {
  const at = (address: string) => `trang "${FORM_SHEET}", ô ${address}`;
  const area = formArea(dataset);
  const read = await readXlsxWorkbook(bytes, {
    sheet: FORM_SHEET, fingerprintSheet: FINGERPRINT_SHEET, area,
    fingerprintRows: FINGERPRINT_FIRST_ROW + formPeriods(dataset).length * dataset.indicators.length + 10,
    indicatorCodes: new Set(dataset.indicators.map((i) => i.id)),
  });
  if ('problems' in read) return { problems: read.problems.map((p) => ({ file, ...p })) };
  const { sheet } = read;
  const textAt = (row: number, col: number) => sheet.cell(row, col)?.text ?? '';

  // Which layout: the form the site issues now, or the one issued before (still in circulation).
  const layout = [LAYOUTS.current, LAYOUTS.legacy].find((l) => textAt(l.headerRow, 1).trim() === l.fixed[0]);
  if (!layout) {
    return {
      problems: [problem('bo-cuc', { current: LAYOUTS.current.label, legacy: LAYOUTS.legacy.label }, {
        file, place: at(`A${LAYOUTS.current.headerRow}`), actual: textAt(LAYOUTS.current.headerRow, 1).trim(),
      })],
    };
  }
  const headerRow = layout.headerRow;
  // Header: fixed columns, then a pair per period, then the trailing columns; every cell exactly as generated.
  const header: string[] = [];
  for (let c = 1; c <= area.cols; c += 1) {
    const text = textAt(headerRow, c).trim();
    if (text === '' && c > layout.fixed.length) break;
    header.push(text);
  }
  const labelToKey = new Map(formPeriods(dataset).map((p) => [p.label, p.key]));
  const periods: { key: string; valueCol: number }[] = [];
  const headerProblem = (col: number, expected: string): { problems: FormProblem[] } => ({
    problems: [problem('tieu-de', { formHeader: expected }, { file, place: at(`${columnLetter(col)}${headerRow}`), actual: header[col - 1] ?? '' })],
  });
  for (const [i, name] of layout.fixed.entries()) if (header[i] !== name) return headerProblem(i + 1, name);
  let col = layout.fixed.length + 1;
  while (col <= header.length && header[col - 1] !== NOTE_COLUMN) {
    const match = /^(.*) – Giá trị hoặc tử số$/.exec(header[col - 1] ?? '');
    const label = match?.[1];
    const key = label === undefined ? undefined : /^\d{4}$/.test(label) ? label : labelToKey.get(label);
    if (!label || !key) return headerProblem(col, `<năm> – Giá trị hoặc tử số`);
    if (header[col] !== `${label} – Mẫu số`) return headerProblem(col + 1, `${label} – Mẫu số`);
    periods.push({ key, valueCol: col });
    col += 2;
  }
  if (periods.length === 0) return headerProblem(col, `<năm> – Giá trị hoặc tử số`);
  for (const [i, name] of layout.trailing.entries()) if (header[col - 1 + i] !== name) return headerProblem(col + i, name);
  const noteCol = col;
  const codeCol = layout.codeColumn === 'last' ? noteCol + 1 : layout.codeColumn;
  // A cell covered by a merge holds nothing of its own: the reader gives each cell only its own value.
  const codeAt = (r: number) => textAt(r, codeCol).trim();

  // Merged cells in the header or on an indicator's row hide which figure belongs where (a rate's
  // numerator and denominator merged read as 40/40): refused rather than guessed. The form's own
  // merges (title, unit, group headings, signatures) hold no indicator.
  const merges = sheet.merges.filter((range) => {
    const [top, bottom] = mergeRows(range);
    if (bottom < headerRow) return false;
    for (let r = Math.max(top, headerRow); r <= bottom; r += 1) if (r === headerRow || codeAt(r) !== '') return true;
    return false;
  });
  if (merges.length > 0) {
    return {
      problems: merges.map((range) => problem('o-gop', {}, { file, place: at(range) })),
    };
  }

  const fingerprint = readFingerprintSheet(read.fingerprint);
  const unitText = sheet.text(UNIT_CELL).trim();
  const unitId = unitText ? unitIdOf(dataset, unitText) : undefined;
  if (!unitId) {
    return {
      problems: [unitText
        ? problem('don-vi-khong-co', { inForm: true }, { file, place: at(UNIT_CELL), actual: unitText })
        : problem('o-trong', { formUnit: true }, { file, place: at(UNIT_CELL) })],
    };
  }
  if (fingerprint) {
    if (fingerprint.fingerprint !== (await fingerprintOf(fingerprint.unitId, fingerprint.prefilled))) {
      return { problems: [problem('dau-van-tay', {}, { file, place: `trang ẩn "${FINGERPRINT_SHEET}"` })] };
    }
    if (fingerprint.unitId !== '' && fingerprint.unitId !== unitId) {
      const issued = dataset.units.find((u) => u.id === fingerprint.unitId)?.name ?? fingerprint.unitId;
      return {
        problems: [problem('don-vi-khong-khop', { issued }, { file, place: at(UNIT_CELL), actual: unitText })],
      };
    }
  }

  // The form as a results file, with each CSV cell remembering its Excel cell.
  const kinds = resultsContext(dataset).indicatorKinds;
  const names = new Map(dataset.indicators.map((i) => [i.id, i.name]));
  const problems: FormProblem[] = [];
  const records: string[][] = [];
  const cellOf: Record<string, string>[] = [];
  const rowOfCode = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const code = codeAt(r);
    const texts = Array.from({ length: Math.max(noteCol, codeCol) }, (_, i) => textAt(r, i + 1).trim());
    // Group headings and the signature rows ("THỦ TRƯỞNG ĐƠN VỊ" over the period columns) carry
    // no code and no figure; a row without a code but with a number is reported (o-trong).
    const figureLike = (text: string | undefined) => /^[-+=]?\s*\d/.test(text ?? '');
    if (code === '' && periods.every((p) => !figureLike(texts[p.valueCol - 1]) && !figureLike(texts[p.valueCol]))) continue;
    const name = names.get(code);
    if (name !== undefined) {
      const first = rowOfCode.get(code);
      if (first !== undefined) {
        problems.push(problem('chi-tieu-trung-dong', { firstRow: first }, { file, place: at(`${columnLetter(codeCol)}${r}`), actual: code }));
        continue;
      }
      rowOfCode.set(code, r);
      const written = texts[layout.nameColumn - 1] ?? '';
      if (normalName(written) !== normalName(name)) {
        problems.push(problem('ma-khong-khop-ten', { code, codeCell: `${columnLetter(codeCol)}${r}`, name }, { file, place: at(`${columnLetter(layout.nameColumn)}${r}`), actual: written }));
        continue;
      }
    }
    for (const period of periods) {
      for (const c of [period.valueCol, period.valueCol + 1]) {
        const cell = sheet.cell(r, c);
        const refused = cell && figureCellProblem(cell);
        if (refused) problems.push({ file, place: at(cell.ref), actual: cell.text, ...refused });
      }
      const value = texts[period.valueCol - 1] ?? '';
      const den = texts[period.valueCol] ?? '';
      const note = texts[noteCol - 1] ?? '';
      const valueCell = `${columnLetter(period.valueCol)}${r}`;
      const denCell = `${columnLetter(period.valueCol + 1)}${r}`;
      const rate = kinds.get(code) === 'rate';
      records.push([unitId, period.key, code, rate ? '' : value, rate ? value : '', den, note]);
      cellOf.push({
        don_vi: UNIT_CELL, nam: `${columnLetter(period.valueCol)}${headerRow}`, chi_tieu: `${columnLetter(codeCol)}${r}`,
        gia_tri: valueCell, tu_so: valueCell, mau_so: denCell, ghi_chu: `${columnLetter(noteCol)}${r}`,
      });
    }
  }
  if (problems.length > 0) return { problems };
  const csv = toCsv(RESULT_COLUMNS, records, { neutralise: false });
  // A note with a line break spans lines of this CSV, so records are found by line, not counted.
  const starts = csvRecords(new TextEncoder().encode(csv), ',').slice(1).map((record, i) => [record.line, cellOf[i]!] as const);
  // A problem inside a multi-line note may name a later line of its record: the record starting at or before it.
  const cellsAt = { get: (line: number) => starts.findLast(([start]) => start <= line)?.[1] };
  const parsed = parseResultsCsv(file, csv, resultsContext(dataset), { skipUnfilled: true });
  if (parsed.problems.length > 0) {
    return {
      problems: parsed.problems.map((p) => ({
        file,
        place: at(cellsAt.get(p.line ?? 0)?.[p.columnName ?? ''] ?? `dòng ${p.line}`),
        rule: p.rule,
        ...(p.actual === undefined ? {} : { actual: p.actual }),
        message: p.message,
      })),
    };
  }
  const whereOf = (line: number) => at(cellsAt.get(line)?.gia_tri ?? `dòng ${line}`);
  const prefilled = fingerprint ? new Map(fingerprint.prefilled.map((p) => [`${p.period}|${p.indicator}`, p.signature])) : undefined;
  return entriesOf(file, unitId, parsed.rows, parsed.unfilled, whereOf, prefilled);
}

function readCsv(file: string, bytes: Uint8Array, dataset: Dataset): ReadForm | { problems: FormProblem[] } {
  // An .xlsx (or .xls, .ods) renamed .csv is named as what it is, not read as broken text.
  const format = otherFormat(bytes, 'csv');
  if (format) return { problems: [{ file, ...format }] };
  const decoded = decodeUtf8(file, bytes);
  if ('problem' in decoded) return { problems: [{ file, place: 'tệp', rule: decoded.problem.rule, message: decoded.problem.message }] };
  const parsed = parseResultsCsv(file, decoded.text, resultsContext(dataset), { skipUnfilled: true });
  if (parsed.problems.length > 0) {
    return {
      problems: parsed.problems.map((p) => ({
        file,
        place: `dòng ${p.line}${p.column ? `, cột ${p.columnName} (ô ${columnLetter(p.column)}${p.line})` : ''}`,
        rule: p.rule,
        ...(p.actual === undefined ? {} : { actual: p.actual }),
        message: p.message,
      })),
    };
  }
  const units = [...new Set(parsed.rows.map((r) => r.unit))];
  if (units.length !== 1) {
    return {
      problems: [units.length === 0
        ? problem('bieu-mau-trong', { nothingToImport: false }, { file, place: 'tệp' })
        : problem('nhieu-don-vi', {}, { file, place: 'tệp', ...(units.length > 1 ? { actual: units.join(', ') } : {}) })],
    };
  }
  const unitId = units[0] as string;
  const foreign = parsed.unfilled.find((u) => u.unit !== '' && u.unit !== unitId);
  if (foreign) {
    return { problems: [problem('nhieu-don-vi', {}, { file, place: `dòng ${foreign.line}`, actual: foreign.unit })] };
  }
  return entriesOf(file, unitId, parsed.rows, parsed.unfilled, (line) => `dòng ${line}`);
}

function entriesOf(
  file: string,
  unitId: string,
  rows: ResultRow[],
  unfilled: { period: string; indicator: string; line: number }[],
  whereOf: (line: number) => string,
  prefilled?: ReadonlyMap<string, string>,
): ReadForm | { problems: FormProblem[] } {
  if (rows.length === 0 && !prefilled?.size) return { problems: [problem('bieu-mau-trong', { nothingToImport: true }, { file, place: 'tệp' })] };
  const lines = [
    ...rows.map((row) => ({ period: row.period, indicator: row.indicator, row, line: row.line })),
    ...unfilled.map((u) => ({ period: u.period, indicator: u.indicator, row: null, line: u.line })),
  ].sort((a, b) => a.line - b.line);
  // A line given twice (a copied row) would let one copy undo the other: refused, never guessed.
  const seen = new Map<string, number>();
  const problems: FormProblem[] = [];
  for (const l of lines) {
    const key = `${l.period}|${l.indicator}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, l.line);
    else problems.push(problem('dong-trung', { first: whereOf(first) }, { file, place: whereOf(l.line), actual: `${l.period}, ${l.indicator}` }));
  }
  if (problems.length > 0) return { problems };
  const entries: FormEntry[] = lines.map((l) => {
    const before = prefilled?.get(`${l.period}|${l.indicator}`);
    return {
      period: l.period, indicator: l.indicator, row: l.row, where: whereOf(l.line),
      ...(prefilled ? { prefilled: before ?? '' } : {}),
    };
  });
  return { unitId, entries };
}

export { formTooLarge, formWrongType, MAX_FORM_BYTES } from './form-limits.ts';

export async function readForm(file: string, bytes: Uint8Array, dataset: Dataset): Promise<ReadForm | { problems: FormProblem[] }> {
  const wrongType = formWrongType(file);
  if (wrongType) return { problems: [wrongType] };
  return /\.xlsx$/i.test(file) ? readXlsx(file, bytes, dataset) : readCsv(file, bytes, dataset);
}

// ——— What the form changes ———

export type ChangeAction = 'add' | 'update' | 'delete';

export interface Change {
  action: ChangeAction;
  period: string;
  indicator: string;
  /** The committed row, for update and delete. */
  before?: ResultRow;
  /** The form's row, for add and update. */
  after?: ResultRow;
  where: string;
}

export interface ImportPlan {
  changes: Change[];
  /** Form lines equal to the committed figures. */
  unchanged: number;
  /** Lines the form left blank that change nothing (not reported, or a form that cannot say it was cleared). */
  leftBlank: number;
  /** Lines still holding the figure the form was downloaded with, where the site has a newer one (kept). */
  keptNewer: { period: string; indicator: string; where: string }[];
}

const key3 = (unit: string, period: string, indicator: string) => `${unit}|${period}|${indicator}`;

/** Compares the form, line by line, with the unit's committed rows. */
export function planChanges(form: ReadForm, dataset: Dataset): ImportPlan {
  const current = new Map(dataset.rows.filter((r) => r.unit === form.unitId).map((r) => [key3(r.unit, r.period, r.indicator), r]));
  const plan: ImportPlan = { changes: [], unchanged: 0, leftBlank: 0, keptNewer: [] };
  for (const entry of form.entries) {
    const before = current.get(key3(form.unitId, entry.period, entry.indicator));
    const base = { period: entry.period, indicator: entry.indicator, where: entry.where };
    // A downloaded CSV carries each note made formula-safe (an apostrophe before = + - @): the
    // same note sent back is the committed note, not an edit.
    const row = entry.row && before && entry.row.note !== before.note && neutraliseCell(before.note).trim() === entry.row.note ? { ...entry.row, note: before.note } : entry.row;
    if (row) {
      const signature = rowSignature(row);
      if (before && rowSignature(before) === signature) plan.unchanged += 1;
      else if (entry.prefilled !== undefined && entry.prefilled !== '' && entry.prefilled === signature) plan.keptNewer.push(base);
      else plan.changes.push({ ...base, action: before ? 'update' : 'add', after: row, ...(before ? { before } : {}) });
    } else if (before && entry.prefilled !== undefined && entry.prefilled !== '') {
      plan.changes.push({ ...base, action: 'delete', before });
    } else {
      plan.leftBlank += 1;
    }
  }
  return plan;
}

export interface MergedFile {
  path: string;
  bytes: Uint8Array;
  changed: boolean;
  created: boolean;
}

function serialise(row: ResultRow, delimiter: string): string {
  return csvLine([row.unit, row.period, row.indicator, row.value ?? '', row.numerator ?? '', row.denominator ?? '', row.note], { delimiter, neutralise: false });
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** The terminator a record ends with ('' for a last line without one). */
function terminatorOf(bytes: Uint8Array, end: number): string {
  if (bytes[end - 1] !== 0x0a && bytes[end - 1] !== 0x0d) return '';
  return bytes[end - 2] === 0x0d && bytes[end - 1] === 0x0a ? '\r\n' : bytes[end - 1] === 0x0a ? '\n' : '\r';
}

/**
 * The results files with the changes applied: each changed record's byte span replaced (or
 * removed) in place, new records appended to the file holding that period (or a new file).
 * Bytes outside those spans are copied unchanged.
 */
export function applyChanges(results: readonly SourceFile[], unitId: string, changes: readonly Change[], resultsDir: string): MergedFile[] {
  const byKey = new Map(changes.map((c) => [key3(unitId, c.period, c.indicator), c]));
  const done = new Set<string>();
  const encoder = new TextEncoder();
  const periodFile = new Map<string, number>();
  const out = results.map((file, index) => {
    const bytes = file.bytes;
    const text = new TextDecoder().decode(bytes);
    const headerLine = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
    // The file passed validation, so its header has one kind of separator.
    const delimiter = detectDelimiter(headerLine) ?? ',';
    const records = csvRecords(bytes, delimiter, { skipBlank: true });
    const eol = records[0] ? terminatorOf(bytes, records[0].end) || '\r\n' : '\r\n';
    // Bytes between the spans (blank lines) are copied as they are, like every record not changed.
    const parts: Uint8Array[] = [];
    let cursor = 0;
    let touched = false;
    for (const [i, record] of records.entries()) {
      const [unit, period, indicator] = [0, 1, 2].map((c) => (record.cells[c] ?? '').trim()) as [string, string, string];
      if (i > 0 && period && !periodFile.has(period)) periodFile.set(period, index);
      const change = i > 0 ? byKey.get(key3(unit, period, indicator)) : undefined;
      if (!change) continue;
      parts.push(bytes.subarray(cursor, record.start));
      cursor = record.end;
      touched = true;
      done.add(key3(unit, period, indicator));
      if (change.action !== 'delete') parts.push(encoder.encode(serialise(change.after!, delimiter) + terminatorOf(bytes, record.end)));
    }
    parts.push(bytes.subarray(cursor));
    const tail = concat(parts);
    return { path: file.path, parts: [tail], delimiter, eol, endsWithBreak: tail.byteLength === 0 || terminatorOf(tail, tail.byteLength) !== '', touched, created: false };
  });
  for (const change of changes) {
    const key = key3(unitId, change.period, change.indicator);
    if (done.has(key) || change.action !== 'add') continue;
    let target = periodFile.get(change.period);
    if (target === undefined) {
      out.push({
        path: `${resultsDir}/${change.period}.csv`, parts: [encoder.encode(`\ufeff${RESULT_COLUMNS.join(',')}\r\n`)], delimiter: ',', eol: '\r\n', endsWithBreak: true, touched: true, created: true,
      });
      target = out.length - 1;
      periodFile.set(change.period, target);
    }
    const file = out[target]!;
    if (!file.endsWithBreak) file.parts.push(encoder.encode(file.eol));
    file.parts.push(encoder.encode(serialise(change.after!, file.delimiter) + file.eol));
    file.endsWithBreak = true;
    file.touched = true;
  }
  return out.map((f, i) => {
    const bytes = concat(f.parts);
    const original = results[i]?.bytes;
    const changed = !original || original.byteLength !== bytes.byteLength || original.some((b, j) => b !== bytes[j]);
    return { path: f.path, bytes, changed: f.touched && changed, created: f.created };
  });
}

export interface PlannedImport {
  ok: true;
  form: ReadForm;
  plan: ImportPlan;
  files: MergedFile[];
}

/** Everything the import does, without touching the disk: read, check, compare, merge, re-validate. */
export async function planImport(
  formFile: string,
  formBytes: Uint8Array,
  files: DatasetFiles,
  dataset: Dataset,
  /** The results folder, as messages name it (src/lib/content/paths.ts: contentPaths.results). */
  resultsDir: string,
): Promise<PlannedImport | { ok: false; messages: string[] }> {
  const form = await readForm(formFile, formBytes, dataset);
  if ('problems' in form) return { ok: false, messages: form.problems.map(formatProblem) };
  const plan = planChanges(form, dataset);
  const merged = applyChanges(files.results, form.unitId, plan.changes, resultsDir);
  const results: SourceFile[] = merged.map((f) => ({ path: f.path, bytes: f.bytes }));
  const check = validateDataset({ ...files, results });
  if (check.problems.length > 0) {
    return { ok: false, messages: ['Sau khi ghép biểu mẫu, bộ số liệu không hợp lệ; không thay đổi gì:', ...check.problems.map(formatProblem)] };
  }
  return { ok: true, form, plan, files: merged };
}

// ——— The table printed before anything is written ———

function figure(row: ResultRow | undefined): string {
  if (!row) return 'trống';
  const number = row.value !== undefined ? formatInteger(row.value) : `${formatInteger(row.numerator ?? 0)}/${formatInteger(row.denominator ?? 0)}`;
  const note = row.note.replace(/\r\n|\n|\r/g, ' ⏎ ');
  return note ? `${number} (ghi chú: ${note.length > 40 ? `${note.slice(0, 40)}…` : note})` : number;
}

const ACTION_LABELS: Record<ChangeAction, string> = { add: 'thêm', update: 'sửa', delete: 'XOÁ' };

/** One block per indicator that changes, one line per period: what is there now, what the form says. */
export function changeTable(plan: ImportPlan, dataset: Dataset, periods: readonly FormPeriod[]): string[] {
  const periodLabel = new Map(periods.map((p) => [p.key, p.label]));
  const order = new Map(periods.map((p, i) => [p.key, i]));
  const lines: string[] = [];
  for (const indicator of dataset.indicators) {
    const mine = plan.changes.filter((c) => c.indicator === indicator.id).sort((a, b) => (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0));
    if (mine.length === 0) continue;
    lines.push(`  ${indicator.name} (${indicator.id}):`);
    for (const c of mine) {
      lines.push(`    ${(periodLabel.get(c.period) ?? c.period).padEnd(22)} ${ACTION_LABELS[c.action].padEnd(5)} ${figure(c.before)} → ${c.action === 'delete' ? 'trống (chưa báo cáo)' : figure(c.after)}   [${c.where}]`);
    }
  }
  return lines;
}

export function changeCounts(plan: ImportPlan): Record<ChangeAction, number> {
  const counts: Record<ChangeAction, number> = { add: 0, update: 0, delete: 0 };
  for (const c of plan.changes) counts[c.action] += 1;
  return counts;
}


