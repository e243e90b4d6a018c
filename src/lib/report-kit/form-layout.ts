// Where things are on the indicator form, and the fingerprint the form carries: what both the
// writer (form.ts, with ExcelJS) and the reader (import.ts, through xlsx-reader.ts, also in the
// browser) need. Nothing here imports ExcelJS, so the check page's bundle does not carry it.
import type { Indicator } from '../indicators/dataset.ts';
import { groupsOf } from '../indicators/groups.ts';
import type { ResultRow } from '../indicators/results-csv.ts';

export const FORM_SHEET = 'Biểu mẫu';
export const DEFINITIONS_SHEET = 'Định nghĩa';
export const UNITS_SHEET = 'Danh sách đơn vị';
/** Cell holding the reporting unit's name (the same in every layout). */
export const UNIT_CELL = 'C3';
export const NOTE_COLUMN = 'Ghi chú';
export const CODE_COLUMN = 'Mã chỉ tiêu';

/**
 * Where things are on the form sheet. `current` is the form the site issues: header block, STT,
 * indicators grouped main/coordinated, the machine code in a narrow last column, signature rows.
 * `legacy` is the form issued before (code first, header on row 6): forms of that layout are still
 * in circulation and still import.
 */
export interface FormLayout {
  id: 'current' | 'legacy';
  /** How a message names this layout. */
  label: string;
  headerRow: number;
  /** Header cells before the period pairs. */
  fixed: readonly string[];
  /** Header cells after the period pairs. */
  trailing: readonly string[];
  /** 1-based column of the indicator code; 'last' for the column after the trailing note. */
  codeColumn: number | 'last';
  nameColumn: number;
}

export const LAYOUTS: Record<FormLayout['id'], FormLayout> = {
  current: { id: 'current', label: 'biểu mẫu hiện hành (dòng tiêu đề ở dòng 8, cột đầu "STT", cột cuối "Mã chỉ tiêu")', headerRow: 8, fixed: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Cách ghi'], trailing: [NOTE_COLUMN, CODE_COLUMN], codeColumn: 'last', nameColumn: 2 },
  legacy: { id: 'legacy', label: 'biểu mẫu phát hành trước (dòng tiêu đề ở dòng 6, cột đầu "Mã chỉ tiêu")', headerRow: 6, fixed: [CODE_COLUMN, 'Chỉ tiêu', 'Đơn vị tính', 'Cách ghi'], trailing: [NOTE_COLUMN], codeColumn: 1, nameColumn: 2 },
};
/** Row of the column headers of the form the site issues. */
export const HEADER_ROW = LAYOUTS.current.headerRow;

/**
 * A very hidden sheet recording whom the form was issued to and the figures it was prefilled with,
 * so the import can tell a cell the unit cleared (a deletion) from one it never had, and refuse a
 * form whose unit cell was changed to another unit. Forms downloaded before it existed lack it.
 */
export const FINGERPRINT_SHEET = 'Mã kiểm tra';
export const FINGERPRINT_MARK = 'congdoan-soket/bieu-mau';
export const FINGERPRINT_FIRST_ROW = 5;

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

/** The fingerprint sheet's cells as the reader gives them: text of an address, and the last row holding anything. */
export interface FingerprintCells {
  text(address: string): string;
  rowCount: number;
}

export function readFingerprintSheet(sheet: FingerprintCells | null): { unitId: string; fingerprint: string; prefilled: PrefilledLine[] } | null {
  if (!sheet || sheet.text('A1') !== FINGERPRINT_MARK) return null;
  const prefilled: PrefilledLine[] = [];
  for (let r = FINGERPRINT_FIRST_ROW; r <= sheet.rowCount; r += 1) {
    const period = sheet.text(`A${r}`);
    if (period === '') continue;
    prefilled.push({ period, indicator: sheet.text(`B${r}`), signature: sheet.text(`C${r}`) });
  }
  return { unitId: sheet.text('B2'), fingerprint: sheet.text('B3'), prefilled };
}

export interface FormPeriod {
  /** Value of the `nam` column: a year, or the baseline key. */
  key: string;
  label: string;
}

/** The header row of a layout: its fixed columns, "2025 – Giá trị hoặc tử số", "2025 – Mẫu số", … for each period, then the trailing columns. */
export function formHeader(periods: readonly FormPeriod[], layout: FormLayout = LAYOUTS.current): string[] {
  return [...layout.fixed, ...periods.flatMap((p) => [`${p.label} – Giá trị hoặc tử số`, `${p.label} – Mẫu số`]), ...layout.trailing];
}


/** Row of each indicator on the current form: after the header, one heading row per group. */
export function formRows(indicators: readonly Indicator[]): Map<string, number> {
  const rows = new Map<string, number>();
  let r = HEADER_ROW;
  // The indicators in the order and groups the form shows them: groups in the edition's order.
  for (const g of groupsOf(indicators)) {
    r += 1;
    for (const i of g.indicators) rows.set(i.id, (r += 1));
  }
  return rows;
}

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
