// The MDX body check (src/lib/content/mdx-check.ts, src/lib/gateway/content-precheck.ts): a syntax error in a
// document's body is found before Astro starts, in Vietnamese, at the file's own line and column.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMdxBody } from '../src/lib/content/mdx-check';
import { checkBody, checkContent } from '../src/lib/gateway/content-precheck';
import { formatProblems } from '../src/lib/problems/problem';
import { writeDocuments } from '../scripts/bench/corpus';
import { spawnSync } from 'node:child_process';

const MEMO = 'content/van-ban/cong-van-xin-y-kien.mdx';
const memo = readFileSync(MEMO, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const check = (text: string) => formatProblems(checkBody(MEMO, text));

describe('MDX body check', () => {
  test('every committed document and programme passes', () => {
    expect(checkContent('.')).toEqual([]);
  });

  test.each([
    ['a right-to-left override', '\u202E', /nội dung chứa ký tự điều khiển hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\).*— đoạn "Văn phòng dự<U\+202E> thảo.*\(quy tắc: ky-tu-khong-hop-le\)$/],
    ['U+FFFE', '\uFFFE', /nội dung chứa ký tự U\+FFFE .*\(quy tắc: ky-tu-khong-hop-le\)$/],
    ['a zero-width space', '\u200B', /nội dung chứa ký tự vô hình U\+200B .*\(quy tắc: ky-tu-khong-hop-le\)$/],
    ['an ESC', '\u001B', /nội dung chứa ký tự điều khiển U\+001B .*\(quy tắc: ky-tu-dieu-khien\)$/],
  ])('%s in the body is refused at its line and column, named by its code', (_name, char, expected) => {
    const text = memo.replace('Văn phòng dự thảo', `Văn phòng dự${char} thảo`);
    const line = lineOf(text, char);
    const found = check(text);
    expect(found).toMatch(new RegExp(`^${MEMO.replace(/\./g, '\\.')}:${line}:13: \\(nội dung MDX\\): `));
    expect(found).toMatch(expected);
  });

  test('a stray { is reported at the brace itself, with the file line past the front matter', () => {
    const text = memo.replace('Văn phòng dự thảo', 'Văn phòng dự { thảo');
    const line = lineOf(text, 'Văn phòng dự {');
    expect(line).toBeGreaterThan(30);
    expect(check(text)).toBe(
      `${MEMO}:${line}:14: (nội dung MDX): dấu { không có dấu } đóng: trong MDX, { mở một biểu thức; muốn in chính ký tự { hãy gõ \\{ — đoạn "Văn phòng dự { thảo Kế hoạch và Hướng dẫn các cấp công đoàn…" (quy tắc: cu-phap-mdx)`,
    );
  });

  test('an unclosed JSX tag names the tag', () => {
    const text = memo.replace('gian trên xem như thống nhất', 'gian trên xem như <b>thống nhất');
    const line = lineOf(text, '<b>thống');
    const column = text.split('\n')[line - 1]!.indexOf('<b>') + 1;
    expect(check(text)).toBe(`${MEMO}:${line}:${column}: (nội dung MDX): thẻ <b> chưa được đóng: cần </b> trong cùng đoạn văn — đoạn "gian trên xem như <b>thống nhất dự thảo" (quy tắc: cu-phap-mdx)`);
  });

  test('a closing tag that does not match', () => {
    expect(formatProblems(checkMdxBody('x.mdx', 'a\n\n<p>b</div>\n', 10))).toMatch(/^x\.mdx:13:5: \(nội dung MDX\): thẻ đóng <\/div> không khớp với thẻ mở <p> /);
  });

  test.each([
    ['a bare < before a digit', 'điểm 3<4 là sai\n', 1, 'ký tự "4" không hợp lệ trong thẻ JSX'],
    ['a closing tag with nothing open', 'a </p> b\n', 1, 'thẻ đóng không có thẻ mở tương ứng'],
    ['a bad expression', 'x {a b} y\n', 1, 'biểu thức trong { } không hợp lệ'],
    ['a line starting with import', 'import các số liệu\n', 1, 'dòng bắt đầu bằng import hoặc export'],
    ['an unfinished tag', 'chữ <Anchor id="x"\n', 1, 'thẻ JSX chưa đóng'],
  ])('%s', (_name, body, line, words) => {
    const [problem, ...rest] = checkMdxBody('x.mdx', body, 0);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'x.mdx', line, rule: 'cu-phap-mdx' });
    expect(problem!.message).toContain(words);
    expect(problem!.message).not.toMatch(/Unexpected|Expected|Could not|acorn/);
  });

  test('escaped braces and angle brackets, code and plain Markdown pass', () => {
    expect(checkMdxBody('x.mdx', 'a \\{ b \\< c\n\n```\n{ <\n```\n\n`{`\n', 0)).toEqual([]);
    expect(checkMdxBody('x.mdx', '# Tiêu đề\n\n- một\n- hai\n', 0)).toEqual([]);
  });

  test('cost per document on 1,000 benchmark documents, and on documents with JSX', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-mdx-bench-'));
    try {
      writeDocuments(join(dir, 'content/van-ban'), 1000);
      mkdirSync(join(dir, 'content/chuong-trinh'));
      let started = performance.now();
      expect(checkContent(dir)).toEqual([]);
      const plain = (performance.now() - started) / 1000;
      // The same documents with a JSX anchor in each: every body is then parsed in full.
      for (let n = 1; n <= 1000; n += 1) {
        const file = join(dir, 'content/van-ban', `van-ban-${String(n).padStart(5, '0')}.mdx`);
        writeFileSync(file, readFileSync(file, 'utf8').replace('\n## I.', '\n<Anchor id="moc" />\n\n## I.'));
      }
      started = performance.now();
      expect(checkContent(dir)).toEqual([]);
      const jsx = (performance.now() - started) / 1000;
      console.log(`Kiểm tra trước khi dựng: ${plain.toFixed(2)} ms/văn bản (Markdown thuần), ${jsx.toFixed(2)} ms/văn bản (có JSX, phân tích MDX đầy đủ).`);
      // Bounds far above the measured figures (0.1 and 1.8 ms alone, several times that beside the other test files), to catch an order-of-magnitude slip.
      expect(plain).toBeLessThan(5);
      expect(jsx).toBeLessThan(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('content files that cannot be documents', () => {
  test('a file over 2 MB, a FIFO and a folder named *.mdx are refused without being read; a hidden file is skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soket-content-files-'));
    try {
      const docs = join(dir, 'content/van-ban');
      mkdirSync(docs, { recursive: true });
      writeFileSync(join(docs, 'lon.mdx'), `${memo}\n${'x'.repeat(3 * 1024 * 1024)}\n`);
      expect(spawnSync('mkfifo', [join(docs, 'ong.mdx')]).status).toBe(0);
      mkdirSync(join(docs, 'thu-muc.mdx'));
      writeFileSync(join(docs, '.ban-nhap.mdx'), '{ not even front matter');
      const started = performance.now();
      const report = formatProblems(checkContent(dir));
      expect(performance.now() - started).toBeLessThan(2000);
      expect(report.split('\n')).toEqual([
        'content/van-ban/lon.mdx:1: (tệp): tệp quá lớn (3 MB); giới hạn cho loại tệp này là 2 MB, gấp nhiều lần số liệu thật, nên tệp này nhiều khả năng bị lỗi khi lưu hoặc đặt nhầm chỗ (quy tắc: tep-qua-lon)',
        'content/van-ban/ong.mdx:1: (tệp): là đường ống (FIFO), không phải tệp thường; hãy xoá hoặc đổi tên để trang không đọc nhầm (quy tắc: khong-phai-tep)',
        'content/van-ban/thu-muc.mdx:1: (tệp): là thư mục, không phải tệp; hãy xoá hoặc đổi tên để trang không đọc nhầm (quy tắc: khong-phai-tep)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
