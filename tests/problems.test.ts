// The one Problem shape, its formatter and the catalogue of rule ids (src/lib/problems): the README
// lists exactly the catalogue; every rule id the code writes is in the catalogue; and every
// catalogued rule is produced by some test — here, through the real checks, for the rules no other
// test reaches, each compared with the catalogue's own example.
import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesUnder } from './helpers/source-files';

const notModules = (folder: string) => folder.endsWith('/node_modules');
import ExcelJS from 'exceljs';
import { formatProblem, formatProblems, shownValue, type Problem } from '../src/lib/problems/problem';
import { RULES, rulesTable, type RuleId } from '../src/lib/problems/rules';
import { loadEdition } from '../src/lib/edition/load';
import { checkFrontMatter } from '../src/lib/content/frontmatter-check';
import { documentSchema, programmeSchema } from '../src/lib/documents/content-schemas';
import { checkContent } from '../src/lib/gateway/content-precheck';
import { checkEdition } from '../src/lib/edition/load';
import { datasetEdition, validateDataset, type DatasetFiles, type SourceFile } from '../src/lib/indicators/dataset';
import { loadDataset, strayDataFiles } from '../src/lib/indicators/read';
import { readForm } from '../src/lib/report-kit/import';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'soket-problems-'));
  temps.push(dir);
  return dir;
};

/** Every file under `dir` with one of the extensions, recursively. */

describe('formatProblem', () => {
  test('a line in a text file, with its field', () => {
    expect(formatProblem({ file: 'content/van-ban/x.mdx', line: 9, field: 'tieuDe', rule: 'truong-la', message: 'trường "tieuDe" không có trong mẫu' }))
      .toBe('content/van-ban/x.mdx:9: tieuDe: trường "tieuDe" không có trong mẫu (quy tắc: truong-la)');
  });

  test('a CSV cell: line, column and the column\'s name, then the value shown on one line', () => {
    expect(formatProblem({ file: 'content/so-lieu/2019.csv', line: 5, column: 4, columnName: 'gia_tri', rule: 'so-khong-am', message: 'số âm không hợp lệ', actual: '-312' }))
      .toBe('content/so-lieu/2019.csv:5:4 (cột gia_tri): số âm không hợp lệ — giá trị "-312" (quy tắc: so-khong-am)');
  });

  test('a form\'s sheet and cell instead of a line', () => {
    expect(formatProblem({ file: 'bieu-mau.xlsx', place: 'trang "Biểu mẫu", ô G8', rule: 'so-khong-am', message: 'số âm không hợp lệ', actual: '-12' }))
      .toBe('bieu-mau.xlsx › trang "Biểu mẫu", ô G8: số âm không hợp lệ — giá trị "-12" (quy tắc: so-khong-am)');
  });

  test('a whole file, what was expected and what to do', () => {
    expect(formatProblem({ file: 'content/so-lieu/x.csv', rule: 'lien-ket-hong', message: 'liên kết hỏng', expected: 'một tệp có thật', fix: 'hãy xoá liên kết' }))
      .toBe('content/so-lieu/x.csv: liên kết hỏng (cần một tệp có thật); hãy xoá liên kết (quy tắc: lien-ket-hong)');
  });

  test('control characters in a file name or value are shown by their code; a long value is cut, with its length', () => {
    const p: Problem = { file: 'content/so-lieu/a\u001b.csv', line: 2, rule: 'o-qua-dai', message: 'ô quá dài', actual: `x\u0000${'y'.repeat(100)}` };
    expect(formatProblem(p)).toBe(`content/so-lieu/a<U+001B>.csv:2: ô quá dài — giá trị "x<U+0000>${'y'.repeat(51)}…" (dài 102 ký tự) (quy tắc: o-qua-dai)`);
    expect(shownValue('a\r\nb')).toBe('"a↵b"');
  });

  test('several problems, one a line', () => {
    const p: Problem = { file: 'a.csv', line: 1, rule: 'csv', message: 'x' };
    expect(formatProblems([p, p])).toBe('a.csv:1: x (quy tắc: csv)\na.csv:1: x (quy tắc: csv)');
  });
});

