// Reads one results file (content/so-lieu/*.csv): one row per unit × year × indicator.
// Decisions on what spreadsheets in Vietnam export, each explicit (see README, "Số liệu"):
//   UTF-8 BOM: accepted (Excel's "CSV UTF-8" writes it). Other encodings: rejected.
//   CRLF line ends: accepted. Separator: "," or ";" (Excel with Vietnamese regional settings
//   writes ";"), detected from the header line; one file uses one separator.
//   "1.234" or "1 234" (thousands separators), "12,5" or "12.5" (decimals), "70%" and formulas:
//   rejected, never guessed — every figure is a whole number; a rate is given as numerator and
//   denominator. Rows whose cells are all empty carry no data and are skipped.
import { csvRecords, TooManyRecords, type CsvRecord } from './csv-records.ts';
import type { Problem } from '../problems/problem.ts';
import { findUnsafeCharacter } from '../text/unsafe-characters.ts';
import type { RuleId } from '../problems/rules.ts';

export const RESULT_COLUMNS = ['don_vi', 'nam', 'chi_tieu', 'gia_tri', 'tu_so', 'mau_so', 'ghi_chu'] as const;
type Column = (typeof RESULT_COLUMNS)[number];

export interface ResultRow {
  unit: string;
  /** A year ("2025") or the dataset's baseline key (previous term). */
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

type Parsed = { ok: true; value: number } | { ok: false; rule: RuleId; message: string };

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

/** Byte offset of the first byte that is not part of valid UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (more === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= more; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}

/**
 * UTF-16 (Excel's "Unicode Text"), with or without its byte-order mark. Without one, text in
 * UTF-16 has a zero byte beside nearly every Latin letter and digit; real UTF-8 text has none.
 */
export function looksUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  return Math.max(even, odd) >= (sample / 2) * 0.3;
}

const UTF8_HINT = 'trong Excel hãy chọn "Lưu thành" → "CSV UTF-8"';

/** Decodes bytes as UTF-8 (BOM removed), or explains that the file is in another encoding, and where. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  if (looksUtf16(bytes)) {
    return {
      problem: {
        file, line: 0, rule: 'ma-hoa-utf8',
        message: `tệp được lưu bằng bảng mã UTF-16 (Excel gọi là "Unicode Text"), không phải UTF-8; ${UTF8_HINT}`,
      },
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i += 1) {
      if (bytes[i] === 0x0a) {
        line += 1;
        lineStart = i + 1;
      }
    }
    const detail = at < 0
      ? ''
      : `: byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')} ở ký tự thứ ${[...new TextDecoder().decode(bytes.subarray(lineStart, at))].length + 1} của dòng`;
    return {
      problem: {
        file, line: at < 0 ? 1 : line, rule: 'ma-hoa-utf8',
        message: `tệp không phải UTF-8 (có thể đã lưu bằng bảng mã Windows)${detail}; ${UTF8_HINT}`,
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

/** Rows (lines that are not blank) a results file may hold: the benchmark's year file has 10,000. */
export const MAX_ROWS = 100_000;
/** Characters a cell may hold: a note is a sentence or two, not a report. */
export const MAX_CELL_CHARS = 2000;

// csv-parse's own messages are English; each error it can raise here is told in Vietnamese.
const CSV_ERRORS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'dấu ngoặc kép nằm giữa ô; ô có dấu ngoặc kép phải được bao trọn trong ngoặc kép, mỗi dấu ngoặc kép bên trong viết hai lần ("")',
  CSV_INVALID_CLOSING_QUOTE: 'sau dấu ngoặc kép đóng ô phải là dấu phân cách hoặc xuống dòng; dấu ngoặc kép bên trong ô phải viết hai lần ("")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'sau dấu ngoặc kép đóng ô phải là dấu phân cách hoặc xuống dòng; dấu ngoặc kép bên trong ô phải viết hai lần ("")',
  CSV_MAX_RECORD_SIZE: 'dòng quá dài',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'số ô của dòng khác dòng tiêu đề',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'số ô của dòng khác dòng tiêu đề',
};

export function csvProblem(file: string, text: string, error: unknown): Problem {
  if (error instanceof TooManyRecords) {
    return {
      file, line: error.line, rule: 'qua-nhieu-dong',
      message: `tệp có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng số liệu (gấp 10 lần tệp một năm của 200 đơn vị × 50 chỉ tiêu); hãy tách theo năm hoặc kiểm tra tệp có bị lỗi khi lưu`,
    };
  }
  const e = error as { lines?: number; code?: string; column?: unknown };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return { file, line: unclosedQuoteLine(text), rule: 'csv', message: 'không đọc được tệp CSV: dấu ngoặc kép mở ở dòng này không được đóng' };
  }
  const known = e.code === undefined ? undefined : CSV_ERRORS[e.code];
  const column = typeof e.column === 'number' ? e.column + 1 : undefined;
  return {
    file, line: e.lines ?? 1, rule: 'csv',
    ...(column === undefined ? {} : { column, columnName: RESULT_COLUMNS[column - 1] ?? String(column) }),
    message: `không đọc được tệp CSV: ${known ?? 'cấu trúc ô và dấu ngoặc kép không hợp lệ'}`,
  };
}

