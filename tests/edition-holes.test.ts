// Issue 25 point 5: the edition file's holes. The scope's slug may not be a unit's code (its draft
// and form would replace the unit's) nor a reserved file name; the site's address is http(s) with
// no path (every link starts at the root, so a sub-folder would publish broken links); a term is
// at most ten years, and the evaluation years and `until` lie inside it.
import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEdition } from '../src/lib/edition/load';
import { formatProblems } from '../src/lib/problems/problem';

const EDITION = 'content/cau-hinh.yaml';
const edition = readFileSync(EDITION, 'utf8');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The problems of an edition file (with the real units beside it), one formatted line each. */
function problemsOf(text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'soket-edition-'));
  temps.push(root);
  mkdirSync(join(root, 'content'));
  cpSync('content/don-vi', join(root, 'content/don-vi'), { recursive: true });
  writeFileSync(join(root, EDITION), text);
  return formatProblems(checkEdition(root).problems);
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the edition file as published is valid', () => {
  test('no problem', () => expect(problemsOf(edition)).toBe(''));
});

describe('organisation.scope.slug', () => {
  test('equal to a unit\'s code: refused at its line, naming the unit\'s file (ma-pham-vi-trung)', () => {
    const text = edition.replace('slug: toan-tinh', 'slug: bien-hoa');
    expect(problemsOf(text)).toBe(
      `${EDITION}:${lineOf(text, 'slug: bien-hoa')}: organisation.scope.slug: mã phạm vi "bien-hoa" trùng mã đơn vị content/don-vi/bien-hoa.yaml: dự thảo báo cáo và biểu mẫu chung của cả tổ chức sẽ thay mất của đơn vị đó; hãy chọn mã khác, thường là \`word\` viết không dấu (quy tắc: ma-pham-vi-trung)`,
    );
  });
  test('"toan-bo", the name of the whole site\'s files, is refused too', () => {
    const text = edition.replace('slug: toan-tinh', 'slug: toan-bo');
    expect(problemsOf(text)).toMatch(new RegExp(`^${EDITION}:${lineOf(text, 'slug: toan-bo')}: organisation\\.scope\\.slug: mã phạm vi "toan-bo" trùng tên các tệp chung của cả trang \\(/lich/toan-bo\\.ics, /so-lieu/toan-bo\\.csv\\); .*\\(quy tắc: ma-pham-vi-trung\\)$`));
  });
});

describe('site.url', () => {
  const line = lineOf(edition, 'url: ');
  test.each([
    ['javascript:alert(1)', /phải bắt đầu bằng https:\/\/ hoặc http:\/\/, không phải "javascript:"/],
    ['data:text/html,x', /không phải "data:"/],
    ['ftp://example.org', /không phải "ftp:"/],
    ['congdoan.example.vn', /phải là một địa chỉ đầy đủ, bắt đầu bằng https:\/\//],
    ['https://user:pw@example.org', /không được chứa tên đăng nhập/],
    ['https://example.org/so-ket/', /không có đường dẫn \("\/so-ket\/"\): mọi liên kết của trang bắt đầu từ gốc tên miền/],
    ['https://example.org/?a=1', /không có đường dẫn \("\/\?a=1"\)/],
  ])('"%s" is refused at its line (dinh-dang)', (url, words) => {
    const text = edition.replace(/^( {2}url: ).*$/m, `$1"${url}"`);
    const found = problemsOf(text);
    expect(found).toMatch(new RegExp(`^${EDITION}:${line}: site\\.url: `));
    expect(found).toMatch(words);
    expect(found).toMatch(/\(quy tắc: dinh-dang\)$/);
    expect(found.split('\n')).toHaveLength(1);
  });
  test.each(['https://example.org', 'https://example.org/', 'http://127.0.0.1:8080'])('"%s" is accepted', (url) => {
    expect(problemsOf(edition.replace(/^( {2}url: ).*$/m, `$1"${url}"`))).toBe('');
  });
});

describe('the term and the evaluation period', () => {
  test('a term of more than 10 years is refused (nhiem-ky)', () => {
    const text = edition.replace('term: { from: 2018, to: 2023 }', 'term: { from: 1900, to: 2100 }');
    expect(problemsOf(text)).toBe(`${EDITION}:${lineOf(text, 'term:')}: congress.term: nhiệm kỳ 1900 – 2100 dài 200 năm; một nhiệm kỳ dài nhiều nhất 10 năm (kiểm tra lại năm đầu, năm cuối) (quy tắc: nhiem-ky)`);
  });
  test('10 years is accepted', () => {
    expect(problemsOf(edition.replace('term: { from: 2018, to: 2023 }', 'term: { from: 2018, to: 2028 }'))).toBe('');
  });
  test('evaluation years outside the term are refused (nam-ngoai-nhiem-ky)', () => {
    const text = edition.replace('years: { from: 2018, to: 2020 }', 'years: { from: 1900, to: 2100 }');
    expect(problemsOf(text)).toBe(`${EDITION}:${lineOf(text, 'years:')}: review.evaluation.years: các năm đánh giá 1900 – 2100 phải nằm trong nhiệm kỳ 2018 – 2023 (quy tắc: nam-ngoai-nhiem-ky)`);
  });
  test('`until` after the term is refused (nam-ngoai-nhiem-ky)', () => {
    const text = edition.replace('until: 2020-12', 'until: 2099-12');
    expect(problemsOf(text)).toBe(`${EDITION}:${lineOf(text, 'until:')}: review.evaluation.until: tháng cuối của thời gian đánh giá (2099-12) phải nằm trong nhiệm kỳ 2018 – 2023 (quy tắc: nam-ngoai-nhiem-ky)`);
  });
  test('`until` in the term\'s last year is accepted', () => {
    expect(problemsOf(edition.replace('until: 2020-12', 'until: 2023-06'))).toBe('');
  });
});
