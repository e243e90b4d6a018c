// The indicator form ("Báo cáo tổng hợp số liệu hoạt động công đoàn giai đoạn 2018 – 2020 – mẫu
// biểu kèm theo"), generated from the indicator definitions and units: an .xlsx with data
// validation and a sheet of definitions, and the same form as .csv in the results-file format.
import ExcelJS from 'exceljs';
import type { Indicator, Unit } from '../data/dataset.ts';
import { indicatorGroups, measureUnits } from '../data/schemas.ts';
import { toCsv } from '../data/csv-write.ts';
import { RESULT_COLUMNS, type ResultRow } from '../data/results-csv.ts';

export const FORM_SHEET = 'Biểu mẫu';
export const DEFINITIONS_SHEET = 'Định nghĩa';
export const UNITS_SHEET = 'Danh sách đơn vị';
/** Row of the column headers; indicators start on the next row. */
export const HEADER_ROW = 6;
/** Cell holding the reporting unit's name. */
export const UNIT_CELL = 'C3';
export const FIXED_COLUMNS = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Cách ghi'] as const;
export const NOTE_COLUMN = 'Ghi chú';
/**
 * A very hidden sheet recording whom the form was issued to and the figures it was prefilled with,
 * so the import can tell a cell the unit cleared (a deletion) from one it never had, and refuse a
 * form whose unit cell was changed to another unit. Forms downloaded before it existed lack it.
 */
export const FINGERPRINT_SHEET = 'Mã kiểm tra';
const FINGERPRINT_MARK = 'congdoan-soket/bieu-mau';
const FINGERPRINT_FIRST_ROW = 5;

/** A result line as one comparable string: figures and note. '' stands for a blank line. */
export function rowSignature(row: Pick<ResultRow, 'value' | 'numerator' | 'denominator' | 'note'>): string {
  return [row.value ?? '', row.numerator ?? '', row.denominator ?? '', row.note].join('|');
}

export interface PrefilledLine {
  period: string;
  indicator: string;
  signature: string;
}

/** SHA-256 (Web Crypto, so the same code runs in a browser) of the unit and its prefilled lines, 16 hex digits. */
export async function fingerprintOf(unitId: string, lines: readonly PrefilledLine[]): Promise<string> {
  const text = JSON.stringify([unitId, lines.map((l) => [l.period, l.indicator, l.signature])]);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].slice(0, 8).map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function readFingerprintSheet(book: ExcelJS.Workbook): { unitId: string; fingerprint: string; prefilled: PrefilledLine[] } | null {
  const sheet = book.getWorksheet(FINGERPRINT_SHEET);
  if (!sheet || sheet.getCell('A1').value !== FINGERPRINT_MARK) return null;
  const text = (address: string) => {
    const value = sheet.getCell(address).value;
    return value === null || value === undefined ? '' : String(value);
  };
  const prefilled: PrefilledLine[] = [];
  for (let r = FINGERPRINT_FIRST_ROW; r <= sheet.rowCount; r += 1) {
    const period = text(`A${r}`);
    if (period === '') continue;
    prefilled.push({ period, indicator: text(`B${r}`), signature: text(`C${r}`) });
  }
  return { unitId: text('B2'), fingerprint: text('B3'), prefilled };
}

export interface FormPeriod {
  /** Value of the `nam` column: a year, or the baseline key. */
  key: string;
  label: string;
}

/** "2019 – Giá trị hoặc tử số", "2019 – Mẫu số", … for each period, then "Ghi chú". */
export function formHeader(periods: readonly FormPeriod[]): string[] {
  return [...FIXED_COLUMNS, ...periods.flatMap((p) => [`${p.label} – Giá trị hoặc tử số`, `${p.label} – Mẫu số`]), NOTE_COLUMN];
}

export interface FormInput {
  indicators: readonly Indicator[];
  units: readonly Unit[];
  periods: readonly FormPeriod[];
  /** The unit the form is for; null for the blank province-wide form. */
  unit: Unit | null;
  title: string;
  /** Fixed timestamp so that the same definitions give the same workbook. */
  date: Date;
  /** The unit's committed rows, prefilled into the form so a cell the unit does not touch keeps its figure. */
  rows: readonly ResultRow[];
}

/** The unit's committed row for each period × indicator. */
function rowIndex(rows: readonly ResultRow[]): Map<string, ResultRow> {
  return new Map(rows.map((r) => [`${r.period}|${r.indicator}`, r]));
}

