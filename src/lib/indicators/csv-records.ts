// The one line model for results files: where each CSV record starts and ends (UTF-8 byte offsets,
// terminator included) and on which line it starts. The validator's line numbers and the import's
// in-place edits both come from here, so they cannot disagree. A line break is CRLF, LF or a lone
// CR, counted once each — inside a quoted note (an Excel Alt+Enter) as anywhere else; csv-parse's
// own `info.lines` counts a quoted CRLF twice, which is why it is not used for lines.
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  cells: string[];
  /** Byte offset of the record's first byte in the file (after a BOM, if any). */
  start: number;
  /** Byte offset just past the record's terminator (or the end of the file). */
  end: number;
  /** 1-based line on which the record starts. */
  line: number;
}

const BOM = [0xef, 0xbb, 0xbf];

export function hasBom(bytes: Uint8Array): boolean {
  return BOM.every((b, i) => bytes[i] === b);
}

/** More records than the caller allows: reading stopped at `line`. */
export class TooManyRecords extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`more than the allowed records, at line ${line}`);
    this.line = line;
  }
}

export interface RecordOptions {
  /**
   * Leave out records whose cells are all blank (after the first): they carry no data, and a file
   * of millions of blank lines then costs no memory. Their bytes still lie between the spans.
   */
  skipBlank?: boolean;
  /** Stop with TooManyRecords past this many records kept. */
  maxRecords?: number;
}

/**
 * Every record of a CSV file with its byte span and line, in order. Throws csv-parse's error for
 * text it cannot read (an unclosed quote, …); callers turn that into a message for the data owner.
 */
export function csvRecords(bytes: Uint8Array, delimiter: string, options: RecordOptions = {}): CsvRecord[] {
  const skip = hasBom(bytes) ? BOM.length : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip);
  const out: CsvRecord[] = [];
  let previous = skip;
  // Lines are counted as the records come, so the count is one pass over the bytes.
  let line = 1;
  let scanned = 0;
  const lineAt = (offset: number) => {
    for (; scanned < offset && scanned < bytes.length; scanned += 1) {
      const b = bytes[scanned];
      if (b === 0x0a || (b === 0x0d && bytes[scanned + 1] !== 0x0a)) line += 1;
    }
    return line;
  };
  parse(body, {
    delimiter, relax_column_count: true, skip_empty_lines: false, bom: false,
    on_record: (cells: string[], context: { bytes: number }) => {
      const start = previous;
      const end = context.bytes + skip;
      previous = end;
      if (options.skipBlank && out.length > 0 && cells.every((cell) => cell.trim() === '')) return null;
      const record = { cells, start, end, line: lineAt(start) };
      if (options.maxRecords !== undefined && out.length >= options.maxRecords) throw new TooManyRecords(record.line);
      out.push(record);
      return null;
    },
  });
  return out;
}
