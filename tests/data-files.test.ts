// Issue 15, item 7 (data files): each rule on hostile files, one by one. Hidden files are ignored;
// what is not a regular file inside content/ is refused before it is opened; sizes, row counts and
// cell lengths are bounded; control characters, UTF-16 and bad bytes are named at their line; and
// csv-parse's English never reaches the reader.
import { afterAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContentDir, readContentFile } from '../src/lib/content/content-dir';
import { readContentFiles } from '../src/lib/content/content-files';
import { checkContentFrontMatter } from '../src/integrations/content-check';
import { formatProblem, ProblemsError, shownValue } from '../src/lib/problems/problem';
import { loadDataset, readDatasetFilesChecked } from '../src/lib/indicators/read';
import { decodeUtf8, firstInvalidUtf8, looksUtf16, MAX_CELL_CHARS, MAX_ROWS, parseResultsCsv, type ResultsContext } from '../src/lib/indicators/results-csv';

const root = mkdtempSync(join(tmpdir(), 'data-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (rel: string) => join(root, rel);
mkdirSync(at('content/so-lieu'), { recursive: true });
mkdirSync(at('content/van-ban'), { recursive: true });
mkdirSync(at('content/luu-tru'), { recursive: true });
writeFileSync(at('content/so-lieu/2019.csv'), 'a');
writeFileSync(at('content/so-lieu/.nhap.csv'), 'nháp');
execFileSync('mkfifo', [at('content/so-lieu/.khoa.csv')]);
mkdirSync(at('content/so-lieu/2020.csv'));
execFileSync('mkfifo', [at('content/so-lieu/2021.csv')]);
symlinkSync('/etc/passwd', at('content/so-lieu/2022.csv'));
symlinkSync('khong-co.csv', at('content/so-lieu/2023.csv'));
writeFileSync(at('content/luu-tru/cu.csv'), 'cũ');
symlinkSync('../luu-tru/cu.csv', at('content/so-lieu/2024.csv'));
writeFileSync(at('content/so-lieu/2025.csv'), 'x'.repeat(101));
symlinkSync('2026.csv', at('content/so-lieu/2026.csv'));

describe('reading a content folder', () => {
  const { files, refusals } = readContentDir(root, 'content/so-lieu', /\.csv$/, 100);
  const refusal = (name: string) => refusals.find((r) => r.file === `content/so-lieu/${name}`);

  test('regular files, and a link to one inside content/, are read', () => {
    expect(files.map((f) => [f.file, new TextDecoder().decode(f.bytes)])).toEqual([
      ['content/so-lieu/2019.csv', 'a'],
      ['content/so-lieu/2024.csv', 'cũ'],
    ]);
  });

  test('hidden files are neither read nor reported, a FIFO among them never opened', () => {
    expect([...files, ...refusals].map((f) => f.file).filter((f) => f.includes('/.'))).toEqual([]);
  });

  test.each([
    ['2020.csv', 'khong-phai-tep', /^là thư mục, không phải tệp/],
    ['2021.csv', 'khong-phai-tep', /^là đường ống \(FIFO\)/],
    ['2022.csv', 'lien-ket-ngoai', /ra ngoài thư mục content\//],
    ['2023.csv', 'lien-ket-hong', /không tồn tại/],
    ['2025.csv', 'tep-qua-lon', /^tệp quá lớn \(101 byte\); giới hạn cho loại tệp này là 100 byte/],
    ['2026.csv', 'lien-ket-hong', /vòng quanh chính nó/],
  ])('%s is refused (%s)', (name, rule, message) => {
    expect(refusal(name)).toMatchObject({ rule, message: expect.stringMatching(message) });
  });

  test('nothing else is refused', () => {
    expect(refusals).toHaveLength(6);
  });

  test('a single file: absent, or refused for what it is', () => {
    expect(readContentFile(root, 'content/so-lieu/khong-co.yaml', 100)).toEqual({ missing: true });
    expect(readContentFile(root, 'content/so-lieu/2021.csv', 100)).toMatchObject({ refusal: { rule: 'khong-phai-tep' } });
  });

  test('a folder that is a FIFO, or a broken link, is refused once, as the folder', () => {
    execFileSync('mkfifo', [at('content/ong')]);
    symlinkSync('/khong-co', at('content/hong'));
    expect(readContentDir(root, 'content/ong', /\.csv$/, 100).refusals).toEqual([
      { file: 'content/ong', rule: 'khong-phai-thu-muc', message: 'phải là thư mục nhưng là đường ống (FIFO), không phải tệp thường' },
    ]);
    expect(readContentDir(root, 'content/hong', /\.csv$/, 100).refusals).toMatchObject([{ file: 'content/hong', rule: 'lien-ket-hong' }]);
    expect(readContentDir(root, 'content/khong-co', /\.csv$/, 100)).toEqual({ files: [], refusals: [] });
  });
});

describe('the dataset and the MDX collections use those rules', () => {
  test('check:data reports each refused data file as a whole, with its rule', () => {
    const { problems } = readDatasetFilesChecked(root);
    expect(problems.map(formatProblem)).toContain(
      'content/so-lieu/2021.csv: là đường ống (FIFO), không phải tệp thường; hãy xoá hoặc đổi tên để trang không đọc nhầm (quy tắc: khong-phai-tep)',
    );
    expect(() => loadDataset(root)).toThrow(ProblemsError);
  });

  test('an MDX name on a FIFO or a folder is refused by the pre-build check; a hidden one is ignored', () => {
    execFileSync('mkfifo', [at('content/van-ban/ong.mdx')]);
    mkdirSync(at('content/van-ban/thu-muc.mdx'));
    writeFileSync(at('content/van-ban/.nhap.mdx'), '---\ntitle: nháp\n---\n');
    const files = readContentFiles(root);
    expect(files.map((f) => f.file)).toEqual(['content/van-ban/ong.mdx', 'content/van-ban/thu-muc.mdx']);
    expect(checkContentFrontMatter(root, files)).toEqual([
      { file: 'content/van-ban/ong.mdx', line: 1, field: '(tệp)', rule: 'khong-phai-tep', message: expect.stringMatching(/^là đường ống \(FIFO\)/) },
      { file: 'content/van-ban/thu-muc.mdx', line: 1, field: '(tệp)', rule: 'khong-phai-tep', message: expect.stringMatching(/^là thư mục/) },
    ]);
  });
});

const context: ResultsContext = {
  unitIds: new Set(['a']),
  indicatorKinds: new Map([['dem', 'count']]),
  term: { from: 2018, to: 2023 },
};
const HEADER = 'don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu\n';
const messages = (text: string) => parseResultsCsv('t.csv', text, context).problems.map(formatProblem);

describe('cells', () => {
  test.each([
    ['\u0000', 'U+0000'], ['\u0007', 'U+0007'], ['\u0008', 'U+0008'], ['\u000b', 'U+000B'], ['\u000c', 'U+000C'],
    ['\u001b', 'U+001B'], ['\u001f', 'U+001F'], ['\u007f', 'U+007F'], ['\u0085', 'U+0085'], ['\u009b', 'U+009B'],
  ])('control character %j is refused at its line and cell (ky-tu-dieu-khien)', (char, code) => {
    expect(messages(`${HEADER}a,2019,dem,1,,,ghi${char}chú\n`)).toEqual([
      `t.csv:2:7 (cột ghi_chu): ô có ký tự điều khiển ${code} ở ký tự thứ 4 (ký tự vô hình, thường do chép từ phần mềm khác); hãy xoá ký tự này — giá trị "ghi<${code}>chú" (quy tắc: ky-tu-dieu-khien)`,
    ]);
  });

  test('tab, CR and LF stay allowed in a note, and a control character after a line break in it is found on its own line', () => {
    expect(messages(`${HEADER}a,2019,dem,1,,,"một\tdòng\r\nhai"\n`)).toEqual([]);
    expect(messages(`${HEADER}a,2019,dem,1,,,"một\r\nhai\nba\u0000"\n`)[0]).toMatch(/^t\.csv:4:7 \(cột ghi_chu\): .*U\+0000/);
  });

  test('a control character in any column is refused, not only in notes', () => {
    expect(messages(`${HEADER}a\u0000,2019,dem,1,,,\n`)[0]).toMatch(/^t\.csv:2:1 \(cột don_vi\): .*ky-tu-dieu-khien/);
  });

  test.each([
    ['\uFFFE', 'U+FFFE', /ký tự U\+FFFE \(noncharacter\), không có trong bảng ký tự của XML/],
    ['\uFFFF', 'U+FFFF', /ký tự U\+FFFF/],
    ['\u202E', 'U+202E', /ký tự điều khiển hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\), có thể làm chữ số hiện ngược thứ tự/],
    ['\u2067', 'U+2067', /ký tự điều khiển hướng chữ U\+2067/],
    ['\u200B', 'U+200B', /ký tự vô hình U\+200B \(ZERO WIDTH SPACE\)/],
    ['\uFEFF', 'U+FEFF', /ký tự vô hình U\+FEFF/],
  ])('%j in a note is refused at its line and cell, named by its code (ky-tu-khong-hop-le)', (char, code, words) => {
    const [message, ...rest] = messages(`${HEADER}a,2019,dem,1,,,ghi${char}chú 12\n`);
    expect(rest).toEqual([]);
    expect(message).toMatch(/^t\.csv:2:7 \(cột ghi_chu\): ô có /);
    expect(message).toMatch(words);
    // The value is shown with the character by its code: a bidi override cannot reverse the message.
    expect(message).toContain(`, ở ký tự thứ 4 (thường do chép từ phần mềm khác); hãy xoá ký tự này — giá trị "ghi<${code}>chú 12" (quy tắc: ky-tu-khong-hop-le)`);
  });

  // A lone surrogate cannot reach a cell: in UTF-8 it is an invalid byte sequence, refused with
  // the file's encoding (ma-hoa-utf8, test "first invalid UTF-8 byte of [237,160,128]" below).

  test('a surrogate pair (an emoji) is a character like any other, not half of one', () => {
    expect(messages(`${HEADER}a,2019,dem,1,,,đạt 😀\n`)).toEqual([]);
  });

  test(`a cell longer than ${MAX_CELL_CHARS} characters is refused, shown shortened (o-qua-dai)`, () => {
    expect(messages(`${HEADER}a,2019,dem,1,,,${'ồ'.repeat(MAX_CELL_CHARS)}\n`)).toEqual([]);
    expect(messages(`${HEADER}a,2019,dem,1,,,${'ồ'.repeat(MAX_CELL_CHARS + 1)}\n`)).toEqual([
      `t.csv:2:7 (cột ghi_chu): ô dài 2.001 ký tự, quá giới hạn 2.000 ký tự của một ô; ghi chú dài hãy đưa vào văn bản báo cáo — giá trị "${'ồ'.repeat(60)}…" (dài 2.001 ký tự) (quy tắc: o-qua-dai)`,
    ]);
  });

  test(`more than ${MAX_ROWS} data lines stop the reading at the first line past the limit (qua-nhieu-dong)`, () => {
    const blank = '\n'.repeat(1000);
    expect(messages(HEADER + blank + 'a,2019,dem,1,,,\n'.repeat(MAX_ROWS))).toEqual([]);
    expect(messages(HEADER + 'a,2019,dem,1,,,\n'.repeat(MAX_ROWS + 1))).toEqual([
      `t.csv:${MAX_ROWS + 2}: tệp có hơn 100.000 dòng số liệu (gấp 10 lần tệp một năm của 200 đơn vị × 50 chỉ tiêu); hãy tách theo năm hoặc kiểm tra tệp có bị lỗi khi lưu (quy tắc: qua-nhieu-dong)`,
    ]);
  });

  test('blank lines cost nothing and keep the line numbers right', () => {
    expect(messages(`${HEADER.replace('\n', '\r\n')}${'\r\n'.repeat(200_000)}a,2019,khong-co,1,,,\r\n`)).toEqual([
      expect.stringMatching(/^t\.csv:200002:3 \(cột chi_tieu\)/),
    ]);
  });
});

describe('csv-parse errors in Vietnamese, never its English', () => {
  test.each([
    ['an unclosed quote', `${HEADER}a,2019,dem,1,,,"không đóng\n`, 't.csv:2: không đọc được tệp CSV: dấu ngoặc kép mở ở dòng này không được đóng (quy tắc: csv)'],
    ['a quote inside an unquoted cell', `${HEADER}a,2019,dem,1,,,ghi "chú"\n`, 't.csv:2:7 (cột ghi_chu): không đọc được tệp CSV: dấu ngoặc kép nằm giữa ô; ô có dấu ngoặc kép phải được bao trọn trong ngoặc kép, mỗi dấu ngoặc kép bên trong viết hai lần ("") (quy tắc: csv)'],
    ['text after a closing quote', `${HEADER}a,2019,dem,1,,,"ghi"chú\n`, 't.csv:2:7 (cột ghi_chu): không đọc được tệp CSV: sau dấu ngoặc kép đóng ô phải là dấu phân cách hoặc xuống dòng; dấu ngoặc kép bên trong ô phải viết hai lần ("") (quy tắc: csv)'],
  ])('%s', (_name, text, expected) => {
    const found = messages(text);
    expect(found).toEqual([expected]);
    expect(found.join('\n')).not.toMatch(/Invalid|Quote|line \d|found|field/);
  });
});

describe('encodings', () => {
  const utf16 = (text: string) => Buffer.from(text, 'utf16le');
  test.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(HEADER)])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(HEADER).swap16()])],
    ['UTF-16LE without BOM', utf16(HEADER)],
    ['UTF-16BE without BOM', utf16(HEADER).swap16()],
  ])('%s is named as UTF-16, for the whole file', (_name, bytes) => {
    expect(looksUtf16(bytes)).toBe(true);
    const decoded = decodeUtf8('t.csv', bytes);
    expect('problem' in decoded && formatProblem(decoded.problem)).toBe(
      't.csv: tệp được lưu bằng bảng mã UTF-16 (Excel gọi là "Unicode Text"), không phải UTF-8; trong Excel hãy chọn "Lưu thành" → "CSV UTF-8" (quy tắc: ma-hoa-utf8)',
    );
  });

  test('UTF-8 Vietnamese text, and one NUL in it, is not taken for UTF-16', () => {
    expect(looksUtf16(Buffer.from(`${HEADER}a,2019,dem,1,,,Đồng Nai\u0000\n`))).toBe(false);
  });

  test('a Windows-1252 byte on line 100 is reported on line 100, with its place in the line', () => {
    const bytes = Buffer.concat([Buffer.from(HEADER + 'a,2019,dem,1,,,ổn\n'.repeat(98)), Buffer.from('a,2019,dem,1,,,ghi ch\xfa\n', 'latin1')]);
    const decoded = decodeUtf8('t.csv', bytes);
    expect('problem' in decoded && formatProblem(decoded.problem)).toBe(
      't.csv:100: tệp không phải UTF-8 (có thể đã lưu bằng bảng mã Windows): byte 0xFA ở ký tự thứ 22 của dòng; trong Excel hãy chọn "Lưu thành" → "CSV UTF-8" (quy tắc: ma-hoa-utf8)',
    );
  });

  test.each([
    [[0x61, 0xc0, 0x80], 1], [[0xe0, 0x80, 0x80], 0], [[0xed, 0xa0, 0x80], 0], [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x61, 0xe1, 0xbb], 1], [[0xff], 0], [[0xc3, 0xa1, 0xe1, 0xbb, 0x93], -1],
  ])('first invalid UTF-8 byte of %j is at %i', (bytes, offset) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(offset);
    // The same verdict as the decoder the data is read with.
    let refused = false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      refused = true;
    }
    expect(refused).toBe(offset !== -1);
  });
});

describe('values in messages', () => {
  test.each([
    ['ngắn', '"ngắn"'],
    ['hai\r\ndòng\nba', '"hai↵dòng↵ba"'],
    ['\u001b[2J', '"<U+001B>[2J"'],
    ['x'.repeat(80), `"${'x'.repeat(80)}"`],
    ['x'.repeat(81), `"${'x'.repeat(60)}…" (dài 81 ký tự)`],
    ['ồ\n'.repeat(1_000_000), `"${'ồ↵'.repeat(30)}…" (dài 2.000.000 ký tự)`],
  ])('%#: shown on one line, long ones cut', (value, shown) => {
    expect(shownValue(value)).toBe(shown);
    expect(shownValue(value)).not.toMatch(/[\r\n\u0000-\u001f]/);
  });
});
