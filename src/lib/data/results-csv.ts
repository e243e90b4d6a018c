// Reads one results file (content/so-lieu/*.csv): one row per unit × year × indicator.
// Decisions on what spreadsheets in Vietnam export, each explicit (see README, "Số liệu"):
//   UTF-8 BOM: accepted (Excel's "CSV UTF-8" writes it). Other encodings: rejected.
//   CRLF line ends: accepted. Separator: "," or ";" (Excel with Vietnamese regional settings
//   writes ";"), detected from the header line; one file uses one separator.
//   "1.234" or "1 234" (thousands separators), "12,5" or "12.5" (decimals), "70%" and formulas:
//   rejected, never guessed — every figure is a whole number; a rate is given as numerator and
//   denominator. Rows whose cells are all empty carry no data and are skipped.
import { csvRecords, type CsvRecord } from './csv-records.ts';
import type { DataProblem } from './problems.ts';

export const RESULT_COLUMNS = ['don_vi', 'nam', 'chi_tieu', 'gia_tri', 'tu_so', 'mau_so', 'ghi_chu'] as const;
type Column = (typeof RESULT_COLUMNS)[number];

export interface ResultRow {
  unit: string;
  /** A year ("2019") or the dataset's baseline key (previous term). */
  period: string;
  indicator: string;
  /** Counts. */
  value?: number;
  /** Rates. */
  numerator?: number;
  denominator?: number;
  note: string;
  file: string;
  line: number;
}

export interface ResultsContext {
  unitIds: ReadonlySet<string>;
  /** Indicator id → kind. */
  indicatorKinds: ReadonlyMap<string, 'count' | 'rate'>;
  term: { from: number; to: number };
  baselineKey?: string;
}

type Parsed = { ok: true; value: number } | { ok: false; rule: string; message: string };

/** A whole number ≥ 0 written as plain digits; everything else is refused with the reason. */
export function parseWholeNumber(raw: string): Parsed {
  const text = raw.trim();
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, rule: 'so-qua-lon', message: 'số quá lớn' };
  }
  if (/^-\s*\d/.test(text)) return { ok: false, rule: 'so-khong-am', message: 'số âm không hợp lệ: số liệu phải lớn hơn hoặc bằng 0' };
  if (/^[=+@]/.test(text) || /^-[^\d]/.test(text)) return { ok: false, rule: 'cong-thuc', message: 'ô chứa công thức hoặc ký tự đầu dòng không hợp lệ; hãy ghi giá trị số' };
  if (/^\d{1,3}([.\u00a0 ]\d{3})+$/.test(text)) {
    return { ok: false, rule: 'dau-phan-cach-hang-nghin', message: 'số có dấu phân cách hàng nghìn; hãy ghi số liền, không dấu chấm hay khoảng trắng (ví dụ 1234)' };
  }
  if (/^\d+[.,]\d+$/.test(text)) {
    return { ok: false, rule: 'so-nguyen', message: 'số liệu phải là số nguyên, không có phần thập phân (tỷ lệ ghi bằng tử số và mẫu số)' };
  }
  if (/%\s*$/.test(text)) return { ok: false, rule: 'khong-ghi-phan-tram', message: 'không ghi tỷ lệ phần trăm; hãy ghi tử số (tu_so) và mẫu số (mau_so)' };
  return { ok: false, rule: 'khong-phai-so', message: 'không phải là số nguyên' };
}

/** The separator a header line uses: "," or ";", null when it has neither or both. */
export function detectDelimiter(headerLine: string): ',' | ';' | null {
  const commas = headerLine.split(',').length - 1;
  const semicolons = headerLine.split(';').length - 1;
  if (semicolons > 0 && commas === 0) return ';';
  if (commas > 0 && semicolons === 0) return ',';
  return null;
}

