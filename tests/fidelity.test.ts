// The published documents against the official source text (content/nguon/van-ban-goc.txt):
// every sentence, same words, same order; headings stay headings; lists stay lists; every evident
// slip stays as issued with a visible editor's note.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { parse, type HTMLElement } from 'node-html-parser';
import { compareWithSource, normaliseText, sourceSentences } from '../src/lib/documents/fidelity';
import { formatProblems } from '../src/lib/problems/problem';
import { slugify } from '../src/lib/text/vietnamese';

const DIST = process.env.DIST_DIR ?? 'dist';
const SOURCE_FILE = 'content/nguon/van-ban-goc.txt';
const sourceLines = readFileSync(SOURCE_FILE, 'utf8').split(/\r?\n/);

interface Front {
  source: { fromLine: number; toLine: number };
}
function frontMatter(id: string): Front {
  const text = readFileSync(`content/van-ban/${id}.mdx`, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!match) throw new Error(`${id}: không có front matter`);
  return yaml.load(match[1] as string) as Front;
}

function article(id: string): HTMLElement {
  const html = readFileSync(join(DIST, 'van-ban', id, 'index.html'), 'utf8');
  const root = parse(html);
  const found = root.querySelector('article.official');
  if (!found) throw new Error(`${id}: trang không có article.official`);
  return found;
}

/** The document as a reader sees it, minus what the site adds around it. */
function documentText(el: HTMLElement, { keepNotes = false } = {}): string {
  const copy = parse(el.outerHTML);
  const removals = ['.doc-meta', 'h1', '.section-link', 'section[aria-labelledby="moc-thoi-gian"]'];
  for (const selector of removals) for (const node of copy.querySelectorAll(selector)) node.remove();
  return withoutNotes(copy, keepNotes);
}

/** Notes become ⟦…⟧; unless kept, they go together with the one space that set them apart. */
function withoutNotes(el: HTMLElement, keepNotes: boolean): string {
  for (const note of el.querySelectorAll('[data-editor-note]')) note.set_content(`⟦${note.text}⟧`);
  const text = normaliseText(el.structuredText);
  return keepNotes ? text : normaliseText(text.replace(/ ?⟦[^⟧]*⟧/g, ''));
}

const expectedHeadings = { 'ke-hoach-so-ket': 8, 'de-cuong-bao-cao': 19, 'cong-van-xin-y-kien': 0 };

const documents = ['ke-hoach-so-ket', 'de-cuong-bao-cao', 'cong-van-xin-y-kien'] as const;

describe('fidelity: the comparison itself', () => {
  const lines = ['I. MỤC ĐÍCH', '', '- Câu một. Câu hai; câu ba:', '+ Câu bốn.'];
  const sentences = sourceSentences(lines, 1, 4);

  test('splits lines into sentences and strips list markers', () => {
    expect(sentences.map((s) => s.text)).toEqual(['I. MỤC ĐÍCH', 'Câu một.', 'Câu hai;', 'câu ba:', 'Câu bốn.']);
    expect(sentences.map((s) => s.line)).toEqual([1, 3, 3, 3, 4]);
  });
  test('accepts the same text with different whitespace', () => {
    expect(compareWithSource('x.txt', sentences, 'I. MỤC ĐÍCH\n Câu một.  Câu hai; câu ba: Câu bốn.')).toEqual([]);
  });
  test('reports a missing sentence with its source line', () => {
    const problems = compareWithSource('x.txt', sentences, 'I. MỤC ĐÍCH Câu một. câu ba: Câu bốn.');
    expect(problems).toEqual([{ file: 'x.txt', line: 3, rule: 'nguyen-van-thieu-cau', message: 'câu của văn bản gốc không có trên trang (hoặc sai thứ tự)', expected: '«Câu hai;»' }]);
    expect(formatProblems(problems)).toBe('x.txt:3: câu của văn bản gốc không có trên trang (hoặc sai thứ tự) (cần «Câu hai;») (quy tắc: nguyen-van-thieu-cau)');
  });
  test('reports sentences out of order', () => {
    const problems = compareWithSource('x.txt', sentences, 'I. MỤC ĐÍCH Câu hai; Câu một. câu ba: Câu bốn.');
    expect(problems.some((p) => p.rule === 'nguyen-van-thieu-cau')).toBe(true);
  });
  test('reports words the source does not have', () => {
    const problems = compareWithSource('x.txt', sentences, 'I. MỤC ĐÍCH Câu một. Câu hai; thêm chữ câu ba: Câu bốn.');
    expect(problems).toEqual([{ file: 'x.txt', line: 3, rule: 'nguyen-van-thua-chu', message: 'trang có chữ không có trong văn bản gốc', actual: 'thêm chữ' }]);
    expect(formatProblems(problems)).toBe('x.txt:3: trang có chữ không có trong văn bản gốc — giá trị "thêm chữ" (quy tắc: nguyen-van-thua-chu)');
  });
  test('a silently corrected slip is reported', () => {
    const slip = sourceSentences(['trong nữa nhiệm kỳ qua.'], 1, 1);
    expect(compareWithSource('x.txt', slip, 'trong nửa nhiệm kỳ qua.')).toHaveLength(2);
  });
});

