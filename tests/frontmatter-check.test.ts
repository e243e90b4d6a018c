// Bad front matter is reported with file, line, field and rule, in Vietnamese; the real build
// stops before writing anything.
import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkFrontMatter, readFrontMatter } from '../src/lib/content/frontmatter-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { formatProblems } from '../src/lib/problems/problem';
import { documentSchema, programmeSchema } from '../src/lib/documents/content-schemas';
import { checkContentFrontMatter } from '../src/integrations/content-check';
import { copyProject, runIn } from './helpers/project-copy';

const PLAN = 'content/van-ban/ke-hoach-so-ket.mdx';
const plan = readFileSync(PLAN, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function check(text: string) {
  return formatProblems(checkFrontMatter(PLAN, text, documentSchema));
}

describe('front-matter check', () => {
  test('the committed content passes', () => {
    expect(checkContentFrontMatter('.')).toEqual([]);
  });

  const cases: [string, (t: string) => string, string, RegExp][] = [
    ['unknown document type', (t) => t.replace('docType: ke-hoach', 'docType: nghi-dinh'), 'docType: nghi-dinh',
      /docType: Tùy chọn không hợp lệ.*"ke-hoach"\|"de-cuong"\|"cong-van"\|"huong-dan"\|.*"to-trinh" \(quy tắc: gia-tri-cho-phep\)/],
    ['impossible day in a schedule entry', (t) => t.replace('end: 2021-02-01', 'end: 2021-02-30'), 'end: 2021-02-30',
      /schedule\[4\]\.end: Ngày không hợp lệ: "2021-02-30": ngày 30 không tồn tại trong tháng 2\/2021 \(tháng có 28 ngày\) \(quy tắc: ngay-co-that\)/],
    ['month 13', (t) => t.replace('end: 2020-08\n', 'end: 2020-13\n'), 'end: 2020-13',
      /schedule\[0\]\.end: Ngày không hợp lệ: "2020-13": tháng 13 không tồn tại \(quy tắc: ngay-co-that\)/],
    ['start after end', (t) => t.replace('start: 2020-11', 'start: 2021-03'), 'start: 2021-03',
      /schedule\[1\]\.start: Ngày bắt đầu 2021-03 sau ngày kết thúc 2020-12 \(quy tắc: bat-dau-truoc-ket-thuc\)/],
    ['duplicate schedule id', (t) => t.replace('id: to-khao-sat', 'id: ban-hanh-ke-hoach # trùng'), '# trùng',
      /schedule\[1\]\.id: id "ban-hanh-ke-hoach" bị trùng \(quy tắc: id-duy-nhat\)/],
    ['sortAs without an editor’s note', (t) => t.replace(/\n    editorNote: Văn bản ghi[^\n]*/, ''), 'id: bao-cao-tinh',
      /schedule\[5\]\.editorNote: Có "sortAs" thì phải có "editorNote" giải thích vì sao \(quy tắc: sortas-can-ghi-chu\)/],
    ['"Báo cáo" is the only recipient mark', (t) => t.replace('mark: Báo cáo', 'mark: Để biết'), 'mark: Để biết',
      /recipients\[1\]\.mark: .*"Báo cáo" \(quy tắc: gia-tri-cho-phep\)/],
    ['status outside the list', (t) => t.replace('status: ban-hanh', 'status: het-hieu-luc'), 'status: het-hieu-luc',
      /status: Tùy chọn không hợp lệ.* \(quy tắc: gia-tri-cho-phep\)/],
  ];

  test.each(cases)('%s', (_name, mutate, needle, message) => {
    const text = mutate(plan);
    expect(text).not.toBe(plan);
    const report = check(text);
    const line = lineOf(text, needle);
    expect(report).toMatch(message);
    expect(report).toContain(`${PLAN}:${line}: `);
  });

  test('a missing required field is reported at its parent, naming the field', () => {
    const text = plan.replace(/\nsummary: [^\n]*/, '');
    expect(check(text)).toMatch(/^content\/van-ban\/ke-hoach-so-ket\.mdx:\d+: summary: thiếu trường bắt buộc \(cần chữ\) \(quy tắc: thieu-truong\)$/m);
  });

  test('broken YAML names its line', () => {
    const text = plan.replace('shortTitle: Kế hoạch sơ kết', 'shortTitle: [Kế hoạch');
    // The bracket is never closed: the parser gives up at the next line's start, and says so in Vietnamese.
    expect(check(text)).toBe(`${PLAN}:${lineOf(text, 'shortTitle:') + 1}:1: (YAML): YAML không hợp lệ: thụt lề không đúng: các trường cùng cấp phải thẳng cột (quy tắc: yaml)`);
  });

  test('a programme without a full issue date is refused', () => {
    const file = 'content/chuong-trinh/2494-ctr-tld-2018.mdx';
    const text = readFileSync(file, 'utf8').replace(/issueDate: .*/, 'issueDate: 2018-12');
    const report = formatProblems(checkFrontMatter(file, text, programmeSchema));
    expect(report).toContain(`${file}:${lineOf(text, 'issueDate:')}: issueDate: Chương trình phải có ngày ban hành đủ ngày/tháng/năm (quy tắc: ngay-ban-hanh-du)`);
  });
});

describe('npm run build with bad front matter', () => {
  test('fails, names file, line, field and rule, and writes no dist/', () => {
    const dir = copyProject('congdoan-bad-');
    try {
      const broken = plan.replace('end: 2021-02-01', 'end: 2021-02-29');
      writeFileSync(join(dir, PLAN), broken);
      const result = runIn(dir, ['node_modules/.bin/astro', 'build']);
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status).not.toBe(0);
      expect(output).toContain(
        `${PLAN}:${lineOf(broken, 'end: 2021-02-29')}: schedule[4].end: Ngày không hợp lệ: "2021-02-29": ngày 29 không tồn tại trong tháng 2/2021`,
      );
      expect(output).toContain('(quy tắc: ngay-co-that)');
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('front matter kept for the build', () => {
  test('keeps no file text alive: only the front matter stays in memory', () => {
    // V8 makes a regex capture, and every string js-yaml cuts from it, a slice holding the whole
    // text; the build keeps the front matter of every file (10,000 on the benchmark).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const body = `${'Đoạn văn bản dài của một văn bản.\n'.repeat(30_000)}`;
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 40 }, (_, i) => readFrontMatter(`---\ntitle: "Văn bản số ${i} về công tác công đoàn"\nstatus: ban-hanh\n---\n${body}${i}`));
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept.map((f) => (f.data as { title: string }).title)).toContain('Văn bản số 39 về công tác công đoàn');
    // 40 texts of about 1 MB (2 MB as V8 stores Vietnamese): 80 MB if any slice kept them.
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});