/** Decodes bytes as UTF-8 (BOM removed), or explains that the file is in another encoding. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: DataProblem } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return {
      problem: {
        file, line: 1, rule: 'ma-hoa-utf8',
        message: 'tệp không phải UTF-8 (có thể đã lưu bằng bảng mã Windows); trong Excel hãy chọn "Lưu thành" → "CSV UTF-8"',
      },
    };
  }
}

/** The line where a quoted cell opens and never closes (the parser only knows where it gave up). */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  for (const char of text) {
    if (char === '"') {
      if (!quoted) openedAt = line;
      quoted = !quoted;
    } else if (char === '\n') line += 1;
  }
  return quoted ? openedAt : line;
}

export interface ParseOptions {
  /**
   * Forms (issue of the report kit): a line whose gia_tri, tu_so and mau_so are all empty is a
   * line the unit did not fill in ("chưa báo cáo") and is skipped. Committed files never use this.
   */
  skipUnfilled?: boolean;
}

/** A form line left blank: the unit has not reported this indicator for this period. */
export interface UnfilledLine {
  unit: string;
  period: string;
  indicator: string;
  line: number;
}

export function parseResultsCsv(
  file: string,
  input: string,
  context: ResultsContext,
  options: ParseOptions = {},
): { rows: ResultRow[]; problems: DataProblem[]; unfilled: UnfilledLine[] } {
  const text = input.replace(/^\ufeff/, '');
  const problems: DataProblem[] = [];
  const rows: ResultRow[] = [];
  const unfilled: UnfilledLine[] = [];
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(headerLine);
  if (!delimiter) {
    return {
      rows,
      unfilled,
      problems: [{ file, line: 1, rule: 'tieu-de', value: headerLine, message: `dòng tiêu đề phải là ${RESULT_COLUMNS.join(',')} (phân cách bằng dấu phẩy hoặc dấu chấm phẩy, không lẫn cả hai)` }],
    };
  }
  let records: CsvRecord[];
  try {
    records = csvRecords(new TextEncoder().encode(text), delimiter);
  } catch (error) {
    const e = error as { lines?: number; code?: string; message: string };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      return { rows, unfilled, problems: [{ file, line: unclosedQuoteLine(text), rule: 'csv', message: 'không đọc được tệp CSV: dấu ngoặc kép mở ở dòng này không được đóng' }] };
    }
    return { rows, unfilled, problems: [{ file, line: e.lines ?? 1, rule: 'csv', message: `không đọc được tệp CSV: ${e.message}` }] };
  }
  const [header, ...body] = records;
  const headerCells = (header?.cells ?? []).map((cell) => cell.trim());
  const headerOk = headerCells.length === RESULT_COLUMNS.length && RESULT_COLUMNS.every((name, i) => headerCells[i] === name);
  if (!headerOk) {
    const firstWrong = RESULT_COLUMNS.findIndex((name, i) => headerCells[i] !== name);
    const column = firstWrong === -1 ? RESULT_COLUMNS.length + 1 : firstWrong + 1;
    return {
      rows,
      unfilled,
      problems: [{
        file, line: 1, column, rule: 'tieu-de', value: headerCells[column - 1] ?? '',
        message: `dòng tiêu đề phải đúng ${RESULT_COLUMNS.length} cột theo thứ tự ${RESULT_COLUMNS.join(delimiter)}; cột ${column} ${headerCells[column - 1] === undefined ? 'bị thiếu' : 'không đúng'}${RESULT_COLUMNS[column - 1] ? ` (cần "${RESULT_COLUMNS[column - 1]}")` : ' (thừa cột)'}`,
      }],
    };
  }

  for (const { cells: record, line } of body) {
    if (record.every((cell) => cell.trim() === '')) continue;
    const problem = (column: Column, rule: string, message: string, value?: string) =>
      problems.push({ file, line, column: RESULT_COLUMNS.indexOf(column) + 1, columnName: column, rule, message, ...(value === undefined ? {} : { value }) });
    if (record.length !== RESULT_COLUMNS.length) {
      problems.push({ file, line, rule: 'so-cot', value: record.join(delimiter), message: `dòng có ${record.length} ô, cần đúng ${RESULT_COLUMNS.length} ô (${RESULT_COLUMNS.join(delimiter)})` });
      continue;
    }
    const cell = Object.fromEntries(RESULT_COLUMNS.map((name, i) => [name, (record[i] ?? '').trim()])) as Record<Column, string>;
    if (options.skipUnfilled && cell.gia_tri === '' && cell.tu_so === '' && cell.mau_so === '') {
      unfilled.push({ unit: cell.don_vi, period: cell.nam, indicator: cell.chi_tieu, line });
      continue;
    }
    let valid = true;
    const fail = (column: Column, rule: string, message: string, value?: string) => {
      valid = false;
      problem(column, rule, message, value);
    };

    for (const column of ['don_vi', 'nam', 'chi_tieu'] as const) {
      if (cell[column] === '') fail(column, 'o-trong', 'ô không được để trống');
    }
    if (cell.don_vi && !context.unitIds.has(cell.don_vi)) fail('don_vi', 'don-vi-khong-co', 'đơn vị không có trong content/don-vi/ (ghi mã đơn vị, là tên tệp không có đuôi .yaml)', cell.don_vi);
    const kind = context.indicatorKinds.get(cell.chi_tieu);
    if (cell.chi_tieu && !kind) fail('chi_tieu', 'chi-tieu-khong-co', 'chỉ tiêu không có trong content/chi-tieu/ (ghi mã chỉ tiêu, là tên tệp không có đuôi .yaml)', cell.chi_tieu);
    if (cell.nam) {
      if (cell.nam === context.baselineKey) {
        // previous-term comparison row
      } else if (!/^\d{4}$/.test(cell.nam)) {
        fail('nam', 'nam-khong-hop-le', `năm phải có 4 chữ số${context.baselineKey ? ` hoặc là "${context.baselineKey}" (số liệu nhiệm kỳ trước)` : ''}`, cell.nam);
      } else if (Number(cell.nam) < context.term.from || Number(cell.nam) > context.term.to) {
        fail('nam', 'nam-ngoai-nhiem-ky', `năm nằm ngoài nhiệm kỳ ${context.term.from} – ${context.term.to}`, cell.nam);
      }
    }

    const numberCell = (column: 'gia_tri' | 'tu_so' | 'mau_so'): number | undefined => {
      if (cell[column] === '') {
        fail(column, 'o-trong', 'ô không được để trống');
        return undefined;
      }
      const parsed = parseWholeNumber(cell[column]);
      if (!parsed.ok) {
        fail(column, parsed.rule, parsed.message, cell[column]);
        return undefined;
      }
      return parsed.value;
    };
    const row: ResultRow = { unit: cell.don_vi, period: cell.nam, indicator: cell.chi_tieu, note: cell.ghi_chu, file, line };
    if (kind === 'count') {
      row.value = numberCell('gia_tri');
      for (const column of ['tu_so', 'mau_so'] as const) {
        if (cell[column] !== '') fail(column, 'dem-khong-tu-mau', 'chỉ tiêu đếm chỉ ghi gia_tri; để trống tu_so và mau_so', cell[column]);
      }
    } else if (kind === 'rate') {
      if (cell.gia_tri !== '') fail('gia_tri', 'ty-le-khong-gia-tri', 'chỉ tiêu tỷ lệ ghi tu_so và mau_so; để trống gia_tri (trang tự tính tỷ lệ)', cell.gia_tri);
      row.numerator = numberCell('tu_so');
      row.denominator = numberCell('mau_so');
      if (row.denominator === 0) fail('mau_so', 'mau-so-duong', 'mẫu số phải lớn hơn 0', cell.mau_so);
      if (row.numerator !== undefined && row.denominator !== undefined && row.numerator > row.denominator) {
        fail('tu_so', 'tu-so-vuot-mau-so', `tử số lớn hơn mẫu số (${cell.mau_so})`, cell.tu_so);
      }
    }
    if (valid) rows.push(row);
  }
  return { rows, problems, unfilled };
}
