// The indicator form ("Báo cáo tổng hợp số liệu hoạt động công đoàn giai đoạn <years> – mẫu
// biểu kèm theo"), generated from the indicator definitions and units: an .xlsx with data
// validation and a sheet of definitions, and the same form as .csv in the results-file format.
import type * as ExcelJS from 'exceljs';
import { zipPackage } from './zip-writer.ts';
import { storedParts } from './zip-reader.ts';
import type { Indicator, Unit } from '../indicators/dataset.ts';
import { toCsv } from '../indicators/csv-write.ts';
import { groupsOf } from '../indicators/groups.ts';
import { RESULT_COLUMNS, type ResultRow } from '../indicators/results-csv.ts';
import { rowsWhere } from '../indicators/row-index.ts';

export {
  CODE_COLUMN, DEFINITIONS_SHEET, FINGERPRINT_SHEET, FORM_SHEET, HEADER_ROW, LAYOUTS, NOTE_COLUMN, UNIT_CELL, UNITS_SHEET,
  columnLetter, fingerprintOf, formHeader, formRows, readFingerprintSheet, rowSignature,
  type FingerprintCells, type FormLayout, type FormPeriod, type PrefilledLine,
} from './form-layout.ts';
import {
  FINGERPRINT_FIRST_ROW, FINGERPRINT_MARK, FINGERPRINT_SHEET, FORM_SHEET, HEADER_ROW, LAYOUTS, UNIT_CELL, UNITS_SHEET, DEFINITIONS_SHEET,
  columnLetter as column, fingerprintOf, formHeader, formRows, rowSignature, type FormPeriod, type PrefilledLine,
} from './form-layout.ts';

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
  /** The issuing body, printed in the header block and in the file's properties. */
  organisation: string;
  /** While the dataset is illustrative, the form sheet says so in a visible line. */
  illustrative: boolean;
}

/** The unit's committed row for each period × indicator. */
/** The committed rows a form carries: the unit's own; the blank whole-organisation form none. */
export function formRowsOf(input: Pick<FormInput, 'unit' | 'rows'>): readonly ResultRow[] {
  return input.unit ? rowsWhere(input.rows, 'unit', input.unit.id) : [];
}

function rowIndex(rows: readonly ResultRow[]): Map<string, ResultRow> {
  return new Map(rows.map((r) => [`${r.period}|${r.indicator}`, r]));
}

const howTo = (i: Indicator) =>
  i.kind === 'rate' ? `Tỷ lệ: ghi tử số (${i.numerator}) và mẫu số (${i.denominator})` : 'Số đếm: ghi giá trị, để trống mẫu số';


/** Page margins of the administrative format (20 / 20 / 30 / 20 mm), in inches as Excel keeps them. */
export const FORM_MARGINS = { top: 20 / 25.4, bottom: 20 / 25.4, left: 30 / 25.4, right: 20 / 25.4, header: 0.3, footer: 0.3 } as const;
export const FORM_FONT = 'Times New Roman';

