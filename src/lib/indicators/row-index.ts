// The dataset's rows grouped by unit and by indicator, once per rows array: a build asks for the
// rows of each of 200 units and 50 indicators from several places (the unit page, its form, its
// raw-rows CSV, the indicator page and its CSV, the aggregation), and each filtered every row
// (about 30,000 at 200 x 50) again. Each group keeps the rows' order, so it equals that filter.
import type { ResultRow } from './results-csv.ts';

type RowKey = 'unit' | 'indicator';

interface RowIndex {
  /** The array's length when it was grouped: a changed length (rows added or removed) regroups. */
  length: number;
  unit: Map<string, ResultRow[]>;
  indicator: Map<string, ResultRow[]>;
}

const indexes = new WeakMap<readonly ResultRow[], RowIndex>();
// Pure: the form check's browser worker bundles aggregate.ts, and an unused frozen array stays out of it.
const NONE: readonly ResultRow[] = /* @__PURE__ */ Object.freeze([]);

function indexOf(rows: readonly ResultRow[]): RowIndex {
  let index = indexes.get(rows);
  if (index && index.length === rows.length) return index;
  index = { length: rows.length, unit: new Map(), indicator: new Map() };
  for (const row of rows) {
    for (const by of ['unit', 'indicator'] as const) {
      const group = index[by].get(row[by]);
      if (group) group.push(row);
      else index[by].set(row[by], [row]);
    }
  }
  indexes.set(rows, index);
  return index;
}

/**
 * The rows whose `by` (unit or indicator id) is `id`, in their order in `rows`: the same rows as
 * `rows.filter((r) => r[by] === id)`, found in a map. Read-only: the array is shared.
 */
export function rowsWhere(rows: readonly ResultRow[], by: RowKey, id: string): readonly ResultRow[] {
  return indexOf(rows)[by].get(id) ?? NONE;
}