const howTo = (i: Indicator) =>
  i.kind === 'rate' ? `Tỷ lệ: ghi tử số (${i.numerator}) và mẫu số (${i.denominator})` : 'Số đếm: ghi giá trị, để trống mẫu số';

function column(index: number): string {
  let n = index;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
export { column as columnLetter };

export async function formWorkbook(input: FormInput): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Liên đoàn Lao động tỉnh Đồng Nai';
  book.created = input.date;
  book.modified = input.date;
  book.title = input.title;

  const sheet = book.addWorksheet(FORM_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const header = formHeader(input.periods);
  sheet.getCell('A1').value = input.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.getCell('A3').value = 'Đơn vị báo cáo:';
  sheet.getCell('A3').font = { bold: true };
  sheet.getCell(UNIT_CELL).value = input.unit?.name ?? null;
  sheet.getCell(UNIT_CELL).font = { bold: true };
  sheet.mergeCells(`${UNIT_CELL}:${column(header.length)}3`);
  sheet.getCell('A4').value = input.unit
    ? 'Ghi số nguyên, không dấu phân cách; ô để trống là "chưa báo cáo". Chỉ tiêu tỷ lệ ghi tử số và mẫu số, trang tự tính tỷ lệ. Không sửa dòng tiêu đề và cột Mã chỉ tiêu.'
    : 'Chọn tên đơn vị ở ô C3 (danh sách thả xuống). Ghi số nguyên, không dấu phân cách; ô để trống là "chưa báo cáo". Chỉ tiêu tỷ lệ ghi tử số và mẫu số. Không sửa dòng tiêu đề và cột Mã chỉ tiêu.';
  sheet.getCell('A4').font = { italic: true, color: { argb: 'FF404040' } };
  sheet.mergeCells(4, 1, 4, header.length);
  sheet.getRow(4).height = 30;
  sheet.getCell('A4').alignment = { wrapText: true, vertical: 'top' };

  const headerRow = sheet.getRow(HEADER_ROW);
  header.forEach((name, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF6ECEC' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  headerRow.height = 45;

  const committed = rowIndex(input.unit ? input.rows.filter((r) => r.unit === input.unit!.id) : []);
  // The form has one note cell per indicator, read back for every period: it is prefilled only
  // when the periods' notes agree, and what it holds is part of each line's prefilled signature.
  const rowNote = new Map(input.indicators.map((i) => {
    const distinct = [...new Set(input.periods.map((p) => committed.get(`${p.key}|${i.id}`)?.note ?? '').filter((n) => n !== ''))];
    return [i.id, distinct.length === 1 ? distinct[0]! : ''] as const;
  }));
  const grey = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE0E0E0' } };
  input.indicators.forEach((indicator, index) => {
    const r = HEADER_ROW + 1 + index;
    const row = sheet.getRow(r);
    row.getCell(1).value = indicator.id;
    row.getCell(2).value = indicator.name;
    row.getCell(3).value = measureUnits[indicator.unit];
    row.getCell(4).value = howTo(indicator);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    input.periods.forEach((_, p) => {
      const valueCol = FIXED_COLUMNS.length + 1 + p * 2;
      const value = row.getCell(valueCol);
      const den = row.getCell(valueCol + 1);
      value.numFmt = '#,##0';
      den.numFmt = '#,##0';
      const current = committed.get(`${input.periods[p]!.key}|${indicator.id}`);
      if (current) {
        value.value = current.value ?? current.numerator ?? null;
        den.value = current.denominator ?? null;
      }
      const v = `${column(valueCol)}${r}`;
      const d = `${column(valueCol + 1)}${r}`;
      if (indicator.kind === 'count') {
        value.dataValidation = {
          type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true,
          errorTitle: 'Số không hợp lệ', error: 'Ghi số nguyên lớn hơn hoặc bằng 0, không dấu phân cách.',
        };
        den.fill = grey;
        den.dataValidation = {
          type: 'custom', formulae: [`ISBLANK(${d})`], allowBlank: true, showErrorMessage: true,
          errorTitle: 'Không ghi mẫu số', error: 'Chỉ tiêu đếm không có mẫu số; để trống ô này.',
        };
      } else {
        value.dataValidation = {
          type: 'custom', formulae: [`AND(ISNUMBER(${v}),${v}>=0,${v}=INT(${v}),OR(ISBLANK(${d}),${v}<=${d}))`], allowBlank: true, showErrorMessage: true,
          errorTitle: 'Tử số không hợp lệ', error: 'Tử số là số nguyên lớn hơn hoặc bằng 0 và không lớn hơn mẫu số.',
        };
        den.dataValidation = {
          type: 'whole', operator: 'greaterThanOrEqual', formulae: [1], allowBlank: true, showErrorMessage: true,
          errorTitle: 'Mẫu số không hợp lệ', error: 'Mẫu số là số nguyên lớn hơn 0.',
        };
      }
    });
    if (rowNote.get(indicator.id)) row.getCell(header.length).value = rowNote.get(indicator.id)!;
    for (let c = 1; c <= header.length; c += 1) {
      row.getCell(c).border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    }
  });
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 30 : i === 1 ? 48 : i === 2 ? 16 : i === 3 ? 36 : i === header.length - 1 ? 30 : 14;
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }];

  // Units, for the blank form's drop-down (and for reference on every form).
  const unitsSheet = book.addWorksheet(UNITS_SHEET);
  unitsSheet.addRow(['Tên đơn vị', 'Mã đơn vị']).font = { bold: true };
  for (const unit of input.units) unitsSheet.addRow([unit.name, unit.id]);
  unitsSheet.columns = [{ width: 48 }, { width: 28 }];
  if (!input.unit) {
    sheet.getCell(UNIT_CELL).dataValidation = {
      type: 'list', allowBlank: false, formulae: [`'${UNITS_SHEET}'!$A$2:$A$${input.units.length + 1}`], showErrorMessage: true,
      errorTitle: 'Đơn vị không có trong danh sách', error: 'Chọn tên đơn vị trong danh sách.',
    };
    sheet.getCell(UNIT_CELL).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } };
  }

  const stamp = book.addWorksheet(FINGERPRINT_SHEET, { state: 'veryHidden' });
  const prefilled: PrefilledLine[] = [...committed.values()]
    .filter((r) => input.periods.some((p) => p.key === r.period) && input.indicators.some((i) => i.id === r.indicator))
    .map((r) => ({ period: r.period, indicator: r.indicator, signature: rowSignature({ ...r, note: rowNote.get(r.indicator) ?? '' }) }));
  stamp.getCell('A1').value = FINGERPRINT_MARK;
  stamp.getCell('B1').value = 1;
  stamp.getCell('A2').value = 'don_vi';
  stamp.getCell('B2').value = input.unit?.id ?? '';
  stamp.getCell('A3').value = 'dau_van_tay';
  stamp.getCell('B3').value = await fingerprintOf(input.unit?.id ?? '', prefilled);
  prefilled.forEach((line, i) => {
    stamp.getCell(`A${FINGERPRINT_FIRST_ROW + i}`).value = line.period;
    stamp.getCell(`B${FINGERPRINT_FIRST_ROW + i}`).value = line.indicator;
    stamp.getCell(`C${FINGERPRINT_FIRST_ROW + i}`).value = line.signature;
  });

  const defs = book.addWorksheet(DEFINITIONS_SHEET);
  defs.addRow(['Mã chỉ tiêu', 'Chỉ tiêu', 'Nhóm', 'Đơn vị tính', 'Cách tính', 'Định nghĩa', 'Chương trình', 'Nguồn']).font = { bold: true };
  for (const i of input.indicators) {
    defs.addRow([i.id, i.name, indicatorGroups[i.group], measureUnits[i.unit], howTo(i), i.definition, i.programmes.join(', '), i.source]);
  }
  defs.columns = [{ width: 30 }, { width: 48 }, { width: 24 }, { width: 16 }, { width: 40 }, { width: 70 }, { width: 30 }, { width: 50 }];
  defs.eachRow((row) => row.eachCell((cell) => { cell.alignment = { wrapText: true, vertical: 'top' }; }));
  return book;
}

export async function formXlsx(input: FormInput): Promise<Uint8Array> {
  const book = await formWorkbook(input);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The same form as a results file: one line per period × indicator, prefilled with the unit's figures. */
export function formCsv(input: Omit<FormInput, 'date' | 'title'>): string {
  const committed = rowIndex(input.unit ? input.rows.filter((r) => r.unit === input.unit!.id) : []);
  const rows = input.periods.flatMap((p) =>
    input.indicators.map((i) => {
      const r = committed.get(`${p.key}|${i.id}`);
      return [input.unit?.id ?? '', p.key, i.id, r?.value ?? '', r?.numerator ?? '', r?.denominator ?? '', r?.note ?? ''];
    }),
  );
  return toCsv(RESULT_COLUMNS, rows);
}
