// Forms as an office receives them, built in a project copy: the site's own form for a unit
// (prefilled, with its fingerprint sheet), then edited as a person in Excel would.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/lib/indicators/read';
import { columnLetter, FORM_SHEET, formCsv, formRows, formXlsx } from '../../src/lib/report-kit/form';
import { formPeriods } from '../../src/lib/report-kit/import';
import type { Dataset } from '../../src/lib/indicators/dataset';

export function formInputFor(dir: string, unitId: string | null, dataset: Dataset = loadDataset(dir)) {
  return {
    indicators: dataset.indicators, units: dataset.units, periods: formPeriods(dataset),
    unit: unitId ? dataset.units.find((u) => u.id === unitId)! : null,
    title: 'BÁO CÁO TỔNG HỢP SỐ LIỆU', date: new Date('2026-11-25T00:00:00Z'), rows: dataset.rows,
    organisation: 'Liên đoàn Lao động tỉnh Đồng Nai', illustrative: true,
  };
}

/** Row of an indicator and column of a period's value cell in the form sheet. */
export function cellOf(dataset: Dataset, indicatorId: string, period: string): { row: number; col: number } {
  const row = formRows(dataset.indicators).get(indicatorId)!;
  const col = 5 + formPeriods(dataset).findIndex((p) => p.key === period) * 2;
  return { row, col };
}

/** The unit's form as the site serves it, edited, saved as `name` in the copy; returns the path as typed after `--`. */
export async function editedForm(dir: string, unitId: string | null, name: string, edit: (sheet: ExcelJS.Worksheet, dataset: Dataset, book: ExcelJS.Workbook) => void): Promise<string> {
  const dataset = loadDataset(dir);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await formXlsx(formInputFor(dir, unitId, dataset))) as unknown as ExcelJS.Buffer);
  edit(book.getWorksheet(FORM_SHEET)!, dataset, book);
  await book.xlsx.writeFile(join(dir, name));
  return name;
}

/** The unit's CSV form as served, with `edit` applied to its lines; saved in the copy. */
export function editedCsv(dir: string, unitId: string, name: string, edit: (lines: string[]) => string[]): string {
  const text = formCsv(formInputFor(dir, unitId));
  writeFileSync(join(dir, name), edit(text.split('\r\n')).join('\r\n'));
  return name;
}

/** The unit's form as the site serves it, turned into a hostile file by `make` (scripts/bench/hostile-forms.ts), saved as `name` in the copy. */
export async function hostileForm(dir: string, unitId: string, name: string, make: (xlsx: Uint8Array, dataset: Dataset) => Uint8Array): Promise<string> {
  const dataset = loadDataset(dir);
  writeFileSync(join(dir, name), make(await formXlsx(formInputFor(dir, unitId, dataset)), dataset));
  return name;
}

/** "E10": the address of an indicator's value cell for a period in the site's form. */
export function addressOf(dataset: Dataset, indicatorId: string, period: string, offset = 0): string {
  const { row, col } = cellOf(dataset, indicatorId, period);
  return `${columnLetter(col + offset)}${row}`;
}
