// Forms an office would receive, and paths it would type, through `npm run import:form -- <tệp>`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import type ExcelJS from 'exceljs';
import type { RedTeamCase } from './harness';
import { addressOf, cellOf, editedCsv, editedForm, hostileForm } from './forms';
import {
  bloated, docxFile, editParts, millionRows, odsFile, setCell, withBomb, withCell, withFilledCopy, withManyRows, withoutR, xlsFile,
} from '../../scripts/bench/hostile-forms';
import { formArea } from '../../src/lib/report-kit/import';
import { formRows } from '../../src/lib/report-kit/form';
import { loadDataset } from '../../src/lib/indicators/read';

const LEGACY = 'tests/fixtures/bieu-mau-cu/long-khanh.xlsx';
const where = (cell: string) => new RegExp(`trang "Biểu mẫu", ô ${cell}:`);
// Rows of the site's form for this edition's indicators, as the cases expect them in messages.
const ROWS = formRows(loadDataset(process.cwd()).indicators);
const firstCount = (d: { indicators: { id: string; kind: string }[] }) => d.indicators.find((i) => i.kind === 'count')!.id;
const firstRate = (d: { indicators: { id: string; kind: string }[] }) => d.indicators.find((i) => i.kind === 'rate')!.id;
const refused = (c: Omit<RedTeamCase, 'command' | 'outcome'>): RedTeamCase => ({ ...c, command: 'import:form', outcome: 'refused' });

