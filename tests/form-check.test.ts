// The form check's shared module (src/lib/report-kit/form-check.ts) in Node: the published JSON
// is all it needs, a valid form is summarised against the published figures and allocations, a
// form of another unit than the one chosen is refused, the size rule and the SHA-256 agree with
// Node's. The browser test (tests/browser/form-check.test.ts) runs the same code in Chromium.
import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { loadDataset } from '../src/lib/indicators/read';
import { checkDatasetOf, checkForm, countsText, sha256Hex } from '../src/lib/report-kit/form-check';
import { formTooLarge, MAX_FORM_BYTES } from '../src/lib/report-kit/import';
import { formatProblem } from '../src/lib/problems/problem';
import { formCsv, formXlsx, FORM_SHEET } from '../src/lib/report-kit/form';
import { formInputFor, cellOf } from './red-team/forms';

const dataset = loadDataset(process.cwd());
const published = JSON.parse(JSON.stringify(checkDatasetOf(dataset)));

async function edited(unitId: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await formXlsx(formInputFor('.', unitId, dataset))) as unknown as ExcelJS.Buffer);
  edit(book.getWorksheet(FORM_SHEET)!);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('checkForm', () => {
  test('the published JSON carries no receipts and no site file positions, and checks like the dataset itself', async () => {
    expect(published.receipts).toBeUndefined();
    expect(published.rows.every((r: { file: string; line: number }) => r.file === '' && r.line === 0)).toBe(true);
    const { row, col } = cellOf(dataset, dataset.indicators[1]!.id, '2019');
    const address = `${String.fromCharCode(64 + col)}${row}`;
    const bytes = await edited('cam-my', (s) => { s.getCell(row, col).value = 'mười'; });
    const viaJson = await checkForm('cam-my.xlsx', bytes, published);
    expect(viaJson).toEqual(await checkForm('cam-my.xlsx', bytes, dataset));
    expect(viaJson).toEqual({ ok: false, messages: [`cam-my.xlsx › trang "Biểu mẫu", ô ${address}: không phải là số nguyên — giá trị "mười" (quy tắc: khong-phai-so)`] });
  });

  test('a valid form: every cell against the published figure and the year\'s allocation', async () => {
    const indicator = dataset.indicators.find((i) => i.kind === 'count' && i.annualTargets['2019'] !== undefined)!;
    const { row, col } = cellOf(dataset, indicator.id, '2019');
    const before = dataset.rows.find((r) => r.unit === 'cam-my' && r.period === '2019' && r.indicator === indicator.id)!;
    const bytes = await edited('cam-my', (s) => { s.getCell(row, col).value = (before.value ?? 0) + 1; });
    const result = await checkForm('cam-my.xlsx', bytes, published);
    if (!result.ok) throw new Error(result.messages.join('\n'));
    expect(result.unitName).toBe('Liên đoàn Lao động huyện Cẩm Mỹ');
    expect(result.counts).toEqual({ add: 0, update: 1, delete: 0, same: 35, blank: 0, kept: 0 });
    expect(countsText(result.counts)).toBe('1 ô sửa, 35 ô như trên trang');
    const cell = result.lines.find((l) => l.indicatorId === indicator.id)!.cells.find((c) => c.period === '2019')!;
    const n = (v: number) => v.toLocaleString('vi-VN');
    expect(cell).toMatchObject({ state: 'update', stateLabel: 'sửa', figure: n(before.value! + 1), published: n(before.value!), where: `trang "Biểu mẫu", ô ${String.fromCharCode(64 + col)}${row}` });
    expect(cell.allocation).toMatch(new RegExp(`^${n(indicator.annualTargets['2019']!).replace('.', '\\.')} `));
    expect(result.deletions).toEqual([]);
  });

  test('a cleared figure is a deletion the unit is warned about', async () => {
    const { row, col } = cellOf(dataset, dataset.indicators[0]!.id, '2018');
    const result = await checkForm('x.xlsx', await edited('tan-phu', (s) => { s.getCell(row, col).value = null; }), published);
    expect(result.ok && result.deletions).toEqual([`${dataset.indicators[0]!.name}, 2018 [trang "Biểu mẫu", ô ${String.fromCharCode(64 + col)}${row}]`]);
  });

  test('a form of another unit than the one chosen is refused, for .xlsx and .csv', async () => {
    const xlsx = await checkForm('a.xlsx', new Uint8Array(await formXlsx(formInputFor('.', 'long-thanh', dataset))), published, 'bien-hoa');
    expect(xlsx).toEqual({ ok: false, messages: ['a.xlsx › trang "Biểu mẫu", ô C3: biểu mẫu này là của "Liên đoàn Lao động huyện Long Thành", không phải của đơn vị đã chọn "Liên đoàn Lao động thành phố Biên Hòa"; hãy chọn đúng tệp biểu mẫu của đơn vị mình (hoặc đổi đơn vị đã chọn) — giá trị "Liên đoàn Lao động huyện Long Thành" (quy tắc: don-vi-khac)'] });
    const csv = await checkForm('a.csv', new TextEncoder().encode(formCsv(formInputFor('.', 'long-thanh', dataset))), published, 'bien-hoa');
    expect(csv.ok ? '' : csv.messages[0]).toMatch(/^a.csv › cột don_vi: biểu mẫu này là của "Liên đoàn Lao động huyện Long Thành"/);
    expect((await checkForm('a.csv', new TextEncoder().encode(formCsv(formInputFor('.', 'long-thanh', dataset))), published, 'long-thanh')).ok).toBe(true);
  });

  test('the size rule: up to 20 MB read, beyond refused from the size alone', async () => {
    expect(formTooLarge('x.csv', MAX_FORM_BYTES)).toBeNull();
    expect(formatProblem(formTooLarge('lon.csv', 30 * 1024 * 1024)!)).toBe('lon.csv › tệp: tệp nặng 30 MB, quá giới hạn 20 MB của một biểu mẫu; đây không phải biểu mẫu tải từ trang (quy tắc: tep-qua-lon)');
  });

  test('SHA-256 of the file, as sha256sum gives it', async () => {
    const bytes = new TextEncoder().encode('biểu mẫu');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
