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

/** 1-based line of each offset in `offsets` (ascending), with CRLF, LF and lone CR each one break. */
function linesAt(bytes: Uint8Array, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let i = 0;
  for (const offset of offsets) {
    for (; i < offset && i < bytes.length; i += 1) {
      const b = bytes[i];
      if (b === 0x0a) line += 1;
      else if (b === 0x0d && bytes[i + 1] !== 0x0a) line += 1;
    }
    out.push(line);
  }
  return out;
}

/**
 * Every record of a CSV file with its byte span and line. Throws csv-parse's error for text it
 * cannot read (an unclosed quote, …); callers turn that into a message for the data owner.
 */
export function csvRecords(bytes: Uint8Array, delimiter: string): CsvRecord[] {
  const skip = hasBom(bytes) ? BOM.length : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip);
  const parsed = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true, bom: false }) as unknown as { record: string[]; info: { bytes: number } }[];
  const starts: number[] = [];
  let previous = skip;
  const spans = parsed.map(({ record, info }) => {
    const span = { cells: record, start: previous, end: info.bytes + skip };
    starts.push(previous);
    previous = span.end;
    return span;
  });
  const lines = linesAt(bytes, starts);
  return spans.map((span, i) => ({ ...span, line: lines[i] ?? 1 }));
}