export const cases: RedTeamCase[] = [
  refused({ name: 'import: a path that does not exist', setup: () => ['khong-co/bieu-mau.xlsx'], message: /Không tìm thấy tệp biểu mẫu "khong-co\/bieu-mau.xlsx"/ }),
  refused({ name: 'import: a folder instead of a file', setup: (d) => { mkdirSync(join(d, 'thu-muc.xlsx')); return ['thu-muc.xlsx']; }, message: /"thu-muc.xlsx" là một thư mục/ }),
  refused({ name: 'import: a FIFO named like a form (never opened, no hang)', setup: (d) => { execFileSync('mkfifo', [join(d, 'ong.csv')]); return ['ong.csv']; }, message: /"ong.csv" không phải tệp thông thường/, seconds: 10 }),
  refused({ name: 'import: a Word file', setup: (d) => { writeFileSync(join(d, 'bao-cao.docx'), 'x'); return ['bao-cao.docx']; }, message: /chỉ nhập được tệp .xlsx hoặc .csv \(quy tắc: loai-tep\)/ }),
  refused({ name: 'import: an empty .xlsx (0 bytes)', setup: (d) => { writeFileSync(join(d, 'rong.xlsx'), ''); return ['rong.xlsx']; }, message: /không mở được tệp .xlsx/, where: /rong.xlsx › tệp/ }),
  refused({ name: 'import: a text file renamed .xlsx', setup: (d) => { writeFileSync(join(d, 'gia.xlsx'), 'don_vi,nam\n'); return ['gia.xlsx']; }, message: /tệp mang đuôi .xlsx nhưng là một tệp văn bản \(có thể là CSV đổi tên thành .xlsx\).*\(quy tắc: dinh-dang-khac\)/, where: /gia.xlsx › tệp/ }),
  refused({ name: 'import: a 30 MB file is not read whole', setup: (d) => { writeFileSync(join(d, 'lon.csv'), Buffer.alloc(30 * 1024 * 1024, 0x0a)); return ['lon.csv']; }, message: /quá giới hạn 20 MB của một biểu mẫu.*\(quy tắc: tep-qua-lon\)/ }),
  refused({
    name: 'import: a duplicated indicator row (the blank copy must not delete the filled one)',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'trung.xlsx', (s, ds) => {
      const { row } = cellOf(ds, firstCount(ds), '2019');
      // The row copied below the table, its figures left blank (columns E … before the note).
      const last = s.rowCount + 1;
      const values = s.getRow(row).values as ExcelJS.CellValue[];
      s.getRow(last).values = values.map((v, i) => (i >= 5 && i < values.length - 2 ? null : v));
    })],
    message: /chỉ tiêu đã có ở dòng \d+; mỗi chỉ tiêu chỉ ghi một dòng.*\(quy tắc: chi-tieu-trung-dong\)/, where: /ô N\d+:/,
  }),
  refused({
    name: 'import: two indicator codes swapped',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'doi-ma.xlsx', (s, ds) => {
      const a = cellOf(ds, ds.indicators[0]!.id, '2019').row;
      const b = cellOf(ds, ds.indicators[1]!.id, '2019').row;
      const codeCol = s.getRow(8).cellCount; // the narrow last column
      const code = s.getCell(a, codeCol).value;
      s.getCell(a, codeCol).value = s.getCell(b, codeCol).value;
      s.getCell(b, codeCol).value = code;
    })],
    message: /tên chỉ tiêu không khớp với mã .* \(quy tắc: ma-khong-khop-ten\)/, where: /trang "Biểu mẫu", ô B\d+:/,
  }),
  refused({
    name: 'import: a rate\'s numerator and denominator cells merged',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'gop-o.xlsx', (s, ds) => {
      const { row, col } = cellOf(ds, firstRate(ds), '2020');
      s.getCell(row, col).value = 40;
      s.mergeCells(row, col, row, col + 1);
    })],
    message: /các ô trong vùng số liệu bị gộp.*\(quy tắc: o-gop\)/,
  }),
  refused({
    name: 'import: a date typed in a number cell (Excel stores 01/05/2019 as 43586)',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'ngay.xlsx', (s, ds) => {
      const { row, col } = cellOf(ds, firstCount(ds), '2019');
      // Its own style object: ExcelJS shares a loaded style between cells, Excel does not.
      s.getCell(row, col).style = { ...s.getCell(row, col).style, numFmt: 'dd/mm/yyyy' };
      s.getCell(row, col).value = 43586;
    })],
    message: /ô số liệu chứa ngày tháng .*giá trị "01\/05\/2019" \(quy tắc: ngay-trong-o-so\)/, where: where(`G${ROWS.get('mai-am-cong-doan')}`),
  }),
  refused({
    name: 'import: a date typed as text in a number cell',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'ngay2.xlsx', (s, ds) => {
      const { row, col } = cellOf(ds, firstCount(ds), '2020');
      s.getCell(row, col).value = '01/05/2020';
    })],
    message: /giá trị "01\/05\/2020" \(quy tắc: khong-phai-so\)/, where: where(`I${ROWS.get('mai-am-cong-doan')}`),
  }),
  refused({
    name: 'import: the unit cell changed to another unit',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'doi-don-vi.xlsx', (s) => { s.getCell('C3').value = 'Liên đoàn Lao động thành phố Biên Hòa'; })],
    message: /biểu mẫu này được tải về cho "Liên đoàn Lao động huyện Long Thành" nhưng ô đơn vị đã bị đổi.*\(quy tắc: don-vi-khong-khop\)/, where: where('C3'),
  }),
  refused({
    name: 'import: the hidden fingerprint sheet edited',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'sua-an.xlsx', (_s, _ds, book) => { book.getWorksheet('Mã kiểm tra')!.getCell('B2').value = 'bien-hoa'; })],
    message: /phần kiểm tra ẩn của biểu mẫu đã bị sửa.*\(quy tắc: dau-van-tay\)/,
  }),
  refused({
    name: 'import: a prefilled figure cleared, without --dong-y-xoa',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'xoa.xlsx', (s, ds) => {
      const { row, col } = cellOf(ds, firstCount(ds), '2018');
      s.getCell(row, col).value = null;
    })],
    message: /biểu mẫu để trống 1 ô đang có số liệu, nhập sẽ xoá các số liệu đó:\n\s+\S+, 2018 \[trang "Biểu mẫu", ô E\d+\]\n.*--dong-y-xoa/,
  }),
  refused({
    name: 'import: the results folder is read-only (chattr +i, as a share mounted read-only)',
    setup: async (d) => {
      const form = await editedForm(d, 'long-thanh', 'chi-doc.xlsx', (s, ds) => { const { row, col } = cellOf(ds, firstCount(ds), '2020'); s.getCell(row, col).value = 4321; });
      execFileSync('chattr', ['+i', join(d, 'content/so-lieu')]);
      return [form];
    },
    message: /Không nhập biểu mẫu: không tạo được khoá .*content\/so-lieu\/\.nhap-bieu-mau\.khoa: không có quyền ghi/,
  }),
  refused({
    name: 'import: a sheet of neither layout (the header moved)',
    setup: async (d) => [await editedForm(d, 'long-thanh', 'bo-cuc.xlsx', (s) => { s.spliceRows(1, 1); })],
    message: /không nhận ra bố cục của biểu mẫu; cần biểu mẫu hiện hành \(dòng tiêu đề ở dòng 8.*hoặc biểu mẫu phát hành trước \(dòng tiêu đề ở dòng 6.*\(quy tắc: bo-cuc\)/,
  }),
  refused({
    name: 'import: a CSV form with the same line twice (one filled, one blank)',
    setup: (d) => [editedCsv(d, 'tan-phu', 'trung.csv', (lines) => [...lines.slice(0, -1), lines[1]!.replace(/^([^,]*,[^,]*,[^,]*),.*$/, '$1,,,,'), ''])],
    message: /năm và chỉ tiêu này đã có ở dòng 2; mỗi năm của một chỉ tiêu chỉ ghi một lần.*\(quy tắc: dong-trung\)/, where: /trung.csv › dòng \d+:/,
  }),
  refused({
    name: 'import: a CSV form with a control character on the second line of a note',
    setup: (d) => [editedCsv(d, 'tan-phu', 'dieu-khien.csv', (lines) => lines.map((l, i) => (i === 3 ? l.replace(/,[^,]*$/, ',"dòng một\r\ndòng\u0007hai"') : l)))],
    message: /ký tự điều khiển U\+0007.*\(quy tắc: ky-tu-dieu-khien\)/, where: /dieu-khien.csv › dòng 5, cột ghi_chu/,
  }),
  {
    name: 'import: a form downloaded before forms were prefilled (blank), only 2020 filled, deletes nothing',
    command: 'import:form', outcome: 'accepted',
    setup: async (d) => {
      const ExcelJS = (await import('exceljs')).default;
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(LEGACY);
      const sheet = book.getWorksheet('Biểu mẫu')!;
      for (let r = 7; r <= 15; r += 1) {
        const rate = /Tỷ lệ/.test(String(sheet.getCell(r, 4).value));
        sheet.getCell(r, 9).value = rate ? 5 : 100 + r;
        if (rate) sheet.getCell(r, 10).value = 10;
      }
      await book.xlsx.writeFile(join(d, 'cu-2020.xlsx'));
      copyFileSync(join(d, 'content/so-lieu/2018.csv'), join(d, '2018.goc'));
      return ['cu-2020.xlsx'];
    },
    message: /Tổng: thêm 0, sửa 9, xoá 0; giữ nguyên 0 dòng; 27 ô để trống không đổi gì\./,
    after: (d) => {
      for (const name of ['2018.csv', '2019.csv', 'nk-truoc.csv']) {
        expect(readFileSync(join(d, 'content/so-lieu', name)), name).toEqual(readFileSync(join('content/so-lieu', name)));
      }
      expect(readFileSync(join(d, 'content/so-lieu/2020.csv'), 'utf8')).toMatch(/^long-khanh,2020,phat-trien-doan-vien,\d+,,,/m);
    },
  },
  {
    name: 'import: the README command without --root, a relative path, a note with an Excel line break',
    command: 'import:form', outcome: 'accepted',
    setup: async (d) => {
      mkdirSync(join(d, 'duong-dan'));
      await editedForm(d, 'bien-hoa', 'duong-dan/bieu-mau-bien-hoa.xlsx', (s, ds) => {
        const { row, col } = cellOf(ds, firstCount(ds), '2020');
        s.getCell(row, col).value = 12345;
        s.getCell(row, s.getRow(8).cellCount - 1).value = 'dòng một\ndòng hai'; // Alt+Enter in Excel, in the note column
      });
      return ['duong-dan/bieu-mau-bien-hoa.xlsx'];
    },
    message: /Đã ghi content\/so-lieu\//,
    after: (d) => {
      for (const name of ['2018.csv', '2019.csv', '2020.csv', 'nk-truoc.csv']) {
        const others = (text: string) => text.split('\r\n').filter((l) => !/^(bien-hoa,|dòng hai)/.test(l));
        expect(others(readFileSync(join(d, 'content/so-lieu', name), 'utf8')), name).toEqual(others(readFileSync(join('content/so-lieu', name), 'utf8')));
      }
      expect(readFileSync(join(d, 'content/so-lieu/2020.csv'), 'utf8')).toContain(',12345,,,"dòng một\ndòng hai"\r\n');
    },
  },
  ...xlsxCases(),
];

/**
 * Issue 25: the forms the reader must bound or refuse by cell, each made from the site's own form
 * (scripts/bench/hostile-forms.ts edits its XML parts as another program would).
 */
function xlsxCases(): RedTeamCase[] {
  const ds = loadDataset(process.cwd());
  const count = firstCount(ds);
  const value = addressOf(ds, count, '2019');
  const rate = firstRate(ds);
  const area = formArea(ds);
  const lastRow = Math.max(...ROWS.values()) + 4; // the three signature rows end the form
  const noteCol = String.fromCharCode(64 + area.cols - 1); // the note, before the code column
  const row = ROWS.get(count)!;
  const badNumber = (label: string, v: string, what: RegExp) => refused({
    name: `import: a number cell holding ${label} (once read as a wrong figure)`,
    setup: async (d) => [await hostileForm(d, 'long-thanh', 'so-sai.xlsx', (x) => withCell(x, value, `<c r="${value}" s="15"><v>${v}</v></c>`))],
    message: new RegExp(`ô kiểu số nhưng chứa ${what.source}.*giá trị "${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" \\(quy tắc: o-so-sai-chuan\\)`), where: where(value),
  });
  return [
    {
      name: 'import: the form with formatted empty cells down to row 1,048,576 (whole columns formatted), one figure changed',
      command: 'import:form', outcome: 'accepted', seconds: 20,
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'dinh-dang-ca-cot.xlsx', (x) => bloated(withCell(x, value, `<c r="${value}" s="15"><v>4321</v></c>`), lastRow + 1))],
      message: /2019\s+sửa\s+[\d.]+ → 4\.321\s+\[trang "Biểu mẫu", ô [A-Z]+\d+\][\s\S]*Tổng: thêm 0, sửa 1, xoá 0/,
    },
    refused({
      name: 'import: a million rows of figures below the form', seconds: 20,
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'trieu-dong.xlsx', (x) => millionRows(x, lastRow + 1))],
      message: /ô nằm ngoài vùng của biểu mẫu .* \(quy tắc: ngoai-vung-bieu-mau\)/, where: where(`E${area.rows + 1}`),
    }),
    refused({
      name: 'import: one figure at row 200,000 below formatted empty rows',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'so-duoi-xa.xlsx', (x) => withManyRows(x, lastRow + 1, 200_000, (r) => (r === 200_000 ? `<row r="${r}"><c r="E${r}" s="15"><v>77</v></c></row>` : `<row r="${r}" s="15" customFormat="1"><c r="E${r}" s="15"/></row>`)))],
      message: /ô nằm ngoài vùng của biểu mẫu .* \(quy tắc: ngoai-vung-bieu-mau\)/, where: where('E200000'),
    }),
    refused({
      name: 'import: a figure right of the code column',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'ben-phai.xlsx', (x) => withCell(x, `Z${row}`, `<c r="Z${row}"><v>150</v></c>`))],
      message: /ô nằm ngoài vùng của biểu mẫu.*giá trị "150" \(quy tắc: ngoai-vung-bieu-mau\)/, where: where(`Z${row}`),
    }),
    refused({
      name: 'import: an extra zip entry that inflates to 1.2 GB (a zip bomb, sizes declared)',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'bom.xlsx', (x) => withBomb(x, 'xl/media/image1.bin', 1200))],
      message: /phần "xl\/media\/image1.bin" của tệp nén bung ra 1\.200 MB.*\(quy tắc: zip-qua-lon\)/, where: /bom.xlsx › phần "xl\/media\/image1.bin"/,
    }),
    refused({
      name: 'import: an extra zip entry that inflates to 3 GB',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'bom3.xlsx', (x) => withBomb(x, 'xl/media/image1.bin', 3072))],
      message: /phần "xl\/media\/image1.bin" của tệp nén bung ra 3\.072 MB.*\(quy tắc: zip-qua-lon\)/,
    }),
    refused({
      name: 'import: the form sheet\'s entry lies about its size (declares 30 KB, inflates to 1.5 GB)',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'bom-gia.xlsx', (x) => withBomb(x, 'xl/worksheets/sheet1.xml', 1536, {
        replace: true, declared: 30_000, prefix: '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      }))],
      message: /phần "xl\/worksheets\/sheet1.xml" của tệp nén bung ra nhiều hơn cỡ mục lục ghi.*\(quy tắc: zip-qua-lon\)/,
    }),
    badNumber('"1,234" (a thousands comma)', '1,234', /số viết có dấu phẩy/),
    badNumber('"85,5" (a decimal comma)', '85,5', /số viết có dấu phẩy/),
    badNumber('"12abc"', '12abc', /chữ không đọc được thành số/),
    badNumber('"0x10"', '0x10', /chữ không đọc được thành số/),
    badNumber('INF', 'INF', /giá trị vô cực/),
    badNumber('NaN', 'NaN', /giá trị vô cực/),
    refused({
      name: 'import: an ISO date cell (t="d") in a figure cell (once read as 2019)',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'ngay-iso.xlsx', (x) => withCell(x, value, `<c r="${value}" t="d"><v>2019-05-01T00:00:00</v></c>`))],
      message: /ô số liệu chứa ngày tháng .*giá trị "01\/05\/2019" \(quy tắc: ngay-trong-o-so\)/, where: where(value),
    }),
    refused({
      name: 'import: an Excel error (t="e") in a figure cell',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'loi.xlsx', (x) => withCell(x, value, `<c r="${value}" t="e"><v>#DIV/0!</v></c>`))],
      message: /ô số liệu chứa lỗi của Excel.*giá trị "#DIV\/0!" \(quy tắc: o-loi-excel\)/, where: where(value),
    }),
    refused({
      name: 'import: a boolean (t="b") in a figure cell',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'dung-sai.xlsx', (x) => withCell(x, value, `<c r="${value}" t="b"><v>1</v></c>`))],
      message: /ô số liệu chứa giá trị Đúng\/Sai.*giá trị "TRUE" \(quy tắc: o-dung-sai\)/, where: where(value),
    }),
    refused({
      name: 'import: a shared formula\'s child cell (no formula text of its own) in a figure cell',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'cong-thuc-chung.xlsx', (x) => editParts(x, (text, set) => {
        const child = addressOf(ds, count, '2020');
        let sheet = setCell(text('xl/worksheets/sheet1.xml'), `A${row}`, `<c r="A${row}"><f t="shared" ref="A${row}:A${row + 1}" si="0">1+0</f><v>1</v></c>`);
        sheet = setCell(sheet, child, `<c r="${child}" s="15"><f t="shared" si="0"/><v>1516</v></c>`);
        set('xl/worksheets/sheet1.xml', sheet);
      }))],
      message: /ô chứa công thức .*giá trị "=1\+0 \(công thức dùng chung với ô A\d+\)" \(quy tắc: cong-thuc\)/, where: where(addressOf(ds, count, '2020')),
    }),
    refused({
      name: 'import: an array formula in a figure cell',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'cong-thuc-mang.xlsx', (x) => withCell(x, value, `<c r="${value}" s="15"><f t="array" ref="${value}">SUM(E${row}:E${row})</f><v>5</v></c>`))],
      message: /ô chứa công thức .*giá trị "=SUM\(E\d+:E\d+\)" \(quy tắc: cong-thuc\)/, where: where(value),
    }),
    {
      name: 'import: cells and rows without the optional r attribute (their place by the standard), one figure changed',
      command: 'import:form', outcome: 'accepted',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'khong-r.xlsx', (x) => withoutR(withCell(x, value, `<c r="${value}" s="15"><v>4321</v></c>`)))],
      message: /2019\s+sửa\s+[\d.]+ → 4\.321\s+\[trang "Biểu mẫu", ô [A-Z]+\d+\][\s\S]*Tổng: thêm 0, sửa 1, xoá 0/,
    },
    refused({
      name: 'import: a filled copy of the form sheet ("Biểu mẫu (2)") beside the untouched form',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'ban-sao.xlsx', (x) => withFilledCopy(x, value, `<c r="${value}" s="15"><v>4321</v></c>`))],
      message: /trang "Biểu mẫu \(2\)" có số liệu cho chỉ tiêu \S+ .*chỉ trang "Biểu mẫu" được nhập.*\(quy tắc: trang-khac-co-so-lieu\)/, where: /ban-sao.xlsx › trang "Biểu mẫu \(2\)", ô [A-Z]+\d+:/,
    }),
    refused({
      name: 'import: an .ods spreadsheet renamed .xlsx',
      setup: (d) => { writeFileSync(join(d, 'bang-tinh.xlsx'), odsFile()); return ['bang-tinh.xlsx']; },
      message: /tệp mang đuôi .xlsx nhưng là bảng tính OpenDocument \(.ods.*\(quy tắc: dinh-dang-khac\)/,
    }),
    refused({
      name: 'import: an Excel 97–2003 .xls renamed .xlsx',
      setup: (d) => { writeFileSync(join(d, 'cu.xlsx'), xlsFile()); return ['cu.xlsx']; },
      message: /tệp mang đuôi .xlsx nhưng là bảng tính Excel 97–2003 \(.xls\).*\(quy tắc: dinh-dang-khac\)/,
    }),
    refused({
      name: 'import: a Word .docx renamed .xlsx',
      setup: (d) => { writeFileSync(join(d, 'van-ban.xlsx'), docxFile()); return ['van-ban.xlsx']; },
      message: /tệp mang đuôi .xlsx nhưng là văn bản Word \(.docx\).*\(quy tắc: dinh-dang-khac\)/,
    }),
    refused({
      name: 'import: the .xlsx form renamed .csv',
      setup: async (d) => { const name = await hostileForm(d, 'long-thanh', 'bieu-mau.csv', (x) => x); return [name]; },
      message: /tệp mang đuôi .csv nhưng là một tệp nén \(có thể là .xlsx.*\(quy tắc: dinh-dang-khac\)/, where: /bieu-mau.csv › tệp/,
    }),
    refused({
      name: 'import: a right-to-left override (U+202E) in a note',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'rlo.xlsx', (x) => withCell(x, `${noteCol}${row}`, `<c r="${noteCol}${row}" t="inlineStr"><is><t>đạt \u202E0021</t></is></c>`))],
      message: /ô chứa ký tự điều khiển hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\).*\(quy tắc: ky-tu-khong-hop-le\)/, where: where(`${noteCol}${row}`),
    }),
    refused({
      name: 'import: U+FFFE written as _xFFFE_ in a note',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'fffe.xlsx', (x) => withCell(x, `${noteCol}${row}`, `<c r="${noteCol}${row}" t="inlineStr"><is><t>ghi chú _xFFFE_</t></is></c>`))],
      message: /ô chứa ký tự U\+FFFE .*\(quy tắc: ky-tu-khong-hop-le\)/, where: where(`${noteCol}${row}`),
    }),
    refused({
      name: 'import: a raw U+FFFF in a note (the sheet is then not well-formed XML)',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'ffff.xlsx', (x) => withCell(x, `${noteCol}${row}`, `<c r="${noteCol}${row}" t="inlineStr"><is><t>ghi chú \uFFFF</t></is></c>`))],
      message: /ô chứa ký tự U\+FFFF .*\(quy tắc: ky-tu-khong-hop-le\)/, where: where(`${noteCol}${row}`),
    }),
    refused({
      name: 'import: a zero-width space in the unit\'s name',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'zwsp.xlsx', (x) => withCell(x, 'C3', `<c r="C3" t="inlineStr"><is><t>Liên đoàn Lao động huyện Long\u200B Thành</t></is></c>`))],
      message: /ô chứa ký tự vô hình U\+200B \(ZERO WIDTH SPACE\).*\(quy tắc: ky-tu-khong-hop-le\)/, where: where('C3'),
    }),
    refused({
      name: 'import: a control character (BEL, as _x0007_) in a note',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'bel.xlsx', (x) => withCell(x, `${noteCol}${row}`, `<c r="${noteCol}${row}" t="inlineStr"><is><t>ghi_x0007_chú</t></is></c>`))],
      message: /ô chứa ký tự điều khiển U\+0007.*\(quy tắc: ky-tu-dieu-khien\)/, where: where(`${noteCol}${row}`),
    }),
    refused({
      name: 'import: a rate\'s numerator as text in a shared string that is not a number',
      setup: async (d) => [await hostileForm(d, 'long-thanh', 'chu.xlsx', (x) => withCell(x, addressOf(ds, rate, '2019'), `<c r="${addressOf(ds, rate, '2019')}" t="inlineStr"><is><t>ba mươi</t></is></c>`))],
      message: /giá trị "ba mươi" \(quy tắc: khong-phai-so\)/, where: where(addressOf(ds, rate, '2019')),
    }),
  ];
}
