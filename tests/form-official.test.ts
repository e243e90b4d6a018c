// The Excel form to the standard of the Word files: read back from the built .xlsx with exceljs
// and from its XML (print titles, fonts).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadDataset } from '../src/lib/indicators/read';
import { FORM_SHEET, HEADER_ROW, formRows } from '../src/lib/report-kit/form';
import { groupsOf } from '../src/lib/indicators/groups';
import { formPeriods } from '../src/lib/report-kit/import';

const DIST = process.env.DIST_DIR ?? 'dist';
const dataset = loadDataset(process.cwd());
const last = 4 + formPeriods(dataset).length * 2 + 2;

async function sheetOf(name: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(join(DIST, `tai-ve/bieu-mau/${name}.xlsx`)) as unknown as ExcelJS.Buffer);
  return { book, sheet: book.getWorksheet(FORM_SHEET)! };
}

describe('the Excel form follows the administrative format', () => {
  test('A4 landscape, margins 20/20/30/20 mm, one page wide, the header row repeated on every printed page', async () => {
    const { sheet } = await sheetOf('cam-my');
    const setup = sheet.pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.fitToPage).toBe(true);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    const mm = (inches: number) => Math.round(inches * 25.4);
    expect([mm(setup.margins!.top), mm(setup.margins!.bottom), mm(setup.margins!.left), mm(setup.margins!.right)]).toEqual([20, 20, 30, 20]);
    // Print titles are a defined name in the workbook XML.
    const zip = await JSZip.loadAsync(readFileSync(join(DIST, 'tai-ve/bieu-mau/cam-my.xlsx')));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Biểu mẫu&apos;!$${HEADER_ROW}:$${HEADER_ROW}</definedName>`);
  });

  test('Times New Roman in every cell of the form; the header block: issuing body, title, unit, period', async () => {
    const { sheet } = await sheetOf('cam-my');
    let cells = 0;
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === null || cell.value === undefined) return;
      cells += 1;
      expect(cell.font?.name, cell.address).toBe('Times New Roman');
    }));
    expect(cells).toBeGreaterThan(100);
    expect(sheet.getCell('A1').value).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI');
    expect(String(sheet.getCell('A2').value)).toMatch(/^BÁO CÁO TỔNG HỢP SỐ LIỆU HOẠT ĐỘNG CÔNG ĐOÀN GIAI ĐOẠN 2018 – 2020/);
    expect(sheet.getCell('C3').value).toBe('Liên đoàn Lao động huyện Cẩm Mỹ');
    expect(String(sheet.getCell('C4').value)).toContain('2018; 2019; 2020');
  });

  test('STT first, indicators grouped main then coordinated, the machine code in a narrow, small, grey last column', async () => {
    const { sheet } = await sheetOf('cam-my');
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect(header[0]).toBe('STT');
    expect(header.at(-1)).toBe('Mã chỉ tiêu');
    expect(sheet.getColumn(last).width).toBeLessThanOrEqual(8);
    const rows = formRows(dataset.indicators);
    groupsOf(dataset.indicators).forEach((g, gi) => {
      const groupRow = rows.get(g.indicators[0]!.id)! - 1;
      expect(sheet.getCell(groupRow, 1).value).toBe(['I', 'II'][gi]);
      expect(sheet.getCell(groupRow, 2).value).toBe(g.label);
      g.indicators.forEach((indicator, i) => {
        const r = rows.get(indicator.id)!;
        expect(sheet.getCell(r, 1).value).toBe(i + 1);
        expect(sheet.getCell(r, 2).value).toBe(indicator.name);
        const code = sheet.getCell(r, last);
        expect(code.value).toBe(indicator.id);
        expect(code.font?.size).toBeLessThanOrEqual(8);
      });
    });
    expect(groupsOf(dataset.indicators).map((g) => g.label)).toEqual(['Nhóm chỉ tiêu chính', 'Nhóm chỉ tiêu phối hợp']);
  });

  test('signature rows: place and date, who drew it up, the head of the unit', async () => {
    const { sheet } = await sheetOf('cam-my');
    const texts: string[] = [];
    sheet.eachRow((row, r) => { if (r > Math.max(...formRows(dataset.indicators).values())) row.eachCell((c) => { if (c.value) texts.push(String(c.value)); }); });
    expect(texts).toEqual(expect.arrayContaining(['[Địa danh], ngày … tháng … năm 20…', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)']));
  });

  test('while the data are illustrative, the form sheet and the definitions say so; the file names the organisation', async () => {
    const { book, sheet } = await sheetOf('toan-tinh');
    expect(sheet.getCell('E1').value).toBe('BIỂU MẪU MINH HỌA');
    expect(String(sheet.getCell('A6').value)).toMatch(/^BIỂU MẪU MINH HỌA: danh mục chỉ tiêu/);
    expect(String(book.getWorksheet('Định nghĩa')!.getCell('A1').value)).toMatch(/^BIỂU MẪU MINH HỌA/);
    expect(book.creator).toBe('Liên đoàn Lao động tỉnh Đồng Nai');
    expect(book.lastModifiedBy).toBe('Liên đoàn Lao động tỉnh Đồng Nai');
    const zip = await JSZip.loadAsync(readFileSync(join(DIST, 'tai-ve/bieu-mau/toan-tinh.xlsx')));
    const props = `${await zip.file('docProps/core.xml')!.async('string')}${await zip.file('docProps/app.xml')!.async('string')}`;
    expect(props).not.toMatch(/Un-named|Unknown/);
  });

  test('the data validation of every figure cell is kept', async () => {
    const { sheet } = await sheetOf('cam-my');
    const rows = formRows(dataset.indicators);
    for (const indicator of dataset.indicators) {
      const r = rows.get(indicator.id)!;
      for (let p = 0; p < formPeriods(dataset).length; p += 1) {
        const value = sheet.getCell(r, 5 + p * 2);
        expect(value.dataValidation?.type, `${indicator.id} ${value.address}`).toBe(indicator.kind === 'count' ? 'whole' : 'custom');
        expect(sheet.getCell(r, 6 + p * 2).dataValidation?.type).toBe(indicator.kind === 'count' ? 'custom' : 'whole');
      }
    }
  });
});
