// Reads a filled indicator form (.xlsx or .csv), checks it with the very rules of the committed
// results files (parseResultsCsv, then validateDataset on the merged files), and computes the
// new content of content/so-lieu/: only the form's unit's rows change, edited in place.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Dataset, DatasetFiles, SourceFile } from '../data/dataset.ts';
import { resultsContext, validateDataset } from '../data/dataset.ts';
import { csvLine, toCsv } from '../data/csv-write.ts';
import { formatDataProblem } from '../data/problems.ts';
import { decodeUtf8, detectDelimiter, parseResultsCsv, RESULT_COLUMNS, type ResultRow } from '../data/results-csv.ts';
import { columnLetter, FIXED_COLUMNS, FORM_SHEET, HEADER_ROW, NOTE_COLUMN, UNIT_CELL, type FormPeriod } from './form.ts';

export interface FormProblem {
  file: string;
  /** 'trang "Biểu mẫu", ô E7' or 'dòng 5, cột gia_tri (ô D5)'. */
  where: string;
  rule: string;
  value?: string;
  message: string;
}

export function formatFormProblem(p: FormProblem): string {
  return `${p.file} › ${p.where}: ${p.message}${p.value === undefined ? '' : ` — giá trị "${p.value}"`} (quy tắc: ${p.rule})`;
}

/** One line of the form: a period × indicator of the unit, filled (row) or blank (null). */
export interface FormEntry {
  period: string;
  indicator: string;
  row: ResultRow | null;
}

export interface ReadForm {
  unitId: string;
  entries: FormEntry[];
}

export function formPeriods(dataset: Dataset): FormPeriod[] {
  return [
    ...dataset.years.map((year) => ({ key: String(year), label: String(year) })),
    ...(dataset.meta.baseline ? [{ key: dataset.meta.baseline.key, label: dataset.meta.baseline.label }] : []),
  ];
}

