// The data check's refusal: every problem found in the data files (src/lib/problems/problem.ts),
// thrown so a build stops before any page is written.
import { formatProblems, type Problem } from '../problems/problem.ts';

export class DataValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`Số liệu không hợp lệ (${problems.length} lỗi), không xuất bản trang nào:\n${formatProblems(problems)}`);
    this.problems = problems;
    this.name = 'DataValidationError';
  }
}
