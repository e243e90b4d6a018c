// sortRows (src/lib/indicators/downloads.ts) finds each row's positions once: the order must be the
// one the comparator with look-ups at every comparison gave, ties (same indicator, unit and period,
// unknown ids, baseline keys) kept in their input order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Unit } from '../src/lib/indicators/dataset';
import { sortRows } from '../src/lib/indicators/downloads';
import type { ResultRow } from '../src/lib/indicators/results-csv';

function oldSortRows(rows: readonly ResultRow[], indicators: readonly Indicator[], units: readonly Unit[]): ResultRow[] {
  const unitPos = new Map(units.map((u, i) => [u.id, i]));
  const indicatorPos = new Map(indicators.map((d, i) => [d.id, i]));
  const period = (p: string) => (/^\d{4}$/.test(p) ? Number(p) : 0);
  return [...rows].sort(
    (a, b) =>
      (indicatorPos.get(a.indicator) ?? 0) - (indicatorPos.get(b.indicator) ?? 0) ||
      (unitPos.get(a.unit) ?? 0) - (unitPos.get(b.unit) ?? 0) ||
      period(a.period) - period(b.period),
  );
}

const ids = (prefix: string) => fc.constantFrom(...['a', 'b', 'c', 'd', 'x'].map((s) => `${prefix}-${s}`));
const row = fc.record({ unit: ids('u'), indicator: ids('i'), period: fc.constantFrom('2019', '2020', '2021', 'nk-truoc', '', '203'), line: fc.nat() })
  .map((r) => ({ ...r, note: '', file: 'f.csv' }) as ResultRow);

describe('sortRows', () => {
  it('orders as the comparator with look-ups did, ties in input order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.shuffledSubarray(['u-a', 'u-b', 'u-c', 'u-d']), fc.shuffledSubarray(['i-a', 'i-b', 'i-c', 'i-d']), (rows, unitIds, indicatorIds) => {
        const units = unitIds.map((id) => ({ id }) as Unit);
        const indicators = indicatorIds.map((id) => ({ id }) as Indicator);
        expect(sortRows(rows, indicators, units)).toEqual(oldSortRows(rows, indicators, units));
        expect(rows.length).toBe(sortRows(rows, indicators, units).length);
      }),
      { numRuns: 2000 },
    );
  });
});
