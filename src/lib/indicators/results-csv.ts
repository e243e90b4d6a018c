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
import { messageOf, problem, type MessageValues, type WordedRule } from '../problems/messages.ts';

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

export type Parsed = { ok: true; value: number } | { ok: false; rule: RuleId; message: string };
/** The rules a whole number can break. */
type NumberRule = 'so-qua-lon' | 'so-khong-am' | 'cong-thuc' | 'dau-phan-cach-hang-nghin' | 'so-nguyen' | 'khong-ghi-phan-tram' | 'khong-phai-so';

/** A value refused under `rule`, its reason worded by the catalogue. */
export function refused<R extends WordedRule>(rule: R, values: MessageValues<R>): Parsed {
  return { ok: false, rule, message: messageOf(rule, values) };
}

/**
 * A whole number ≥ 0 written as plain digits; everything else is refused with the reason (worded
 * for a count's target when `target`).
 */
export function parseWholeNumber(raw: string, values: { target?: boolean } = {}): Parsed {
  const text = raw.trim();
  const refuse = (rule: NumberRule) => refused(rule, values);
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? { ok: true, value } : refuse('so-qua-lon');
  }
  if (/^-\s*\d/.test(text)) return refuse('so-khong-am');
  if (/^[=+@]/.test(text) || /^-[^\d]/.test(text)) return refuse('cong-thuc');
  if (/^\d{1,3}([.\u00a0 ]\d{3})+$/.test(text)) return refuse('dau-phan-cach-hang-nghin');
  if (/^\d+[.,]\d+$/.test(text)) return refuse('so-nguyen');
  if (/%\s*$/.test(text)) return refuse('khong-ghi-phan-tram');
  return refuse('khong-phai-so');
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

