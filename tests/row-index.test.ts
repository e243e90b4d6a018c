// rowsWhere (src/lib/indicators/row-index.ts) replaces `rows.filter((r) => r[by] === id)` in the
// unit page, the form, the raw-rows CSVs, the indicator page and the aggregation: it must give the
// same rows in the same order, for any rows, and follow rows added to the array after a first look.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawRowsCsv, rawRowsCsvOf, sortRows } from '../src/lib/indicators/downloads';
import { formRowsOf } from '../src/lib/report-kit/form';
import type { ResultRow } from '../src/lib/indicators/results-csv';
import { rowsWhere } from '../src/lib/indicators/row-index';
import { withBenchDataset } from './helpers/bench-dataset';

const ids = (prefix: string) => fc.constantFrom(...['a', 'b', 'c', 'x'].map((s) => `${prefix}-${s}`));
const row = fc.record({ unit: ids('u'), indicator: ids('i'), period: fc.constantFrom('2019', '2020', 'nk-truoc'), line: fc.nat() })
  .map((r) => ({ ...r, note: '', file: 'f.csv' }) as ResultRow);
const probes = ['u-a', 'u-b', 'u-c', 'u-x', 'u-none', 'i-a', 'i-b', 'i-c', 'i-x', 'i-none'];

describe('rowsWhere', () => {
  it('gives the rows the filter gave, the same objects in the same order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (rows) => {
        for (const id of probes) {
          const by = id.startsWith('u-') ? 'unit' : 'indicator';
          expect(rowsWhere(rows, by, id)).toEqual(rows.filter((r) => r[by] === id));
          rowsWhere(rows, by, id).forEach((r, i) => expect(r).toBe(rows.filter((x) => x[by] === id)[i]));
        }
      }),
    );
  });

  it('regroups an array that grew or shrank after it was grouped', () => {
    const rows: ResultRow[] = [{ unit: 'u-a', indicator: 'i-a', period: '2019', note: '', file: 'f.csv', line: 2 }];
    expect(rowsWhere(rows, 'unit', 'u-a')).toHaveLength(1);
    rows.push({ unit: 'u-a', indicator: 'i-b', period: '2019', note: '', file: 'f.csv', line: 3 });
    expect(rowsWhere(rows, 'unit', 'u-a')).toEqual(rows);
    expect(rowsWhere(rows, 'indicator', 'i-b')).toEqual([rows[1]]);
    rows.pop();
    expect(rowsWhere(rows, 'indicator', 'i-b')).toEqual([]);
  });

  it('at 200 x 50: every unit and indicator CSV and every form row set byte-equal to the filtering code', () => {
    withBenchDataset((dataset) => {
      expect(dataset.units).toHaveLength(200);
      for (const unit of dataset.units) {
        const old = dataset.rows.filter((r) => r.unit === unit.id);
        expect(old.length).toBeGreaterThan(0);
        expect(formRowsOf({ unit, rows: dataset.rows })).toEqual(old);
        expect(rawRowsCsvOf(dataset, 'unit', unit.id)).toBe(rawRowsCsv(sortRows(old, dataset.indicators, dataset.units), dataset.indicators, dataset.units));
      }
      for (const indicator of dataset.indicators) {
        const old = dataset.rows.filter((r) => r.indicator === indicator.id);
        expect(rawRowsCsvOf(dataset, 'indicator', indicator.id)).toBe(rawRowsCsv(sortRows(old, dataset.indicators, dataset.units), dataset.indicators, dataset.units));
      }
      expect(formRowsOf({ unit: null, rows: dataset.rows })).toEqual([]);
    });
  });
});
