// The one shape of every problem the site's checks find in content, data files and forms, and the
// one formatter that words it for an editor: where (file:line:column, or the form's sheet and
// cell), which field or column, what is wrong, the value, what to do, and the rule's permanent id
// (catalogued in rules.ts, listed in the README). Modelled on vfile-message (ruleId, actual,
// expected, url) so a problem can also be read by a program.
import type { RuleId } from './rules.ts';
import { findUnsafeCharacters } from '../text/unsafe-characters.ts';

export interface Problem {
  /** The rule's permanent id (rules.ts), printed as "(quy tắc: …)". */
  rule: RuleId;
  /** Path relative to the project ("content/so-lieu/2019.csv"), or the form's file name. */
  file: string;
  /** 1-based line; absent (or 0) when the problem is the file as a whole. */
  line?: number;
  /** 1-based column on that line. */
  column?: number;
  /**
   * A place in a form instead of a line: its sheet and cell ('trang "Biểu mẫu", ô E7'), a CSV
   * form's line and column ('dòng 5, cột gia_tri (ô D5)'), or 'tệp' for the whole form.
   */
  place?: string;
  /** Field path in a YAML text ("schedule[4].end"), or "(YAML)", "(tệp)", "(nội dung MDX)". */
  field?: string;
  /** Header name of a CSV column ("gia_tri"). */
  columnName?: string;
  /** The offending value as written; shown on one line, quoted, shortened (shownValue). */
  actual?: string;
  /** What the rule expects there, when one value (or list) is expected. */
  expected?: string;
  /** What is wrong, in Vietnamese. */
  message: string;
  /** What to do about it, when the message does not already say. */
  fix?: string;
}

/** Longest value shown whole in a message; a longer one is cut to SHOWN_CHARS and its length given. */
export const MAX_SHOWN_CHARS = 80;
const SHOWN_CHARS = 60;

/** A character's code as messages name it: "U+001B". */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Control characters made visible ("<U+0000>"); for file names and values in messages. So are the
 * other characters no text field may hold (src/lib/text/unsafe-characters.ts): an ESC would drive
 * the terminal, a bidi override would show the message's digits reversed, a zero-width one nothing.
 */
export function visibleControls(text: string): string {
  const found = findUnsafeCharacters(text);
  if (found.length === 0) return text;
  let out = '';
  let from = 0;
  // Each such character is one UTF-16 unit (a lone surrogate too).
  for (const c of found) {
    out += `${text.slice(from, c.index)}<${c.codePoint}>`;
    from = c.index + 1;
  }
  return out + text.slice(from);
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

/**
 * One problem on one line:
 *   content/van-ban/x.mdx:61: schedule[4].end: <message> (quy tắc: ngay-co-that)
 *   content/so-lieu/2019.csv:5:4 (cột gia_tri): <message> — giá trị "-312" (quy tắc: so-khong-am)
 *   bieu-mau.xlsx › trang "Biểu mẫu", ô G8: <message> — giá trị "-12" (quy tắc: so-khong-am)
 */
export function formatProblem(p: Problem): string {
  const where = p.place !== undefined
    ? `${visibleControls(p.file)} › ${p.place}`
    : `${visibleControls(p.file)}${p.line ? `:${p.line}` : ''}${p.column === undefined ? '' : `:${p.column}`}`;
  const head = p.columnName !== undefined ? `${where} (cột ${p.columnName})` : p.field !== undefined ? `${where}: ${p.field}` : where;
  const expected = p.expected === undefined ? '' : ` (cần ${p.expected})`;
  const value = p.actual === undefined ? '' : ` — giá trị ${shownValue(p.actual)}`;
  const fix = p.fix === undefined ? '' : `; ${p.fix}`;
  return `${head}: ${p.message}${expected}${value}${fix} (quy tắc: ${p.rule})`;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** What a refusal is about, and the heading of its list of problems. */
const REFUSALS = {
  /** The edition file (content/cau-hinh.yaml). */
  edition: () => 'Tệp ấn bản không hợp lệ, không xuất bản trang nào',
  /** The indicator data (content/chi-tieu, content/don-vi, content/so-lieu). */
  data: (count: number) => `Số liệu không hợp lệ (${count} lỗi), không xuất bản trang nào`,
} as const;

export type RefusalSubject = keyof typeof REFUSALS;

/**
 * The one error that carries problems, thrown so that a build or a command stops before anything
 * is written: its message is the heading of its subject and one line a problem.
 */
export class ProblemsError extends Error {
  readonly subject: RefusalSubject;
  readonly problems: Problem[];
  constructor(subject: RefusalSubject, problems: Problem[]) {
    super(`${REFUSALS[subject](problems.length)}:\n${formatProblems(problems)}`);
    this.subject = subject;
    this.problems = problems;
    this.name = 'ProblemsError';
  }
}

/** Problems sorted by file, then line (a file's whole-file problems first). */
export function sortProblems<T extends Problem>(problems: T[]): T[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