/** An Excel cell as the text a CSV export would hold: formulas and dates stay recognisable, so the same rules refuse them. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return `=${(value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? ''}`;
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

function unitIdOf(dataset: Dataset, text: string): string | undefined {
  const wanted = text.trim().normalize('NFC').toLocaleLowerCase('vi');
  return dataset.units.find((u) => u.id === wanted || u.name.normalize('NFC').toLocaleLowerCase('vi') === wanted)?.id;
}

async function readXlsx(file: string, bytes: Uint8Array, dataset: Dataset): Promise<ReadForm | { problems: FormProblem[] }> {
  const at = (address: string) => `trang "${FORM_SHEET}", ô ${address}`;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { problems: [{ file, where: 'tệp', rule: 'khong-doc-duoc', message: 'không mở được tệp .xlsx (tệp hỏng hoặc không phải Excel)' }] };
  }
  const sheet = book.getWorksheet(FORM_SHEET);
  if (!sheet) return { problems: [{ file, where: 'tệp', rule: 'khong-phai-bieu-mau', message: `không có trang "${FORM_SHEET}": đây không phải biểu mẫu của trang sơ kết` }] };

  // Header: fixed columns, then a pair per period, then the note; every cell exactly as generated.
  const header: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c += 1) {
    const text = cellText(sheet.getRow(HEADER_ROW).getCell(c)).trim();
    if (text === '' && c > FIXED_COLUMNS.length) break;
    header.push(text);
  }
  const labelToKey = new Map(formPeriods(dataset).map((p) => [p.label, p.key]));
  const periods: { key: string; valueCol: number }[] = [];
  const headerProblem = (col: number, expected: string): { problems: FormProblem[] } => ({
    problems: [{
      file, where: at(`${columnLetter(col)}${HEADER_ROW}`), rule: 'tieu-de', value: header[col - 1] ?? '',
      message: `dòng tiêu đề của biểu mẫu đã bị sửa; ô này phải là "${expected}" (tải lại biểu mẫu từ trang nếu cần)`,
    }],
  });
  for (const [i, name] of FIXED_COLUMNS.entries()) if (header[i] !== name) return headerProblem(i + 1, name);
  let col = FIXED_COLUMNS.length + 1;
  while (col <= header.length && header[col - 1] !== NOTE_COLUMN) {
    const match = /^(.*) – Giá trị hoặc tử số$/.exec(header[col - 1] ?? '');
    const label = match?.[1];
    const key = label === undefined ? undefined : /^\d{4}$/.test(label) ? label : labelToKey.get(label);
    if (!label || !key) return headerProblem(col, `<năm> – Giá trị hoặc tử số`);
    if (header[col] !== `${label} – Mẫu số`) return headerProblem(col + 1, `${label} – Mẫu số`);
    periods.push({ key, valueCol: col });
    col += 2;
  }
  if (header[col - 1] !== NOTE_COLUMN || periods.length === 0) return headerProblem(col, NOTE_COLUMN);
  const noteCol = col;

  const unitText = cellText(sheet.getCell(UNIT_CELL)).trim();
  const unitId = unitText ? unitIdOf(dataset, unitText) : undefined;
  if (!unitId) {
    return {
      problems: [{
        file, where: at(UNIT_CELL), rule: unitText ? 'don-vi-khong-co' : 'o-trong', ...(unitText ? { value: unitText } : {}),
        message: unitText ? 'đơn vị không có trong danh sách đơn vị của trang (content/don-vi/)' : 'chưa ghi tên đơn vị báo cáo',
      }],
    };
  }

  // The form as a results file, with each CSV cell remembering its Excel cell.
  const kinds = resultsContext(dataset).indicatorKinds;
  const records: string[][] = [];
  const cellOf: Record<string, string>[] = [];
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const code = cellText(row.getCell(1)).trim();
    const texts = Array.from({ length: noteCol }, (_, i) => cellText(row.getCell(i + 1)).trim());
    if (texts.every((t) => t === '')) continue;
    for (const period of periods) {
      const value = texts[period.valueCol - 1] ?? '';
      const den = texts[period.valueCol] ?? '';
      const note = texts[noteCol - 1] ?? '';
      const valueCell = `${columnLetter(period.valueCol)}${r}`;
      const denCell = `${columnLetter(period.valueCol + 1)}${r}`;
      const rate = kinds.get(code) === 'rate';
      records.push([unitId, period.key, code, rate ? '' : value, rate ? value : '', den, note]);
      cellOf.push({
        don_vi: UNIT_CELL, nam: `${columnLetter(period.valueCol)}${HEADER_ROW}`, chi_tieu: `A${r}`,
        gia_tri: valueCell, tu_so: valueCell, mau_so: denCell, ghi_chu: `${columnLetter(noteCol)}${r}`,
      });
    }
  }
  const csv = toCsv(RESULT_COLUMNS, records, { neutralise: false });
  const parsed = parseResultsCsv(file, csv, resultsContext(dataset), { skipUnfilled: true });
  if (parsed.problems.length > 0) {
    return {
      problems: parsed.problems.map((p) => ({
        file,
        where: at(cellOf[p.line - 2]?.[p.columnName ?? ''] ?? `dòng ${p.line}`),
        rule: p.rule,
        ...(p.value === undefined ? {} : { value: p.value }),
        message: p.message,
      })),
    };
  }
  return entriesOf(file, unitId, parsed.rows, parsed.unfilled);
}

function readCsv(file: string, bytes: Uint8Array, dataset: Dataset): ReadForm | { problems: FormProblem[] } {
  const decoded = decodeUtf8(file, bytes);
  if ('problem' in decoded) return { problems: [{ file, where: 'tệp', rule: decoded.problem.rule, message: decoded.problem.message }] };
  const parsed = parseResultsCsv(file, decoded.text, resultsContext(dataset), { skipUnfilled: true });
  if (parsed.problems.length > 0) {
    return {
      problems: parsed.problems.map((p) => ({
        file,
        where: `dòng ${p.line}${p.column ? `, cột ${p.columnName} (ô ${columnLetter(p.column)}${p.line})` : ''}`,
        rule: p.rule,
        ...(p.value === undefined ? {} : { value: p.value }),
        message: p.message,
      })),
    };
  }
  const units = [...new Set(parsed.rows.map((r) => r.unit))];
  if (units.length !== 1) {
    return {
      problems: [{
        file, where: 'tệp', rule: units.length === 0 ? 'bieu-mau-trong' : 'nhieu-don-vi', ...(units.length > 1 ? { value: units.join(', ') } : {}),
        message: units.length === 0 ? 'biểu mẫu chưa có số liệu nào' : 'một biểu mẫu chỉ được chứa số liệu của một đơn vị',
      }],
    };
  }
  const unitId = units[0] as string;
  const foreign = parsed.unfilled.find((u) => u.unit !== '' && u.unit !== unitId);
  if (foreign) {
    return { problems: [{ file, where: `dòng ${foreign.line}`, rule: 'nhieu-don-vi', value: foreign.unit, message: 'một biểu mẫu chỉ được chứa số liệu của một đơn vị' }] };
  }
  return entriesOf(file, unitId, parsed.rows, parsed.unfilled);
}

function entriesOf(file: string, unitId: string, rows: ResultRow[], unfilled: { period: string; indicator: string }[]): ReadForm | { problems: FormProblem[] } {
  if (rows.length === 0) return { problems: [{ file, where: 'tệp', rule: 'bieu-mau-trong', message: 'biểu mẫu chưa có số liệu nào; không có gì để nhập' }] };
  const entries: FormEntry[] = [
    ...rows.map((row) => ({ period: row.period, indicator: row.indicator, row })),
    ...unfilled.map((u) => ({ period: u.period, indicator: u.indicator, row: null })),
  ];
  return { unitId, entries };
}

export async function readForm(file: string, bytes: Uint8Array, dataset: Dataset): Promise<ReadForm | { problems: FormProblem[] }> {
  if (/\.xlsx$/i.test(file)) return readXlsx(file, bytes, dataset);
  if (/\.csv$/i.test(file)) return readCsv(file, bytes, dataset);
  return { problems: [{ file, where: 'tệp', rule: 'loai-tep', message: 'chỉ nhập được tệp .xlsx hoặc .csv' }] };
}

export interface MergeResult {
  /** Results files with their new text; `changed` tells which to write. */
  files: { path: string; text: string; changed: boolean; created: boolean }[];
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

