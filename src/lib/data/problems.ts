// A problem found in a data file, worded for the office's data owners: which file, which line and
// column, which rule, which value, and what to do.
export interface DataProblem {
  file: string;
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

export function formatDataProblem(p: DataProblem): string {
  const where = `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  const what = p.columnName ? ` (cột ${p.columnName})` : p.field ? ` (${p.field})` : '';
  const value = p.value === undefined ? '' : ` — giá trị "${p.value}"`;
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
