// Reads and validates content/cau-hinh.yaml once per process: with the bounded YAML loader and
// the same file:line:field:rule messages as every other content file.
import { readContentFile } from '../content/content-dir.ts';
import { validateYaml, type FrontMatterProblem } from '../content/frontmatter-check.ts';
import { formatProblems } from '../problems/problem.ts';
import { EDITION_FILE, editionSchema, type Edition } from './schema.ts';

const MAX_BYTES = 64 * 1024;

export class EditionError extends Error {
  readonly problems: FrontMatterProblem[];
  constructor(problems: FrontMatterProblem[]) {
    super(`Tệp ấn bản không hợp lệ, không xuất bản trang nào:\n${formatProblems(problems)}`);
    this.problems = problems;
    this.name = 'EditionError';
  }
}

export function checkEdition(root: string): { edition: Edition; problems: [] } | { edition: null; problems: FrontMatterProblem[] } {
  const read = readContentFile(root, EDITION_FILE, MAX_BYTES);
  if ('missing' in read) return { edition: null, problems: [{ file: EDITION_FILE, line: 1, field: '(tệp)', rule: 'thieu-tep', message: 'chưa có tệp ấn bản; chép từ một ấn bản mẫu và sửa theo tổ chức của mình' }] };
  if ('refusal' in read) return { edition: null, problems: [{ file: EDITION_FILE, line: 1, field: '(tệp)', rule: read.refusal.rule, message: read.refusal.message }] };
  const checked = validateYaml(EDITION_FILE, new TextDecoder().decode(read.bytes), editionSchema);
  return checked.problems.length > 0 ? { edition: null, problems: checked.problems } : { edition: checked.value as Edition, problems: [] };
}

const cache = new Map<string, Edition>();

/** The edition of the project at `root` (the current directory by default); throws EditionError. */
export function loadEdition(root = process.cwd()): Edition {
  const cached = cache.get(root);
  if (cached) return cached;
  const checked = checkEdition(root);
  if (!checked.edition) throw new EditionError(checked.problems);
  cache.set(root, checked.edition);
  return checked.edition;
}
