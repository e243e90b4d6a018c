// The bounded .xlsx reader (src/lib/report-kit/xlsx-reader.ts, zip-reader.ts) on its own: the
// archive's numbers refused before inflating, strict OOXML values, positions without `r`, only
// the needed shared strings kept, nothing built past the form's area. The same cases through the
// documented command are in tests/red-team/import.cases.ts.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDataset } from '../src/lib/indicators/read';
import { formArea, readForm } from '../src/lib/report-kit/import';
import { formatProblem } from '../src/lib/problems/problem';
import { formXlsx } from '../src/lib/report-kit/form';
import { readXlsxWorkbook, type XlsxReadOptions } from '../src/lib/report-kit/xlsx-reader';
import { zipEntries, ZipRefusal, ZIP_LIMITS } from '../src/lib/report-kit/zip-reader';
import { bloated, partsOf, withBomb, withCell, withoutR } from '../scripts/bench/hostile-forms';
import { zipSync } from 'fflate';
import { addressOf, formInputFor } from './red-team/forms';

const dataset = loadDataset(process.cwd());
const form = await formXlsx(formInputFor('.', 'long-thanh', dataset));
const count = dataset.indicators.find((i) => i.kind === 'count')!.id;
const value = addressOf(dataset, count, '2019');
const options: XlsxReadOptions = {
  sheet: 'Biểu mẫu', fingerprintSheet: 'Mã kiểm tra', area: formArea(dataset), fingerprintRows: 100, indicatorCodes: new Set(dataset.indicators.map((i) => i.id)),
};
const messages = async (name: string, bytes: Uint8Array) => {
  const read = await readForm(name, bytes, dataset);
  return 'problems' in read ? read.problems.map(formatProblem) : [];
};

describe('the archive, before anything is inflated', () => {
  test('an empty file and a cut-off zip are not forms (khong-doc-duoc), named as such', async () => {
    expect(await messages('rong.xlsx', new Uint8Array(0))).toEqual(['rong.xlsx › tệp: không mở được tệp .xlsx: tệp rỗng (0 byte) (quy tắc: khong-doc-duoc)']);
    expect(await messages('cut.xlsx', form.subarray(0, form.byteLength - 200))).toEqual([
      'cut.xlsx › tệp: tệp .xlsx hỏng: không thấy mục lục của tệp nén (tệp bị cắt cụt hoặc không phải tệp nén) (quy tắc: khong-doc-duoc)',
    ]);
  });

  test('a bomb is refused by its declared numbers: size over the limit, and a ratio over the limit', () => {
    const big = withBomb(form, 'xl/media/a.bin', 600);
    expect(() => zipEntries(big)).toThrow(ZipRefusal);
    expect(() => zipEntries(big)).toThrow(/phần "xl\/media\/a.bin" của tệp nén bung ra 600 MB, quá giới hạn 256 MB/);
    // 200 MB of one byte: within the size limit, but about 1,000 times its stored size.
    expect(() => zipEntries(withBomb(form, 'xl/media/b.bin', 200))).toThrow(new RegExp(`quá tỷ lệ ${ZIP_LIMITS.ratio} lần`));
  });

  test('a part that inflates to more than its declared size is stopped while inflating', async () => {
    const lying = withBomb(form, 'xl/styles.xml', 64, { replace: true, declared: 2000, prefix: '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' });
    const read = await readXlsxWorkbook(lying, options);
    expect(read).toEqual({ problems: [expect.objectContaining({ rule: 'zip-qua-lon', place: 'phần "xl/styles.xml"' })] });
  });
});

