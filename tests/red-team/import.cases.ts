// Forms an office would receive, and paths it would type, through `npm run import:form -- <tệp>`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import type ExcelJS from 'exceljs';
import type { RedTeamCase } from './harness';
import { cellOf, editedCsv, editedForm } from './forms';
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
  refused({ name: 'import: a text file renamed .xlsx', setup: (d) => { writeFileSync(join(d, 'gia.xlsx'), 'don_vi,nam\n'); return ['gia.xlsx']; }, message: /\(quy tắc: khong-doc-duoc\)/ }),
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
];
