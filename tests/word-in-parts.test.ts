// The Word import's two middle stages on their own: readBody (src/lib/word-in/read.ts) turns a
// bounded, opened .docx into blocks, and splitParts (src/lib/word-in/header.ts) finds the header
// block, the kind line, the addressees and the ending around the body. The whole import is tested
// in word-in.test.ts; these pin what each stage hands the next.
import { describe, expect, test } from 'vitest';
import { openDocx } from '../src/lib/word-in/open';
import { readBody, type Paragraph } from '../src/lib/word-in/read';
import { KINDS, splitParts } from '../src/lib/word-in/header';
import { wordFile } from './helpers/word-docs';

const plan = () =>
  wordFile({
    header: 'table', parentBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH X', issuingBody: 'BAN THƯỜNG VỤ', number: '12/KH-LĐLĐ', placeDate: 'X, ngày 05 tháng 3 năm 2021',
    kind: 'KẾ HOẠCH', abstract: ['Sơ kết giữa nhiệm kỳ'],
    body: [{ text: 'I. MỤC ĐÍCH, YÊU CẦU', bold: true }, 'Đánh giá kết quả **thực hiện** Nghị quyết.', { table: [['Chỉ tiêu', 'Kết quả'], ['Kết nạp', '1.200']] }],
    recipients: ['Như kính gửi;', 'Lưu: VT.'], signer: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Nguyễn Văn A'],
  });

describe('readBody: blocks of an opened .docx', () => {
  test('paragraphs keep their text, emphasis and alignment; a table keeps its cells', async () => {
    const body = await readBody(await openDocx(await plan()));
    const paragraphs = body.blocks.filter((b): b is Paragraph => b.kind === 'p');
    const heading = paragraphs.find((p) => p.text === 'I. MỤC ĐÍCH, YÊU CẦU')!;
    expect(heading.bold).toBe(true);
    expect(paragraphs.find((p) => p.text === 'KẾ HOẠCH')?.center).toBe(true);
    expect(paragraphs.some((p) => p.text === 'Đánh giá kết quả **thực hiện** Nghị quyết.' && !p.bold)).toBe(true);
    const tables = body.blocks.filter((b) => b.kind === 'table');
    const data = tables.find((t) => t.kind === 'table' && t.rows.some((row) => row.some((cell) => cell.some((p) => p.text === '1.200'))));
    expect(data).toBeDefined();
    expect(body.leftOut).toEqual([]);
  });
});

describe('splitParts: header, kind, body and ending', () => {
  test('a table header and a table ending are placed, nothing left unplaced', async () => {
    const parts = splitParts((await readBody(await openDocx(await plan()))).blocks);
    expect(parts.header).toMatchObject({ parentBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH X', issuingBody: 'BAN THƯỜNG VỤ', number: '12/KH-LĐLĐ', place: 'X', issueDate: '2021-03-05', motto: true });
    expect(parts.kind).toEqual({ line: 'KẾ HOẠCH', label: 'Kế hoạch' });
    expect(parts.abstract).toEqual(['Sơ kết giữa nhiệm kỳ']);
    expect(parts.signer).toMatchObject({ onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'CHỦ TỊCH', name: 'Nguyễn Văn A' });
    expect(parts.recipients.map((r) => r.text)).toEqual(['Như kính gửi;', 'Lưu: VT.']);
    expect(parts.unplaced).toEqual([]);
    expect(parts.body.some((b) => b.kind === 'p' && b.text === 'I. MỤC ĐÍCH, YÊU CẦU')).toBe(true);
  });

  test('every kind line is recognised, and only as a whole line', () => {
    for (const line of ['KẾ HOẠCH', 'HƯỚNG DẪN', 'ĐỀ CƯƠNG BÁO CÁO', 'BÁO CÁO', 'QUYẾT ĐỊNH', 'THÔNG BÁO', 'CHƯƠNG TRÌNH', 'NGHỊ QUYẾT', 'CHỈ THỊ', 'TỜ TRÌNH', 'CÔNG VĂN']) {
      expect(KINDS.filter((k) => k.words.test(line)), line).toHaveLength(1);
    }
    expect(KINDS.some((k) => k.words.test('KẾ HOẠCH SỐ 12'))).toBe(false);
  });
});