// Tab, CR and LF may stand in a note (Excel's Alt+Enter); every other control character is
// invisible in a spreadsheet and would be published as is, and so would a bidi override (a note
// showing "12" as "21"), a zero-width character, or U+FFFE (src/lib/text/unsafe-characters.ts).

/**
 * Cells too long to be data, and control characters: each is reported at its line (counted
 * within a quoted cell's line breaks) and cell. True when the record has any, so that its other
 * checks are skipped.
 */
function cellTextProblems(file: string, line: number, record: string[], problems: Problem[]): boolean {
  let found = false;
  let lineOfCell = line;
  record.forEach((cell, i) => {
    const where = { file, column: i + 1, columnName: RESULT_COLUMNS[i] ?? String(i + 1) };
    const length = cell.length > MAX_CELL_CHARS ? [...cell].length : 0;
    if (length > MAX_CELL_CHARS) {
      found = true;
      problems.push({
        ...where, line: lineOfCell, rule: 'o-qua-dai', actual: cell,
        message: `ô dài ${length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự của một ô; ghi chú dài hãy đưa vào văn bản báo cáo`,
      });
    } else {
      const unsafe = findUnsafeCharacter(cell);
      if (unsafe) {
        found = true;
        const before = cell.slice(0, unsafe.index);
        const position = `ở ký tự thứ ${[...before].length + 1}`;
        problems.push({
          ...where, line: lineOfCell + lineBreaks(before), actual: cell,
          ...(unsafe.kind === 'control'
            ? { rule: 'ky-tu-dieu-khien', message: `ô có ký tự điều khiển ${unsafe.codePoint} ${position} (ký tự vô hình, thường do chép từ phần mềm khác); hãy xoá ký tự này` }
            : { rule: 'ky-tu-khong-hop-le', message: `ô có ${unsafe.description}, ${position} (thường do chép từ phần mềm khác); hãy xoá ký tự này` }),
        });
      }
    }
    lineOfCell += lineBreaks(cell);
  });
  return found;
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
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
): { rows: ResultRow[]; problems: Problem[]; unfilled: UnfilledLine[] } {
  const text = input.replace(/^\ufeff/, '');
  const problems: Problem[] = [];
  const rows: ResultRow[] = [];
  const unfilled: UnfilledLine[] = [];
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(headerLine);
  if (!delimiter) {
    return {
      rows,
      unfilled,
      problems: [{ file, line: 1, rule: 'tieu-de', actual: headerLine, message: `dòng tiêu đề phải là ${RESULT_COLUMNS.join(',')} (phân cách bằng dấu phẩy hoặc dấu chấm phẩy, không lẫn cả hai)` }],
    };
  }
  let records: CsvRecord[];
  try {
    // Blank records are dropped as they are read, so a file of blank lines costs no memory.
    records = csvRecords(new TextEncoder().encode(text), delimiter, { skipBlank: true, maxRecords: MAX_ROWS + 1 });
  } catch (error) {
    return { rows, unfilled, problems: [csvProblem(file, text, error)] };
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
        // The column's name: the one expected there, or its number past the last (never "undefined").
        file, line: 1, column, columnName: RESULT_COLUMNS[column - 1] ?? String(column), rule: 'tieu-de', actual: headerCells[column - 1] ?? '',
        message: `dòng tiêu đề phải đúng ${RESULT_COLUMNS.length} cột theo thứ tự ${RESULT_COLUMNS.join(delimiter)}; cột ${column} ${headerCells[column - 1] === undefined ? 'bị thiếu' : 'không đúng'}${RESULT_COLUMNS[column - 1] ? ` (cần "${RESULT_COLUMNS[column - 1]}")` : ' (thừa cột)'}`,
      }],
    };
  }

  for (const { cells: record, line } of body) {
    if (cellTextProblems(file, line, record, problems)) continue;
    const problem = (column: Column, rule: RuleId, message: string, value?: string) =>
      problems.push({ file, line, column: RESULT_COLUMNS.indexOf(column) + 1, columnName: column, rule, message, ...(value === undefined ? {} : { actual: value }) });
    if (record.length !== RESULT_COLUMNS.length) {
      problems.push({ file, line, rule: 'so-cot', actual: record.join(delimiter), message: `dòng có ${record.length} ô, cần đúng ${RESULT_COLUMNS.length} ô (${RESULT_COLUMNS.join(delimiter)})` });
      continue;
    }
    const cell = Object.fromEntries(RESULT_COLUMNS.map((name, i) => [name, (record[i] ?? '').trim()])) as Record<Column, string>;
    if (options.skipUnfilled && cell.gia_tri === '' && cell.tu_so === '' && cell.mau_so === '') {
      unfilled.push({ unit: cell.don_vi, period: cell.nam, indicator: cell.chi_tieu, line });
      continue;
    }
    let valid = true;
    const fail = (column: Column, rule: RuleId, message: string, value?: string) => {
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