interface Span { start: number; end: number; key: string }

/** Line spans (0-based, inclusive) of each record of a results file, keyed unit|period|indicator. */
function recordSpans(text: string, delimiter: string): Span[] {
  const records = parse(text.replace(/^\ufeff/, ''), { delimiter, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    const span = { start: previousEnd, end: info.lines - 1, key: `${record[0]?.trim()}|${record[1]?.trim()}|${record[2]?.trim()}` };
    previousEnd = info.lines;
    return span;
  });
}

function serialise(row: ResultRow, delimiter: string): string {
  return csvLine([row.unit, row.period, row.indicator, row.value ?? '', row.numerator ?? '', row.denominator ?? '', row.note], { delimiter, neutralise: false });
}

/** The results files with the unit's rows for the form's lines replaced in place, added or removed. */
export function mergeForm(results: { path: string; text: string }[], form: ReadForm, resultsDir: string): MergeResult {
  const wanted = new Map(form.entries.map((e) => [`${form.unitId}|${e.period}|${e.indicator}`, e]));
  const done = new Set<string>();
  let added = 0;
  let updated = 0;
  let removed = 0;
  let unchanged = 0;
  const periodFile = new Map<string, number>();
  const out = results.map((file, index) => {
    const text = file.text;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
    const headerLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
    // The file passed validation, so its header has one kind of separator.
    const delimiter = detectDelimiter(headerLine) ?? ',';
    const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
    const trailing = lines.at(-1) === '' ? lines.pop() : undefined;
    const spans = recordSpans(text, delimiter);
    const replaced: string[][] = lines.map((line) => [line]);
    for (const span of spans.slice(1)) {
      const period = span.key.split('|')[1] ?? '';
      if (!periodFile.has(period)) periodFile.set(period, index);
      const entry = wanted.get(span.key);
      if (!entry) continue;
      const old = lines.slice(span.start, span.end + 1).join(eol);
      for (let l = span.start; l <= span.end; l += 1) replaced[l] = [];
      done.add(span.key);
      if (entry.row) {
        const line = serialise(entry.row, delimiter);
        replaced[span.start] = [line];
        if (line === old) unchanged += 1;
        else updated += 1;
      } else {
        removed += 1;
      }
    }
    return { path: file.path, bom, eol, delimiter, lines: replaced, trailing, original: text, created: false };
  });
  // Lines the unit fills for the first time go at the end of the file holding that period.
  for (const entry of form.entries) {
    const key = `${form.unitId}|${entry.period}|${entry.indicator}`;
    if (done.has(key) || !entry.row) continue;
    let target = periodFile.get(entry.period);
    if (target === undefined) {
      out.push({
        path: `${resultsDir}/${entry.period}.csv`, bom: '\ufeff', eol: '\r\n', delimiter: ',', lines: [[RESULT_COLUMNS.join(',')]], trailing: '', original: '', created: true,
      });
      target = out.length - 1;
      periodFile.set(entry.period, target);
    }
    const file = out[target]!;
    file.lines.push([serialise(entry.row, file.delimiter)]);
    added += 1;
  }
  return {
    files: out.map((f) => {
      const body = f.lines.flat().join(f.eol) + (f.trailing !== undefined ? f.eol : '');
      const text = f.bom + body;
      return { path: f.path, text, changed: text !== f.original, created: f.created };
    }),
    added, updated, removed, unchanged,
  };
}

/** Everything the import does, without touching the disk: read, check, merge, re-validate. */
export async function planImport(
  formFile: string,
  formBytes: Uint8Array,
  files: DatasetFiles,
  dataset: Dataset,
  resultsDir = 'content/so-lieu',
): Promise<{ ok: true; form: ReadForm; merge: MergeResult } | { ok: false; messages: string[] }> {
  const form = await readForm(formFile, formBytes, dataset);
  if ('problems' in form) return { ok: false, messages: form.problems.map(formatFormProblem) };
  // ignoreBOM keeps the BOM in the text, so untouched files are rewritten byte for byte.
  const texts = files.results.map((f) => ({ path: f.path, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes) }));
  const merge = mergeForm(texts, form, resultsDir);
  const results: SourceFile[] = merge.files.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) }));
  const check = validateDataset({ ...files, results });
  if (check.problems.length > 0) {
    return { ok: false, messages: ['Sau khi ghép biểu mẫu, bộ số liệu không hợp lệ; không thay đổi gì:', ...check.problems.map(formatDataProblem)] };
  }
  return { ok: true, form, merge };
}