describe('values as the standard writes them', () => {
  test.each([['1,234'], ['85,5'], ['12abc'], ['0x10'], ['INF'], ['-INF'], ['NaN'], ['1e'], ['']])('a number cell holding "%s" is refused by cell (o-so-sai-chuan)', async (v) => {
    const got = await messages('x.xlsx', withCell(form, value, `<c r="${value}" s="15"><v>${v}</v></c>`));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(new RegExp(`^x\\.xlsx › trang "Biểu mẫu", ô ${value}: ô kiểu số nhưng chứa .*\\(quy tắc: o-so-sai-chuan\\)$`));
  });

  test('the message names sheet, cell, what the cell holds and the rule', async () => {
    expect(await messages('x.xlsx', withCell(form, value, `<c r="${value}" s="15"><v>1,234</v></c>`))).toEqual([
      `x.xlsx › trang "Biểu mẫu", ô ${value}: ô kiểu số nhưng chứa số viết có dấu phẩy, không theo chuẩn của tệp Excel; tệp không do Excel ghi đúng chuẩn. Hãy gõ lại số trong ô (số nguyên, không dấu phân cách) rồi lưu lại bằng Excel hay LibreOffice — giá trị "1,234" (quy tắc: o-so-sai-chuan)`,
    ]);
  });

  test('xsd:double forms Excel may write are read as the number they are', async () => {
    for (const v of ['4321', '4321.0', '4.321E3', '+4321', '4321.']) {
      const read = await readForm('x.xlsx', withCell(form, value, `<c r="${value}" s="15"><v>${v}</v></c>`), dataset);
      if ('problems' in read) throw new Error(read.problems.map(formatProblem).join('\n'));
      expect(read.entries.find((e) => e.indicator === count && e.period === '2019')!.row!.value, v).toBe(4321);
    }
  });

  test('cells and rows without r take the next place: the same entries as the form with r', async () => {
    const edited = withCell(form, value, `<c r="${value}" s="15"><v>4321</v></c>`);
    const plain = await readForm('x.xlsx', edited, dataset);
    const withoutRefs = await readForm('x.xlsx', withoutR(edited), dataset);
    expect(new TextDecoder().decode(withoutR(edited)).length).toBeGreaterThan(0);
    expect(withoutRefs).toEqual(plain);
  });

  test('a cell given twice, or rows out of order, is a broken file, not a guess', async () => {
    const twice = await readXlsxWorkbook(withCell(form, value, `<c r="${value}" s="15"><v>1</v></c><c r="${value}" s="15"><v>2</v></c>`), options);
    expect(twice).toEqual({ problems: [expect.objectContaining({ rule: 'khong-doc-duoc', message: expect.stringMatching(/ghi sau ô|ghi hai lần/) })] });
  });
});

describe('bounded by the form\'s area', () => {
  test('formatted empty cells to row 1,048,576 are skipped: the form reads as itself', async () => {
    const fat = bloated(form, Math.max(...[...new TextDecoder().decode(form).matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])), 30) + 1, ['E']);
    const read = await readXlsxWorkbook(fat, options);
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));
    expect(read.sheet.rowCount).toBeLessThanOrEqual(options.area.rows);
    expect(await readForm('x.xlsx', fat, dataset)).toEqual(await readForm('x.xlsx', form, dataset));
  }, 60_000);

  test('the XML parsed (not just scanned) has its own bound: 34 MB of text before the first row is refused, not parsed', async () => {
    const parts = partsOf(form);
    const padded = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'ab'.repeat(17 * 1024 * 1024)}</sheetData></worksheet>`;
    // Stored, not deflated: a ratio of 1, so only the parse bound can refuse it.
    const files = Object.fromEntries([...parts].map(([n, d]) => [n, n === 'xl/worksheets/sheet1.xml' ? [new TextEncoder().encode(padded), { level: 0 }] : d]));
    const started = performance.now();
    const read = await readXlsxWorkbook(zipSync(files as Parameters<typeof zipSync>[0]), options);
    expect(read).toEqual({ problems: [expect.objectContaining({ rule: 'zip-qua-lon', place: 'trang "Biểu mẫu"', message: expect.stringMatching(/vùng biểu mẫu của các trang chiếm hơn 32 MB dữ liệu XML/) })] });
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  test('the committed legacy form (blank, as issued) still reads: its layout and unit are found, and it holds no figure', async () => {
    const read = await readXlsxWorkbook(new Uint8Array(readFileSync('tests/fixtures/bieu-mau-cu/long-khanh.xlsx')), options);
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));
    expect(read.sheet.text('A6')).toBe('Mã chỉ tiêu');
    expect(await messages('cu.xlsx', new Uint8Array(readFileSync('tests/fixtures/bieu-mau-cu/long-khanh.xlsx')))).toEqual([
      'cu.xlsx › tệp: biểu mẫu chưa có số liệu nào; không có gì để nhập (quy tắc: bieu-mau-trong)',
    ]);
  });
});