/** Decodes bytes as UTF-8 (BOM removed), or explains that the file is in another encoding, and where. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  if (looksUtf16(bytes)) {
    return { problem: problem('ma-hoa-utf8', { utf16: true }, { file, line: 0 }) };
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
    const where = at < 0 ? {} : { byte: bytes[at]!, char: [...new TextDecoder().decode(bytes.subarray(lineStart, at))].length + 1 };
    return { problem: problem('ma-hoa-utf8', where, { file, line: at < 0 ? 1 : line }) };
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

export function csvProblem(file: string, text: string, error: unknown): Problem {
  if (error instanceof TooManyRecords) {
    return problem('qua-nhieu-dong', { max: MAX_ROWS }, { file, line: error.line });
  }
  const e = error as { lines?: number; code?: string; column?: unknown };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return problem('csv', { unclosedQuote: true }, { file, line: unclosedQuoteLine(text) });
  }
  const column = typeof e.column === 'number' ? e.column + 1 : undefined;
  return problem('csv', e.code === undefined ? {} : { code: e.code }, {
    file, line: e.lines ?? 1,
    ...(column === undefined ? {} : { column, columnName: RESULT_COLUMNS[column - 1] ?? String(column) }),
  });
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
      problems.push(problem('o-qua-dai', { length, max: MAX_CELL_CHARS }, { ...where, line: lineOfCell, actual: cell }));
    } else {
      const unsafe = findUnsafeCharacter(cell);
      if (unsafe) {
        found = true;
        const before = cell.slice(0, unsafe.index);
        const at = { ...where, line: lineOfCell + lineBreaks(before), actual: cell };
        const char = [...before].length + 1;
        problems.push(unsafe.kind === 'control'
          ? problem('ky-tu-dieu-khien', { in: 'cell', char, codePoint: unsafe.codePoint }, at)
          : problem('ky-tu-khong-hop-le', { in: 'cell', char, description: unsafe.description }, at));
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
      problems: [problem('tieu-de', { columns: RESULT_COLUMNS, noDelimiter: true }, { file, line: 1, actual: headerLine })],
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
      problems: [problem('tieu-de', { columns: RESULT_COLUMNS, delimiter, column, missing: headerCells[column - 1] === undefined }, {
        // The column's name: the one expected there, or its number past the last (never "undefined").
        file, line: 1, column, columnName: RESULT_COLUMNS[column - 1] ?? String(column), actual: headerCells[column - 1] ?? '',
      })],
    };
  }

  for (const { cells: record, line } of body) {
    if (cellTextProblems(file, line, record, problems)) continue;
    if (record.length !== RESULT_COLUMNS.length) {
      problems.push(problem('so-cot', { cells: record.length, columns: RESULT_COLUMNS, delimiter }, { file, line, actual: record.join(delimiter) }));
      continue;
    }
    const cell = Object.fromEntries(RESULT_COLUMNS.map((name, i) => [name, (record[i] ?? '').trim()])) as Record<Column, string>;
    if (options.skipUnfilled && cell.gia_tri === '' && cell.tu_so === '' && cell.mau_so === '') {
      unfilled.push({ unit: cell.don_vi, period: cell.nam, indicator: cell.chi_tieu, line });
      continue;
    }
    let valid = true;
    /** A problem of this cell, worded by the catalogue (or already worded: a number's reason). */
    const failWith = (column: Column, found: { rule: RuleId; message: string }, value?: string) => {
      valid = false;
      problems.push({ file, line, column: RESULT_COLUMNS.indexOf(column) + 1, columnName: column, rule: found.rule, message: found.message, ...(value === undefined ? {} : { actual: value }) });
    };
    const fail = <R extends WordedRule>(column: Column, rule: R, values: MessageValues<R>, value?: string) => failWith(column, { rule, message: messageOf(rule, values) }, value);

    for (const column of ['don_vi', 'nam', 'chi_tieu'] as const) {
      if (cell[column] === '') fail(column, 'o-trong', {});
    }
    if (cell.don_vi && !context.unitIds.has(cell.don_vi)) fail('don_vi', 'don-vi-khong-co', {}, cell.don_vi);
    const kind = context.indicatorKinds.get(cell.chi_tieu);
    if (cell.chi_tieu && !kind) fail('chi_tieu', 'chi-tieu-khong-co', {}, cell.chi_tieu);
    if (cell.nam) {
      if (cell.nam === context.baselineKey) {
        // previous-term comparison row
      } else if (!/^\d{4}$/.test(cell.nam)) {
        fail('nam', 'nam-khong-hop-le', context.baselineKey ? { baselineKey: context.baselineKey } : {}, cell.nam);
      } else if (Number(cell.nam) < context.term.from || Number(cell.nam) > context.term.to) {
        fail('nam', 'nam-ngoai-nhiem-ky', { term: context.term }, cell.nam);
      }
    }

    const numberCell = (column: 'gia_tri' | 'tu_so' | 'mau_so'): number | undefined => {
      if (cell[column] === '') {
        fail(column, 'o-trong', {});
        return undefined;
      }
      const parsed = parseWholeNumber(cell[column]);
      if (!parsed.ok) {
        failWith(column, parsed, cell[column]);
        return undefined;
      }
      return parsed.value;
    };
    const row: ResultRow = { unit: cell.don_vi, period: cell.nam, indicator: cell.chi_tieu, note: cell.ghi_chu, file, line };
    if (kind === 'count') {
      row.value = numberCell('gia_tri');
      for (const column of ['tu_so', 'mau_so'] as const) {
        if (cell[column] !== '') fail(column, 'dem-khong-tu-mau', { csv: true }, cell[column]);
      }
    } else if (kind === 'rate') {
      if (cell.gia_tri !== '') fail('gia_tri', 'ty-le-khong-gia-tri', {}, cell.gia_tri);
      row.numerator = numberCell('tu_so');
      row.denominator = numberCell('mau_so');
      if (row.denominator === 0) fail('mau_so', 'mau-so-duong', {}, cell.mau_so);
      if (row.numerator !== undefined && row.denominator !== undefined && row.numerator > row.denominator) {
        fail('tu_so', 'tu-so-vuot-mau-so', { denominator: cell.mau_so }, cell.tu_so);
      }
    }
    if (valid) rows.push(row);
  }
  return { rows, problems, unfilled };
}
