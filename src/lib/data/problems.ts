// A problem found in a data file, worded for the office's data owners: which file, which line and
// column, which rule, which value, and what to do.
export interface DataProblem {
  file: string;
  /** 1-based line; 0 when the problem is the file as a whole (a folder named .csv, a file too large). */
  line: number;
  /** 1-based column in a CSV file, with the header name. */
  column?: number;
  columnName?: string;
  /** For YAML files: the field path. */
  field?: string;
  rule: string;
  /** The offending cell or field value, as written. */
  value?: string;
  message: string;
}

/** Longest value shown whole in a message; a longer one is cut to SHOWN_CHARS and its length given. */
export const MAX_SHOWN_CHARS = 80;
const SHOWN_CHARS = 60;

// Control characters would be invisible, or (ESC) drive the terminal the message is printed on.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A character's code as messages name it: "U+001B". */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Control characters made visible ("<U+0000>"); for file names and values in messages. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => `<${codePointName(c)}>`);
}

/**
 * Any value shown in a message, quoted and on one line: line breaks as "↵", control characters by
 * their code, and a value longer than MAX_SHOWN_CHARS cut after SHOWN_CHARS with its whole length
 * given, so a million-character cell still gives a one-line message.
 */
export function shownValue(value: string): string {
  const chars = [...visibleControls(value.replace(/\r\n|[\r\n\u2028\u2029]/g, '↵'))];
  if (chars.length <= MAX_SHOWN_CHARS) return `"${chars.join('')}"`;
  return `"${chars.slice(0, SHOWN_CHARS).join('')}…" (dài ${[...value].length.toLocaleString('vi-VN')} ký tự)`;
}

export function formatDataProblem(p: DataProblem): string {
  const where = `${visibleControls(p.file)}${p.line > 0 ? `:${p.line}` : ''}${p.column === undefined ? '' : `:${p.column}`}`;
  const what = p.columnName ? ` (cột ${p.columnName})` : p.field ? ` (${p.field})` : '';
  const value = p.value === undefined ? '' : ` — giá trị ${shownValue(p.value)}`;
  return `${where}${what}: ${p.message}${value} (quy tắc: ${p.rule})`;
}

export function formatDataProblems(problems: DataProblem[]): string {
  return problems.map(formatDataProblem).join('\n');
}

export class DataValidationError extends Error {
  readonly problems: DataProblem[];
  constructor(problems: DataProblem[]) {
    super(`Số liệu không hợp lệ (${problems.length} lỗi), không xuất bản trang nào:\n${formatDataProblems(problems)}`);
    this.problems = problems;
    this.name = 'DataValidationError';
  }
}
