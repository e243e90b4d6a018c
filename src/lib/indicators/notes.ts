// The `ghi_chu` of result rows as numbered notes under a table: each note gets the next number in
// the table's reading order (row by row, period by period), its cell shows that number, and the
// list under the table gives the number, whose figure it is and the note. Pure, for the pages.
import type { ResultRow } from './results-csv.ts';
import type { DatasetMeta } from './schemas.ts';

export interface TableNote {
  number: number;
  /** Element id of the note in the page, for the cell's link. */
  id: string;
  /** Whose figure: "<tên ngắn của đơn vị>, 2025". */
  label: string;
  text: string;
}

export interface NumberedNotes {
  notes: TableNote[];
  /** The note number of a cell, if it has a note. */
  numberOf: (row: string, period: string) => number | undefined;
}

/**
 * Numbers the notes of `rows` in the order the table shows them.
 * @param rowKey   what identifies a table row (a unit on an indicator page, an indicator on a unit page)
 * @param rowOrder the table's rows, top to bottom; periodOrder its columns, left to right
 * @param start    first number (a page with several tables numbers on from the previous one)
 */
export function numberNotes(
  rows: readonly ResultRow[],
  rowKey: (row: ResultRow) => string,
  rowOrder: readonly { key: string; label: string }[],
  periodOrder: readonly { key: string; label: string }[],
  idPrefix: string,
  start = 1,
): NumberedNotes {
  const noted = new Map(rows.filter((r) => r.note.trim() !== '').map((r) => [`${rowKey(r)}|${r.period}`, r.note.trim()]));
  const notes: TableNote[] = [];
  const numbers = new Map<string, number>();
  for (const row of rowOrder) {
    for (const period of periodOrder) {
      const text = noted.get(`${row.key}|${period.key}`);
      if (text === undefined) continue;
      const number = start + notes.length;
      numbers.set(`${row.key}|${period.key}`, number);
      notes.push({ number, id: `${idPrefix}-${number}`, label: `${row.label}, ${period.label}`, text });
    }
  }
  return { notes, numberOf: (row, period) => numbers.get(`${row}|${period}`) };
}

/** The periods of a results table, left to right: the years, then the baseline when the dataset has one. */
export function tablePeriods(dataset: { years: readonly number[]; meta: Pick<DatasetMeta, 'baseline'> }): { key: string; label: string }[] {
  const { baseline } = dataset.meta;
  return [...dataset.years.map((y) => ({ key: String(y), label: String(y) })), ...(baseline ? [{ key: baseline.key, label: baseline.label }] : [])];
}
