// A figure as the sortable tables of the indicator and unit pages show it.
import { formatQuantityDetailed, sortKey } from './format.ts';
import type { Quantity } from './aggregate.ts';

/** A figure in a sortable table: its text, its sort key, whether it is "chưa báo cáo", its note's number. */
export interface FigureCell {
  text: string;
  sortValue: string;
  notReported: boolean;
  note?: number | undefined;
}

export const figure = (q: Quantity | null, note?: number): FigureCell => ({
  text: formatQuantityDetailed(q),
  sortValue: sortKey(q),
  notReported: q === null,
  ...(note === undefined ? {} : { note }),
});
