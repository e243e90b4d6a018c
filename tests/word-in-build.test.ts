// A document imported from Word, built: `npm run import:van-ban` in a project copy, then the site
// built, then its page read as the fidelity test reads the committed documents: every sentence of
// the Word file on the page in order and nothing else; the other body's header block; headings,
// list items, the table, the footnote and its link; the citation of a programme linked as on every
// page; valid HTML and no broken link.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { compareWithSource, normaliseText, sourceSentences } from '../src/lib/documents/fidelity';
import { formatProblems } from '../src/lib/problems/problem';
import { htmlProblems } from './helpers/html';
import { checkLinks } from './helpers/links';
import { copyProject, runIn } from './helpers/project-copy';
import { runNpm } from './red-team/harness';
import { wordFile } from './helpers/word-docs';

const SLUG = 'huong-dan-bao-cao-so-ket-nam-2026';
let dir = '';
let imported = { status: null as number | null, stdout: '', stderr: '' };
let build = { status: null as number | null, stderr: '' };

beforeAll(async () => {
  dir = copyProject('congdoan-word-in-');
  writeFileSync(join(dir, 'huong-dan.docx'), await wordFile({
    parentBody: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM',
    issuingBody: 'CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH BÌNH DƯƠNG',
    number: '07/HD-CĐN',
    placeDate: 'Bình Dương, ngày 12 tháng 01 năm 2026',
    kind: 'HƯỚNG DẪN',
    abstract: ['Báo cáo sơ kết năm 2026'],
    body: [
      'Căn cứ Chương trình số 2494/CTr-TLĐ ngày 19/12/2018 của Tổng Liên đoàn; Ban Thường vụ hướng dẫn như sau:',
      { auto: 'roman', text: 'YÊU CẦU', bold: true },
      { auto: 'decimal', text: 'Nội dung báo cáo', bold: true },
      '- Số liệu đúng đến đơn vị {không làm tròn} <đủ 3 năm>.',
      '+ Ghi rõ nguồn*.',
      { runs: [{ text: 'Gửi về Văn phòng ' }, { text: 'trước ngày 15/3/2026', bold: true }, { text: ' qua thư điện tử' }, { note: 1 }, { text: '.' }] },
      { auto: 'roman', text: 'BẢNG THEO DÕI', bold: true },
      { table: [['Đơn vị', 'Hạn gửi'], ['Công đoàn cơ sở', '01/3/2026']] },
    ],
    footnotes: { 1: 'Địa chỉ thư của Văn phòng ghi ở trang chủ.' },
    recipients: ['Các công đoàn cơ sở;', 'Lưu VT.'],
    signer: ['TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH', 'Đã ký', 'LÊ VĂN C'],
  }));
  imported = runNpm(dir, 'import:van-ban', ['huong-dan.docx']);
  build = runIn(dir, ['node_modules/.bin/astro', 'build']);
}, 400_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = () => parse(readFileSync(join(dir, 'dist/van-ban', SLUG, 'index.html'), 'utf8'));
const article = (): HTMLElement => page().querySelector('article.official')!;

/** The text the document prints, without what the site adds (as tests/fidelity.test.ts reads it). */
function documentText(el: HTMLElement): string {
  const copy = parse(el.outerHTML);
  for (const selector of ['.doc-meta', 'h1', '.section-link', 'section[aria-labelledby="moc-thoi-gian"]', 'sup.footnote-ref', '.doc-header', '.signature-area']) for (const node of copy.querySelectorAll(selector)) node.remove();
  return normaliseText(copy.structuredText);
}

describe('an imported document, built', () => {
  test('imports and builds', () => {
    expect(imported.status, imported.stderr).toBe(0);
    expect(build.status, build.stderr).toBe(0);
  });

  test('every sentence of the Word file is on the page, in order, and nothing else', () => {
    const lines = readFileSync(join(dir, 'content/nguon', `${SLUG}.txt`), 'utf8').split('\n');
    const sentences = sourceSentences(lines, 1, lines.length);
    expect(sentences.length).toBeGreaterThan(10);
    const problems = compareWithSource(`content/nguon/${SLUG}.txt`, sentences, documentText(article()));
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  test('its own header block, headings, list items, table, footnote and citation', () => {
    const html = page().outerHTML;
    expect(html).toContain('CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH');
    expect(html).toContain('Số: 07/HD-CĐN');
    expect(html).toContain('Bình Dương, ngày 12 tháng 01 năm 2026');
    const el = article();
    expect(el.querySelectorAll('h2').map((h) => normaliseText(h.text.replace('§', '')))).toEqual(expect.arrayContaining(['I. YÊU CẦU', 'II. BẢNG THEO DÕI']));
    expect(el.querySelector('h3')?.id).toBe('1-noi-dung-bao-cao');
    // The "+" item is nested under the "-" item, as the plan writes its sub-points.
    expect(normaliseText(el.querySelector('li')!.text)).toBe('Số liệu đúng đến đơn vị {không làm tròn} <đủ 3 năm>. Ghi rõ nguồn*.');
    expect(normaliseText(el.querySelector('li li')!.text)).toBe('Ghi rõ nguồn*.');
    expect(el.querySelector('table th')?.text).toBe('Đơn vị');
    expect(el.querySelector('strong')?.text).toBe('trước ngày 15/3/2026');
    expect(el.querySelector('sup.footnote-ref a')?.getAttribute('href')).toBe('#chu-thich-1');
    expect(el.querySelector('#chu-thich-1')?.text).toBe('Địa chỉ thư của Văn phòng ghi ở trang chủ.');
    expect(el.querySelector('a[href="/chuong-trinh/2494-ctr-tld-2018/"]')).not.toBeNull();
    // Not the review's plan: its own timeline is empty (dates are only proposed), not the review's.
    expect(html).not.toContain('Mốc thời gian sơ kết: ai làm gì, khi nào');
  });

  test('valid HTML, every link resolves', async () => {
    const file = `van-ban/${SLUG}/index.html`;
    expect(await htmlProblems(join(dir, 'dist'), [file])).toEqual([]);
    expect(checkLinks(join(dir, 'dist'), [file]).broken).toEqual([]);
  });
});