export async function formWorkbook(input: FormInput): Promise<ExcelJS.Workbook> {
  // Loaded when a form is first written, not with this module: ExcelJS takes 0.3-0.6 s to load, and
  // the build's main thread, which reads formRowsOf and formCsv from here, no longer writes the forms
  // (src/lib/report-kit/prepared-kit.ts), nor does a rebuild whose forms are all cached.
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  book.creator = input.organisation;
  book.lastModifiedBy = input.organisation;
  book.company = input.organisation;
  book.created = input.date;
  book.modified = input.date;
  book.title = input.title;

  const header = formHeader(input.periods);
  const last = header.length;
  const sheet = book.addWorksheet(FORM_SHEET, {
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      margins: FORM_MARGINS, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, horizontalCentered: true,
    },
  });
  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FORM_FONT, size: 12, ...extra });
  const put = (address: string, value: ExcelJS.CellValue, extra: Partial<ExcelJS.Font> = {}, alignment: Partial<ExcelJS.Alignment> = {}) => {
    const cell = sheet.getCell(address);
    cell.value = value;
    cell.font = font(extra);
    cell.alignment = { vertical: 'middle', wrapText: true, ...alignment };
    return cell;
  };
  const at = (row: number, col: number) => `${column(col)}${row}`;

  // Header block: the issuing body on the left; the illustrative mark on the right; the title.
  put('A1', input.organisation.toLocaleUpperCase('vi'), { bold: true }, { horizontal: 'center' });
  sheet.mergeCells(1, 1, 1, 2);
  if (input.illustrative) {
    put(at(1, 5), 'BIỂU MẪU MINH HỌA', { bold: true, color: { argb: 'FFB00020' } }, { horizontal: 'right' });
    sheet.mergeCells(1, 5, 1, last);
  }
  put('A2', input.title, { bold: true, size: 14 }, { horizontal: 'center' });
  sheet.mergeCells(2, 1, 2, last);
  sheet.getRow(2).height = 36;
  put('A3', 'Đơn vị báo cáo:', { bold: true });
  sheet.mergeCells('A3:B3');
  put(UNIT_CELL, input.unit?.name ?? null, { bold: true });
  sheet.mergeCells(`${UNIT_CELL}:${column(last)}3`);
  put('A4', 'Kỳ báo cáo:', { bold: true });
  sheet.mergeCells('A4:B4');
  put('C4', `${input.periods.map((p) => p.label).join('; ')}`);
  sheet.mergeCells(`C4:${column(last)}4`);
  put('A5', input.unit
    ? 'Ghi số nguyên, không dấu phân cách; ô để trống là "chưa báo cáo". Các ô đã điền sẵn là số liệu đơn vị đang có trên trang: giữ nguyên nếu đúng, sửa nếu sai. Chỉ tiêu tỷ lệ ghi tử số và mẫu số, trang tự tính tỷ lệ. Không sửa dòng tiêu đề và cột Mã chỉ tiêu.'
    : 'Chọn tên đơn vị ở ô C3 (danh sách thả xuống). Ghi số nguyên, không dấu phân cách; ô để trống là "chưa báo cáo". Chỉ tiêu tỷ lệ ghi tử số và mẫu số. Không sửa dòng tiêu đề và cột Mã chỉ tiêu.', { italic: true, size: 11, color: { argb: 'FF404040' } }, { vertical: 'top' });
  sheet.mergeCells(5, 1, 5, last);
  sheet.getRow(5).height = 32;
  if (input.illustrative) {
    put('A6', 'BIỂU MẪU MINH HỌA: danh mục chỉ tiêu, mục tiêu và số liệu điền sẵn trên trang hiện là số liệu minh họa, chưa phải số liệu chính thức.', { bold: true, italic: true, color: { argb: 'FFB00020' } });
    sheet.mergeCells(6, 1, 6, last);
  }

  const thin = { style: 'thin' as const };
  const box = { top: thin, bottom: thin, left: thin, right: thin };
  const headerRow = sheet.getRow(HEADER_ROW);
  header.forEach((name, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = name;
    cell.font = font({ bold: true, size: i === last - 1 ? 8 : 11, ...(i === last - 1 ? { color: { argb: 'FF808080' } } : {}) });
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = box;
  });
  headerRow.height = 45;

  const committed = rowIndex(formRowsOf(input));
  // The form has one note cell per indicator, read back for every period: it is prefilled only
  // when the periods' notes agree, and what it holds is part of each line's prefilled signature.
  const rowNote = new Map(input.indicators.map((i) => {
    const distinct = [...new Set(input.periods.map((p) => committed.get(`${p.key}|${i.id}`)?.note ?? '').filter((n) => n !== ''))];
    return [i.id, distinct.length === 1 ? distinct[0]! : ''] as const;
  }));
  const grey = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE0E0E0' } };
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const rows = formRows(input.indicators);
  groupsOf(input.indicators).forEach((g, gi) => {
    const first = rows.get(g.indicators[0]!.id)! - 1;
    put(at(first, 1), roman[gi] ?? String(gi + 1), { bold: true }, { horizontal: 'center' }).border = box;
    put(at(first, 2), g.label, { bold: true }).border = box;
    sheet.mergeCells(first, 2, first, last);
    g.indicators.forEach((indicator, index) => {
      const r = rows.get(indicator.id)!;
      const row = sheet.getRow(r);
      put(at(r, 1), index + 1, {}, { horizontal: 'center' });
      put(at(r, 2), indicator.name);
      put(at(r, 3), indicator.unitLabel, {}, { horizontal: 'center' });
      put(at(r, 4), howTo(indicator), { size: 11 });
      input.periods.forEach((period, p) => {
        const valueCol = LAYOUTS.current.fixed.length + 1 + p * 2;
        const value = row.getCell(valueCol);
        const den = row.getCell(valueCol + 1);
        for (const c of [value, den]) {
          c.numFmt = '#,##0';
          c.font = font();
          c.alignment = { horizontal: 'right', vertical: 'middle' };
        }
        const current = committed.get(`${period.key}|${indicator.id}`);
        if (current) {
          value.value = current.value ?? current.numerator ?? null;
          den.value = current.denominator ?? null;
        }
        const v = at(r, valueCol);
        const d = at(r, valueCol + 1);
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
      put(at(r, last - 1), rowNote.get(indicator.id) || null, { size: 11 });
      // The machine code the import reads: last, narrow, small and grey.
      put(at(r, last), indicator.id, { size: 7, color: { argb: 'FF808080' } });
      for (let c = 1; c <= last; c += 1) row.getCell(c).border = box;
    });
  });

  // Signature rows, as a data form is signed: who drew it up, and the head of the unit.
  const end = Math.max(...rows.values()) + 2;
  const right = LAYOUTS.current.fixed.length + 1;
  put(at(end, right), '[Địa danh], ngày … tháng … năm 20…', { italic: true }, { horizontal: 'center' });
  sheet.mergeCells(end, right, end, last - 1);
  put(at(end + 1, 2), 'NGƯỜI LẬP BIỂU', { bold: true }, { horizontal: 'center' });
  put(at(end + 1, right), 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true }, { horizontal: 'center' });
  sheet.mergeCells(end + 1, right, end + 1, last - 1);
  put(at(end + 2, 2), '(Ký, ghi rõ họ tên)', { italic: true }, { horizontal: 'center' });
  put(at(end + 2, right), '(Ký tên, đóng dấu)', { italic: true }, { horizontal: 'center' });
  sheet.mergeCells(end + 2, right, end + 2, last - 1);

  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 6 : i === 1 ? 44 : i === 2 ? 14 : i === 3 ? 30 : i === last - 2 ? 26 : i === last - 1 ? 6 : 13;
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
    defs.addRow([i.id, i.name, i.groupLabel, i.unitLabel, howTo(i), i.definition, i.programmes.join(', '), i.source]);
  }
  defs.columns = [{ width: 30 }, { width: 48 }, { width: 24 }, { width: 16 }, { width: 40 }, { width: 70 }, { width: 30 }, { width: 50 }];
  defs.eachRow((row) => row.eachCell((cell) => { cell.alignment = { wrapText: true, vertical: 'top' }; }));
  for (const other of [unitsSheet, defs]) {
    other.eachRow((row, r) => row.eachCell((cell) => { cell.font = { name: FORM_FONT, size: 12, bold: r === 1 }; }));
    other.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: FORM_MARGINS, printTitlesRow: '1:1' };
  }
  if (input.illustrative) {
    defs.insertRow(1, ['BIỂU MẪU MINH HỌA: danh mục chỉ tiêu và mục tiêu là số liệu minh họa.']);
    defs.getCell('A1').font = { name: FORM_FONT, size: 12, bold: true, color: { argb: 'FFB00020' } };
    defs.pageSetup.printTitlesRow = '2:2';
  }
  return book;
}