describe('the catalogue of rules', () => {
  test('the README lists every rule of the catalogue, with its example, in one table generated from it', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('| Quy tắc | Tên | Từ chối khi | Ví dụ thông báo |');
    expect(start, 'README.md has the rule table').toBeGreaterThan(0);
    const table = readme.slice(start).split('\n\n')[0]!.trimEnd();
    // On a difference, the expected side is the table to paste into README.md.
    expect(table).toBe(rulesTable());
  });

  test('each example ends where its rule\'s id would be printed, and no id is catalogued twice under another spelling', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.example, id).not.toMatch(/\(quy tắc:/);
      expect(rule.title.length, id).toBeGreaterThan(2);
      expect(rule.explanation.length, id).toBeGreaterThan(2);
    }
  });

  // The rule ids written in code: a `rule: '…'` property (including zod's `params: { rule: '…' }`
  // and both sides of `rule: x ? 'a' : 'b'`), a rule passed to the check helpers that take one
  // (`fail(column, '…'`, `refuse('…'`, `problem(line, '…'`, the catalogue's `problem('…'`), and a "(quy tắc: …)" written out.
  // The helpers' parameters are typed RuleId, so tsc refuses an uncatalogued id there as well.
  const USES = [
    /\brule: (?:[^,;{}()]*?\? )?'([a-z0-9-]+)'(?: : '([a-z0-9-]+)')?/g,
    /\bfail\((?:'[a-z_]+'|\w+), '([a-z0-9-]+)'/g,
    /\brefused?\('([a-z0-9-]+)'/g,
    /\bproblem\((?:[^()]|\([^()]*\))*?, '([a-z0-9-]+)'/g,
    // A problem raised through the message catalogue (src/lib/problems/messages.ts): problem('…', values, where), refusal(file, '…', values).
    /\bproblem\('([a-z0-9-]+)'/g,
    /\brefusal\(\w+, '([a-z0-9-]+)'/g,
    // Through the catalogue too: a zod issue (problems/rule-issues.ts), a rule and its message passed on, a message alone.
    /\b(?:addRuleIssue\(\w+, |ruleRefinement\(|worded\(|messageOf\()'([a-z0-9-]+)'/g,
    /quy tắc: ([a-z0-9][a-z0-9-]*)/g,
  ];

  test('every rule id the code uses is in the catalogue', () => {
    const used = new Map<string, string>();
    for (const path of [...filesUnder('src', /\.(ts|astro|mjs)$/, notModules), ...filesUnder('scripts', /\.(ts|mjs)$/, notModules)]) {
      if (path.endsWith('problems/rules.ts')) continue;
      const text = readFileSync(path, 'utf8');
      for (const pattern of USES) for (const m of text.matchAll(pattern)) for (const id of m.slice(1)) if (id) used.set(id, path);
    }
    // The scan finds the ids (not a vacuous pass): most of the catalogue is written out in code.
    expect(used.size).toBeGreaterThan(Object.keys(RULES).length * 0.8);
    const unknown = [...used].filter(([id]) => !(id in RULES)).map(([id, path]) => `${id} (${path})`);
    expect(unknown).toEqual([]);
  });

  test('every catalogued rule is produced by some test', () => {
    const tests = filesUnder('tests', /\.ts$/, notModules).map((path) => readFileSync(path, 'utf8')).join('\n');
    // A test names the rule it expects: in a message ("quy tắc: …"), a problem's `rule`, or a
    // quoted id in a table of cases (only for ids of two words or more, which no other string is).
    const exercised = (id: string) =>
      [`quy tắc: ${id})`, `quy tắc: ${id}\\)`, `rule: '${id}'`].some((form) => tests.includes(form)) || (id.includes('-') && tests.includes(`'${id}'`));
    expect(Object.keys(RULES).filter((id) => !exercised(id))).toEqual([]);
  });
});

/** The catalogue's example, as the formatter prints it. */
const example = (id: RuleId) => `${RULES[id].example} (quy tắc: ${id})`;
const only = (problems: Problem[], rule: RuleId) => problems.filter((p) => p.rule === rule).map(formatProblem);

const PLAN = 'content/van-ban/ke-hoach-so-ket.mdx';
const plan = readFileSync(PLAN, 'utf8');
const PROGRAMME = 'content/chuong-trinh/07-ctr-ldld-2018.mdx';
const FIXTURES = join(import.meta.dirname, 'fixtures', 'du-lieu');
const fixture = (path: string, edit: (text: string) => string = (t) => t): SourceFile => ({
  path: `content/${path}`, bytes: new TextEncoder().encode(edit(readFileSync(join(FIXTURES, path), 'utf8'))),
});
const model = (overrides: Partial<DatasetFiles>): DatasetFiles => ({
  meta: fixture('so-lieu/bo-du-lieu.yaml'),
  indicators: [fixture('chi-tieu/dem.yaml'), fixture('chi-tieu/ty-le.yaml')],
  units: [fixture('don-vi/a.yaml'), fixture('don-vi/b.yaml')],
  results: [fixture('so-lieu/hop-le.csv')],
  programmeIds: new Set(['09-ctr-ldld-2018']),
  edition: datasetEdition(loadEdition()),
  ...overrides,
});
const dataProblems = (overrides: Partial<DatasetFiles>) => validateDataset(model(overrides)).problems;

describe('rules no other test reaches, through the real checks, worded as the catalogue says', () => {
  test.each<[RuleId, () => Problem[] | Promise<Problem[]>]>([
    ['kieu-du-lieu', () => checkFrontMatter(PLAN, plan.replace(/^order: \d+$/m, 'order: một'), documentSchema)],
    ['toi-thieu', () => checkFrontMatter(PLAN, plan.replace(/^title: .*$/m, 'title: ""'), documentSchema)],
    ['toi-da', () => checkFrontMatter(PROGRAMME, readFileSync(PROGRAMME, 'utf8').replace(/^period: \{ from: (\d+), to: \d+ \}$/m, 'period: { from: $1, to: 2200 }'), programmeSchema)],
    ['khoang-dong-hop-le', () => checkFrontMatter(PLAN, plan.replace(/^  fromLine: 1$/m, '  fromLine: 200'), documentSchema)],
    ['start-chi-voi-during', () => checkFrontMatter(PLAN, plan.replace(/^(\s+)kind: before$/m, '$1kind: before\n$1start: 2020-09'), documentSchema)],
    ['ty-le-phan-tram', () => dataProblems({ indicators: [fixture('chi-tieu/dem.yaml'), fixture('chi-tieu/ty-le.yaml', (t) => t.replace('unit: phan-tram', 'unit: nguoi'))] })],
    ['muc-tieu-ty-le', () => dataProblems({ indicators: [fixture('chi-tieu/dem.yaml'), fixture('chi-tieu/ty-le.yaml', (t) => t.replace('termTarget: 75', 'termTarget: 150'))] })],
    ['dem-khong-phan-tram', () => dataProblems({ indicators: [fixture('chi-tieu/dem.yaml', (t) => t.replace(/^unit: .*$/m, 'unit: phan-tram')), fixture('chi-tieu/ty-le.yaml')] })],
    ['nhiem-ky', () => dataProblems({ meta: fixture('so-lieu/bo-du-lieu.yaml', (t) => t.replace('term: { from: 2018, to: 2023 }', 'term: { from: 2023, to: 2018 }')) })],
    ['ten-tep', () => dataProblems({ units: [fixture('don-vi/a.yaml'), fixture('don-vi/b.yaml'), { ...fixture('don-vi/b.yaml'), path: 'content/don-vi/Bien_Hoa.yaml' }] })],
    ['thieu-tep', () => checkEdition(temp()).problems],
    ['thieu-truong', () => {
      const root = temp();
      cpSync('content', join(root, 'content'), { recursive: true });
      writeFileSync(join(root, 'content/cau-hinh.yaml'), readFileSync('content/cau-hinh.yaml', 'utf8').replace(/^(\s+)reportRecipient:/m, '$1reportrecipient:'));
      return checkEdition(root).problems;
    }],
    ['khoang-nam', () => {
      const root = temp();
      cpSync('content', join(root, 'content'), { recursive: true });
      writeFileSync(join(root, 'content/cau-hinh.yaml'), readFileSync('content/cau-hinh.yaml', 'utf8').replace(/years: \{ from: (\d+), to: (\d+) \}/, 'years: { from: $2, to: $1 }'));
      return checkEdition(root).problems;
    }],
    ['danh-muc-trong', () => {
      const root = temp();
      cpSync('content', join(root, 'content'), { recursive: true });
      writeFileSync(join(root, 'content/cau-hinh.yaml'), readFileSync('content/cau-hinh.yaml', 'utf8').replace(/^(  unitTypes:)\n(?:    .*\n)+/m, '$1 {}\n'));
      return checkEdition(root).problems;
    }],
    ['tep-la', () => {
      const root = temp();
      for (const dir of ['chi-tieu', 'don-vi', 'so-lieu']) mkdirSync(join(root, 'content', dir), { recursive: true });
      writeFileSync(join(root, 'content/so-lieu/2019.xlsx'), 'PK');
      return strayDataFiles(root);
    }],
    ['neo-lich', () => {
      const root = temp();
      cpSync('content', join(root, 'content'), { recursive: true });
      writeFileSync(join(root, PLAN), plan.replace(/^(\s+)anchor: \S+$/m, '$1anchor: khong-co'));
      return checkContent(root);
    }],
    ['lien-ket-noi-bo', () => {
      const root = temp();
      cpSync('content', join(root, 'content'), { recursive: true });
      writeFileSync(join(root, PLAN), `${plan}\nXem [văn bản](/van-ban/khong-co/).\n`);
      return checkContent(root);
    }],
    ['khong-phai-bieu-mau', async () => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Sheet1').getCell('A1').value = 'không phải biểu mẫu';
      const bytes = new Uint8Array(await book.xlsx.writeBuffer());
      const form = await readForm('x.xlsx', bytes, loadDataset(process.cwd()));
      return 'problems' in form ? form.problems : [];
    }],
  ])('%s', async (rule, produce) => {
    expect(only(await produce(), rule)).toEqual([example(rule)]);
  });
});
