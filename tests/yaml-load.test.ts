// The bounded YAML loader (src/lib/content/yaml-load.ts): hostile YAML is refused with a Vietnamese
// message at the right line, in bounded time, and the `yaml` package's English never shows.
import { describe, expect, test } from 'vitest';
import { loadYaml, shorten, YAML_LIMITS } from '../src/lib/content/yaml-load';
import { checkFrontMatter } from '../src/lib/content/frontmatter-check';
import { formatProblems } from '../src/lib/problems/problem';
import { documentSchema } from '../src/lib/documents/content-schemas';
import { readFileSync } from 'node:fs';

/** Problems of a text, or a failure when it loads. */
function refused(text: string, lineOffset = 0) {
  const result = loadYaml(text, lineOffset);
  if (result.ok) throw new Error('loaded, expected a refusal');
  return result.problems;
}

/** English words of the `yaml` package's messages: none may reach the editor. */
const ENGLISH = /\b(the|must|Missing|Unexpected|Excessive|alias count|Nested|indented|Map keys|Implicit|Unresolved)\b/;

export const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('loadYaml', () => {
  test('a plain file loads to its value', () => {
    const result = loadYaml('name: Công đoàn\nitems: [1, 2]\nnote: "tab\\there"\n');
    expect(result.ok && result.value).toEqual({ name: 'Công đoàn', items: [1, 2], note: 'tab\there' });
  });

  test('an alias bomb is refused at its first alias, quickly', () => {
    const started = performance.now();
    const [problem, ...rest] = refused(BILLION_LAUGHS, 1);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 3, rule: 'yaml-bi-danh' });
    expect(problem!.message).toContain('bom bí danh');
  });

  test('a small, honest alias still loads', () => {
    const result = loadYaml('a: &x [1, 2]\nb: *x\n');
    expect(result.ok && result.value).toEqual({ a: [1, 2], b: [1, 2] });
  });

  test('an alias without its anchor is named, not thrown', () => {
    expect(refused('a: 1\nb: *nowhere\n')).toEqual([{ line: 2, field: 'b', rule: 'yaml', message: 'bí danh *nowhere chưa có neo &nowhere ở phía trên' }]);
  });

  test('200,000 keys are refused in well under a second, at the line that passes the cap', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `k${i.toString(36)}: 1`).join('\n');
    expect(text.length).toBeLessThan(YAML_LIMITS.maxChars);
    const started = performance.now();
    expect(refused(text, 1)).toEqual([{ line: 10_002, field: '(YAML)', rule: 'yaml-qua-nhieu-truong', message: 'tệp có quá nhiều trường và mục (hơn 10.000)' }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('20,000 keys written inline are counted exactly after parsing (the package alone compares every key with every other)', () => {
    const text = `a: 1\nb: {${Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join(', ')}}\n`;
    const started = performance.now();
    expect(refused(text)).toEqual([{ line: 2, field: 'b', rule: 'yaml-qua-nhieu-truong', message: 'tệp có quá nhiều trường và mục (hơn 10.000)' }]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('10,000 entries are still allowed', () => {
    const result = loadYaml(Array.from({ length: 10_000 }, (_, i) => `k${i}: 1`).join('\n'));
    expect(result.ok).toBe(true);
  });

  test('10,000 and 100,000 levels of [ are refused without a stack overflow', () => {
    for (const depth of [10_000, 100_000]) {
      const [problem] = refused(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 1);
      expect(problem).toMatchObject({ line: 2, rule: 'yaml-long-qua-sau' });
    }
  });

  test('nesting just past the cap is refused at the line that goes too deep', () => {
    const text = Array.from({ length: YAML_LIMITS.maxDepth + 2 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const [problem] = refused(text);
    expect(problem).toMatchObject({ rule: 'yaml-long-qua-sau', line: YAML_LIMITS.maxDepth + 1 });
  });

  test('a million-character value is refused at its line, shown shortened', () => {
    const [problem] = refused(`name: A\nnote: ${'x'.repeat(1_000_000)}\n`);
    expect(problem).toMatchObject({ line: 2, field: 'note', rule: 'gia-tri-qua-dai', message: 'giá trị dài 1.000.000 ký tự, quá giới hạn 10.000 ký tự' });
    expect(problem!.actual!.length).toBeLessThanOrEqual(60);
  });

  test('a text over the size cap is refused before it is parsed', () => {
    const started = performance.now();
    expect(refused(`a: ${'b'.repeat(YAML_LIMITS.maxChars)}`, 1)).toEqual([
      { line: 2, field: '(YAML)', rule: 'tep-qua-lon', message: 'nội dung YAML quá lớn: 2.097.155 ký tự, tối đa 2.097.152' },
    ]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  test.each([
    ['a raw BEL', 'name: A\ntitle: Tiêu\u0007 đề\n', 'U+0007', 'Tiêu<U+0007> đề'],
    ['an escaped BEL', 'name: A\ntitle: "Tiêu\\a đề"\n', 'U+0007', 'Tiêu<U+0007> đề'],
    ['a NUL', 'name: A\ntitle: "Công đoàn\\0"\n', 'U+0000', 'Công đoàn<U+0000>'],
    ['a C1 control', 'name: A\ntitle: "x\\x85y"\n', 'U+0085', 'x<U+0085>y'],
  ])('%s in a value is refused, naming the field', (_name, text, code, value) => {
    expect(refused(text, 1)).toEqual([
      { line: 3, field: 'title', rule: 'ky-tu-dieu-khien', actual: value, message: `giá trị chứa ký tự điều khiển ${code} (chỉ cho phép Tab và xuống dòng); có thể do dán từ phần mềm khác, hãy gõ lại` },
    ]);
  });

  test.each([
    ['U+FFFE written raw', 'name: A\ntitle: Tiêu\uFFFE đề\n', 'U+FFFE', /ký tự U\+FFFE \(noncharacter\), không có trong bảng ký tự của XML/],
    ['U+FFFF escaped', 'name: A\ntitle: "Tiêu\\uFFFF đề"\n', 'U+FFFF', /ký tự U\+FFFF/],
    ['a lone surrogate escaped', 'name: A\ntitle: "Tiêu\\uD800 đề"\n', 'U+D800', /nửa cặp UTF-16/],
    ['a right-to-left override', 'name: A\ntitle: Tiêu\u202E đề 12\n', 'U+202E', /ký tự điều khiển hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/],
    ['a first-strong isolate', 'name: A\ntitle: Tiêu\u2068 đề\n', 'U+2068', /ký tự điều khiển hướng chữ U\+2068/],
    ['a zero-width space', 'name: A\ntitle: Tiêu\u200B đề\n', 'U+200B', /ký tự vô hình U\+200B \(ZERO WIDTH SPACE\)/],
    ['a zero-width joiner escaped', 'name: A\ntitle: "Tiêu\\u200D đề"\n', 'U+200D', /ký tự vô hình U\+200D/],
  ])('%s in a value is refused, naming the field and the code point (ky-tu-khong-hop-le)', (_name, text, code, words) => {
    const [problem, ...rest] = refused(text, 1);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 3, field: 'title', rule: 'ky-tu-khong-hop-le' });
    expect(problem!.message).toMatch(words);
    expect(problem!.actual).toContain(`<${code}>`);
  });

  test('a zero-width character in a key is refused too, the key shown with its code', () => {
    expect(refused('schedule:\n  - id: a\n    "w\\u200Bho": x\n')[0]).toMatchObject({ line: 3, field: 'schedule[0].w<U+200B>ho', rule: 'ky-tu-khong-hop-le' });
  });

  test('tab and line breaks are allowed', () => {
    expect(loadYaml('a: "x\\ty"\nb: |\n  one\r\n  two\n').ok).toBe(true);
  });

  test('a control character in a nested key names the path', () => {
    expect(refused('schedule:\n  - id: a\n    "w\\bho": x\n')[0]).toMatchObject({ line: 3, field: 'schedule[0].w<U+0008>ho', rule: 'ky-tu-dieu-khien' });
  });

  test('a repeated key is found (the package check is off: it costs n² comparisons)', () => {
    expect(refused('a: 1\nb: 2\na: 3\n')).toEqual([{ line: 3, field: 'a', rule: 'truong-lap', message: 'trường "a" đã có ở trên; mỗi trường chỉ được viết một lần' }]);
  });

  test.each([
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', 3, 'thụt lề không đúng'],
    ['an unclosed quote', 'a: "x\nb: 1\n', 3, 'thiếu ký tự đóng'],
    ['a tab as indentation', 'a:\n\tb: 1\n', 2, 'không dùng phím Tab'],
    ['two documents', 'a: 1\n---\nb: 2\n', 2, 'chỉ được chứa một tài liệu'],
    ['a nested compact map', 'a: b: c\n', 1, 'khoá (tên trường) không được là một khối'],
  ])('%s: Vietnamese, at its line', (_name, text, line, words) => {
    const [problem] = refused(text);
    expect(problem!.line).toBe(line);
    expect(problem!.rule).toBe('yaml');
    expect(problem!.message).toContain(words);
    expect(problem!.message).not.toMatch(ENGLISH);
  });

  test('shorten keeps one short line', () => {
    expect(shorten('a\nb')).toBe('a b');
    expect(shorten('x'.repeat(100))).toHaveLength(60);
  });
});

describe('front matter through the bounded loader', () => {
  const PLAN = 'content/van-ban/ke-hoach-so-ket.mdx';
  const plan = readFileSync(PLAN, 'utf8');
  const check = (text: string) => formatProblems(checkFrontMatter(PLAN, text, documentSchema));

  test('an alias bomb in front matter is refused, not expanded into the schema check', () => {
    const text = plan.replace(/^---\n/, `---\n${BILLION_LAUGHS.replace(/^(\w):/gm, 'x$1:')}\n`);
    const started = performance.now();
    expect(check(text)).toMatch(/^content\/van-ban\/ke-hoach-so-ket\.mdx:3: \(YAML\): bí danh .* \(quy tắc: yaml-bi-danh\)$/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('an unknown key is refused at its own line', () => {
    const text = plan.replace('status: ban-hanh', 'status: ban-hanh\ntieuDe: Kế hoạch');
    const line = text.split('\n').indexOf('tieuDe: Kế hoạch') + 1;
    expect(check(text)).toBe(`${PLAN}:${line}: tieuDe: trường "tieuDe" không có trong mẫu (có thể gõ sai tên trường); sửa tên hoặc xoá trường này (quy tắc: truong-la)`);
  });

  test('an unknown key inside a schedule item is refused too', () => {
    const text = plan.replace(/(\n {4}who: )/, '\n    nguoi: ai$1');
    expect(check(text)).toMatch(/:\d+: schedule\[0\]\.nguoi: trường "nguoi" không có trong mẫu.*\(quy tắc: truong-la\)$/);
  });

  test('U+FFFE, a bidi override and a zero-width space in a schedule task are refused at its line (the quick path checks them too)', () => {
    for (const [char, code] of [['\uFFFE', 'U\\+FFFE'], ['\u202E', 'U\\+202E'], ['\u200B', 'U\\+200B']] as const) {
      const text = plan.replace(/^(\s+task: )(.*)$/m, `$1$2${char}`);
      const line = text.split('\n').findIndex((l) => l.includes(char)) + 1;
      expect(line).toBeGreaterThan(1);
      expect(check(text)).toMatch(new RegExp(`^${PLAN}:${line}: schedule\\[0\\]\\.task: giá trị chứa .*${code}.*\\(quy tắc: ky-tu-khong-hop-le\\)$`));
    }
  });

  test('a control character in an otherwise valid title is refused (the quick path checks texts too)', () => {
    const text = plan.replace(/^title: (.*)$/m, 'title: "$1\\a"');
    const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    expect(check(text)).toMatch(new RegExp(`^${PLAN}:${line}: title: giá trị chứa ký tự điều khiển U\\+0007 .*\\(quy tắc: ky-tu-dieu-khien\\)$`));
  });
});