describe.each(documents)('fidelity of %s against the source', (id) => {
  const front = frontMatter(id);
  const el = article(id);

  test('every source sentence is on the page, in order, and nothing else is', () => {
    const sentences = sourceSentences(sourceLines, front.source.fromLine, front.source.toLine);
    expect(sentences.length).toBeGreaterThan(5);
    const problems = compareWithSource(SOURCE_FILE, sentences, documentText(el));
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  test('headings keep their numbering and carry ASCII anchors derived from their text', () => {
    const headings = el.querySelectorAll('h2, h3, h4').filter((h) => !h.closest('section[aria-labelledby="moc-thoi-gian"]'));
    expect(headings).toHaveLength(expectedHeadings[id]);
    for (const h of headings) {
      const copy = parse(h.outerHTML);
      for (const link of copy.querySelectorAll('.section-link')) link.remove();
      const text = normaliseText(copy.structuredText);
      expect(text).toMatch(/^(PHẦN THỨ|[IVX]+\. |\d+\. )/);
      expect(h.id).toBe(slugify(text));
      expect(h.querySelector('a.section-link')?.getAttribute('href')).toBe(`#${h.id}`);
    }
  });

  test('source list items stay list items', () => {
    const items = el.querySelectorAll('li').map((li) => withoutNotes(parse(li.outerHTML), false));
    for (let line = front.source.fromLine; line <= front.source.toLine; line++) {
      const raw = normaliseText(sourceLines[line - 1] ?? '');
      if (!/^[-+] /.test(raw)) continue;
      const firstSentence = sourceSentences([raw], 1, 1)[0]?.text ?? '';
      expect(items.some((item) => item.includes(firstSentence)), `dòng ${line}: «${firstSentence}» không nằm trong <li>`).toBe(true);
    }
  });
});

describe('structure of the outline', () => {
  const el = article('de-cuong-bao-cao');
  const level = (tag: string) => el.querySelectorAll(tag).map((h) => normaliseText(h.text.replace('§', '')));

  test('Phần are h2, roman sections h3, numbered sections h4', () => {
    expect(level('h2').map((t) => t.slice(0, 13))).toEqual(['PHẦN THỨ NHẤT', 'PHẦN THỨ HAI ']);
    expect(level('h3').map((t) => t.split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(level('h4').map((t) => t.split('.')[0])).toEqual(['1', '2', '1', '2', '3', '4', '5', '6', '7', '8', '10']);
  });

  test('anchors are stable', () => {
    const ids = el.querySelectorAll('h2, h3, h4').map((h) => h.id);
    expect(ids).toContain('i-boi-canh-hoat-dong-cong-doan-va-tinh-hinh-cong-nhan-vien-chuc-lao-dong');
    expect(ids).toContain('1-boi-canh-hoat-dong-cong-doan');
    expect(ids).toContain('10-cong-tac-chi-dao-va-to-chuc-thuc-hien');
    expect(ids).toContain('iv-ket-qua-thuc-hien-cac-chi-tieu');
  });
});

describe('evident slips stay as issued, each with a visible editor’s note right after it', () => {
  const slips: [string, string][] = [
    ['ke-hoach-so-ket', 'Nghị quyết Đại hội Công đoàn Tỉnh Đồng Nai lần thứ XII'],
    ['ke-hoach-so-ket', 'Đại hội X Công tỉnh'],
    ['ke-hoach-so-ket', 'trong nữa nhiệm kỳ'],
    ['ke-hoach-so-ket', 'phù hợp với thực tiển'],
    ['ke-hoach-so-ket', '(đầu tháng 2/2020).'],
    ['de-cuong-bao-cao', 'nhất về nâng cao chất lượng'],
    ['de-cuong-bao-cao', '10. Công tác chỉ đạo và tổ chức thực hiện'],
    ['cong-van-xin-y-kien', 'trước ngày 20/8/2020 Thứ năm)'],
  ];
  test.each(slips)('%s: «%s»', (id, slip) => {
    const text = documentText(article(id), { keepNotes: true });
    const at = text.indexOf(slip);
    expect(at, `«${slip}» không còn nguyên văn trên trang`).toBeGreaterThanOrEqual(0);
    const noteAt = text.indexOf('⟦', at + slip.length);
    expect(noteAt, 'không có ghi chú biên tập').toBeGreaterThan(0);
    expect(noteAt - (at + slip.length)).toBeLessThanOrEqual(4);
  });

  test('the editor’s note is labelled visibly on screen and in print', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    expect(css).toMatch(/\.editor-note::before\s*\{[^}]*content:\s*'Ghi chú biên tập: '/);
  });
});