/**
 * The form's .xlsx. ExcelJS zips with JSZip, which stamps every entry with the time it was written
 * and deflates in JavaScript: the same figures gave other bytes in every build (the offline build
 * id and the caches between builds key on the bytes). ExcelJS writes the parts stored instead, and
 * they are packed as the drafts are (zipPackage, zip-writer.ts): fixed entry times, Node's native
 * deflate, and every XML part made well-formed on the way (xmlSafe: ExcelJS writes any string as it
 * is, so U+FFFE in a unit's name or a note would make a part Excel and the site's own import refuse;
 * bytes that are not UTF-8 become U+FFFD too). The readers refuse such characters first
 * (src/lib/text/unsafe-characters.ts).
 */
export async function formXlsx(input: FormInput): Promise<Uint8Array> {
  const book = await formWorkbook(input);
  const stored = new Uint8Array(await book.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  const decoder = new TextDecoder('utf-8');
  const parts = new Map<string, string | Uint8Array>();
  for (const [name, bytes] of storedParts(stored)) parts.set(name, /\.(xml|rels|vml)$/i.test(name) ? decoder.decode(bytes) : bytes);
  return new Uint8Array(zipPackage(parts));
}

/** The same form as a results file: one line per period × indicator, prefilled with the unit's figures. */
export function formCsv(input: Pick<FormInput, 'indicators' | 'periods' | 'unit' | 'rows'>): string {
  const committed = rowIndex(formRowsOf(input));
  const rows = input.periods.flatMap((p) =>
    input.indicators.map((i) => {
      const r = committed.get(`${p.key}|${i.id}`);
      return [input.unit?.id ?? '', p.key, i.id, r?.value ?? '', r?.numerator ?? '', r?.denominator ?? '', r?.note ?? ''];
    }),
  );
  return toCsv(RESULT_COLUMNS, rows);
}
