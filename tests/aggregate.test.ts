// Aggregation is exact: counts in integers, rates as Σnumerator / Σdenominator, statuses from exact
// comparisons; missing reports stay missing. Property tests check it on random datasets.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import {
  aggregateIndicator, compareToTarget, percentTenths, rank, shareOfTarget, statusOf, type IndicatorInput, type Quantity,
} from '../src/lib/indicators/aggregate';
import { formatPercent, formatQuantity, formatQuantityDetailed, statusLabels, statusSymbols, summariseByUnit, summariseByYear, summariseCumulative } from '../src/lib/indicators/format';
import { indicatorCharts } from '../src/lib/indicators/chart-specs';
import { neutraliseCell, toCsv } from '../src/lib/indicators/csv-write';
import type { ResultRow } from '../src/lib/indicators/results-csv';

const count: IndicatorInput = { id: 'dem', kind: 'count', direction: 'cao-hon-la-tot', termTarget: 100, annualTargets: { 2018: 20, 2019: 20 } };
const rate: IndicatorInput = { id: 'ty-le', kind: 'rate', direction: 'cao-hon-la-tot', termTarget: 75, annualTargets: { 2019: 70 } };
const row = (unit: string, period: string, indicator: string, value: number | [number, number], line = 0): ResultRow =>
  Array.isArray(value)
    ? { unit, period, indicator, numerator: value[0], denominator: value[1], note: '', file: 't.csv', line }
    : { unit, period, indicator, value, note: '', file: 't.csv', line };

const rows: ResultRow[] = [
  row('a', '2018', 'dem', 12), row('b', '2018', 'dem', 9), row('a', '2019', 'dem', 15), row('b', '2019', 'dem', 5),
  row('a', '2018', 'ty-le', [7, 10]), row('b', '2018', 'ty-le', [3, 5]), row('a', '2019', 'ty-le', [8, 10]), row('b', '2019', 'ty-le', [6, 10]),
  row('a', 'nk-truoc', 'dem', 30),
];

describe('counts', () => {
  const s = aggregateIndicator(count, ['a', 'b'], rows, [2018, 2019], 'nk-truoc');
  test('province totals per year, cumulative, allocation status', () => {
    expect(s.years.map((y) => y.total)).toEqual([{ kind: 'count', value: 21 }, { kind: 'count', value: 20 }]);
    expect(s.years.map((y) => y.status)).toEqual(['vuot', 'dat']);
    expect(s.cumulative.map((c) => c.total)).toEqual([{ kind: 'count', value: 21 }, { kind: 'count', value: 41 }]);
    expect(s.result).toEqual({ kind: 'count', value: 41 });
    expect(s.periodTarget).toBe(40);
    expect(s.status).toBe('vuot');
    expect(s.termShare).toEqual({ numerator: 41, denominator: 100 });
    expect(s.baseline).toEqual({ kind: 'count', value: 30 });
    expect(s.complete).toBe(true);
  });
  test('per-unit results and ranking', () => {
    expect(s.units.map((u) => [u.unitId, u.result, u.rank])).toEqual([
      ['a', { kind: 'count', value: 27 }, 1],
      ['b', { kind: 'count', value: 14 }, 2],
    ]);
  });
  test('one-sentence summaries', () => {
    expect(summariseByYear(s, 'đoàn viên', 'toàn tỉnh')).toBe('Năm 2019, toàn tỉnh: 20 đoàn viên, phân bổ 20 đoàn viên, đạt; 2/2 năm có phân bổ đạt hoặc vượt.');
    expect(summariseCumulative(s, 'đoàn viên')).toBe('Lũy kế 2018 – 2019: 41 đoàn viên, bằng 41,0% mục tiêu nhiệm kỳ (100 đoàn viên).');
    expect(summariseByUnit(s, (id) => id.toUpperCase(), 'đoàn viên')).toBe('Dẫn đầu về lũy kế: A (27 đoàn viên).');
  });
});

describe('rates', () => {
  const s = aggregateIndicator(rate, ['a', 'b'], rows, [2018, 2019]);
  test('Σnumerator / Σdenominator, never the average of percentages', () => {
    // a: 7/10 = 70 %, b: 3/5 = 60 %; the average would say 65 %, the province is 10/15 = 66,7 %.
    expect(s.years[0]?.total).toEqual({ kind: 'rate', numerator: 10, denominator: 15 });
    expect(formatQuantity(s.years[0]?.total ?? null)).toBe('66,7%');
    expect(formatQuantityDetailed(s.years[1]?.total ?? null)).toBe('70,0% (14/20)');
  });
  test('a rate is judged at its latest year, exactly against the allocation', () => {
    expect(s.result).toEqual({ kind: 'rate', numerator: 14, denominator: 20 });
    expect(s.periodTarget).toBe(70);
    expect(s.status).toBe('dat');
    // 2018 has no allocation, but the indicator has a term target: "no target" would be untrue.
    expect(s.years[0]?.status).toBe('chua-co-phan-bo-nam');
    // 70 % of a 75 % target: 14·10000 / (20·7500)
    expect(s.termShare).toEqual({ numerator: 140_000, denominator: 150_000 });
    expect(s.cumulative.map((c) => c.total)).toEqual(s.years.map((y) => y.total));
  });
});

describe('missing reports', () => {
  const partial = rows.filter((r) => !(r.unit === 'b' && r.period === '2019'));
  const s = aggregateIndicator(count, ['a', 'b'], partial, [2018, 2019]);
  test('are "chưa báo cáo", never zero, and the unit is not ranked', () => {
    expect(s.years[1]).toMatchObject({ total: { kind: 'count', value: 15 }, reportedUnits: 1, missingUnits: ['b'] });
    expect(s.complete).toBe(false);
    const b = s.units.find((u) => u.unitId === 'b');
    expect(b?.years[1]?.value).toBeNull();
    expect(formatQuantity(b?.years[1]?.value ?? null)).toBe('chưa báo cáo');
    expect(b?.complete).toBe(false);
    expect(b?.rank).toBeNull();
    expect(summariseByYear(s, 'đoàn viên', 'toàn tỉnh')).toContain('(1 đơn vị chưa báo cáo)');
  });
  test('a year nobody reported has no total and no status against its allocation', () => {
    const s2 = aggregateIndicator(count, ['a', 'b'], rows.filter((r) => r.period !== '2019'), [2018, 2019]);
    expect(s2.years[1]).toMatchObject({ total: null, reportedUnits: 0, status: 'chua-co-so-lieu' });
  });
});

describe('exact arithmetic', () => {
  test('per cent in tenths, half up, from integers', () => {
    expect(percentTenths(2, 3)).toBe(667);
    expect(percentTenths(1, 3)).toBe(333);
    expect(percentTenths(1, 8)).toBe(125);
    expect(percentTenths(1, 16)).toBe(63); // 6,25 % → 6,3 %
    expect(percentTenths(1, 2000)).toBe(1); // 0,05 % → 0,1 %
    expect(formatPercent(1234, 1850)).toBe('66,7%');
  });
  test('rate against a target with decimals: 137/200 is exactly 68,5 %', () => {
    expect(compareToTarget({ kind: 'rate', numerator: 137, denominator: 200 }, 68.5)).toBe(0);
    expect(compareToTarget({ kind: 'rate', numerator: 136, denominator: 200 }, 68.5)).toBe(-1);
    expect(compareToTarget({ kind: 'rate', numerator: 1, denominator: 3 }, 33.33)).toBe(1);
  });
  test('lower is better: fewer stoppages than allowed is "vượt"', () => {
    expect(statusOf({ kind: 'count', value: 18 }, 20, 'thap-hon-la-tot')).toBe('vuot');
    expect(statusOf({ kind: 'count', value: 20 }, 20, 'thap-hon-la-tot')).toBe('dat');
    expect(statusOf({ kind: 'count', value: 24 }, 20, 'thap-hon-la-tot')).toBe('chua-dat');
    expect(statusOf({ kind: 'count', value: 24 }, null, 'thap-hon-la-tot')).toBe('chua-co-muc-tieu');
  });
  test('competition ranking with ties, in either direction', () => {
    const items = [
      { key: 'a', value: { kind: 'count', value: 5 } as Quantity },
      { key: 'b', value: { kind: 'count', value: 9 } as Quantity },
      { key: 'c', value: { kind: 'count', value: 5 } as Quantity },
      { key: 'd', value: { kind: 'count', value: 1 } as Quantity },
    ];
    expect(Object.fromEntries(rank(items, 'cao-hon-la-tot'))).toEqual({ b: 1, a: 2, c: 2, d: 4 });
    expect(Object.fromEntries(rank(items, 'thap-hon-la-tot'))).toEqual({ d: 1, a: 2, c: 2, b: 4 });
    // 1/3 and 2/6 are the same rate.
    const rates = [
      { key: 'x', value: { kind: 'rate', numerator: 1, denominator: 3 } as Quantity },
      { key: 'y', value: { kind: 'rate', numerator: 2, denominator: 6 } as Quantity },
    ];
    expect(Object.fromEntries(rank(rates, 'cao-hon-la-tot'))).toEqual({ x: 1, y: 1 });
  });
  test('share of a target', () => {
    expect(shareOfTarget({ kind: 'count', value: 5 }, 0)).toBeNull();
    expect(shareOfTarget(null, 10)).toBeNull();
  });
});

describe('property tests on random datasets', () => {
  const UNITS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
  const YEARS = [2018, 2019, 2020];
  // A cell per unit × year, each either missing or a value (count) / numerator ≤ denominator (rate).
  const cells = (kind: 'count' | 'rate') =>
    fc.array(
      fc.option(
        (kind === 'count'
          ? fc.integer({ min: 0, max: 5_000_000 })
          : fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)))) as fc.Arbitrary<number | [number, number]>,
        { nil: undefined },
      ),
      { minLength: UNITS.length * YEARS.length, maxLength: UNITS.length * YEARS.length },
    );
  const toRows = (id: string, values: (number | [number, number] | undefined)[]): ResultRow[] =>
    values.flatMap((v, i) => (v === undefined ? [] : [row(UNITS[i % UNITS.length]!, String(YEARS[Math.floor(i / UNITS.length)]), id, v, i + 2)]));

  test('counts: per-unit values sum to the province total; no row lost; row order irrelevant', () => {
    fc.assert(
      fc.property(cells('count'), fc.integer(), (values, seed) => {
        const data = toRows('dem', values);
        const s = aggregateIndicator(count, UNITS, data, YEARS);
        for (const [i, y] of s.years.entries()) {
          const unitSum = s.units.reduce((sum, u) => sum + (u.years[i]?.value?.kind === 'count' ? u.years[i]!.value!.value : 0), 0);
          const reported = s.units.filter((u) => u.years[i]?.value !== null).length;
          expect(y.reportedUnits).toBe(reported);
          expect(y.total === null ? 0 : (y.total as { value: number }).value).toBe(unitSum);
          expect(y.total === null).toBe(reported === 0);
        }
        const cellsShown = s.units.reduce((n, u) => n + u.years.filter((y) => y.value !== null).length, 0);
        expect(cellsShown).toBe(data.length);
        const grand = data.reduce((sum, r) => sum + (r.value ?? 0), 0);
        expect(s.cumulative.at(-1)?.total ?? { kind: 'count', value: 0 }).toEqual({ kind: 'count', value: grand });
        const shuffled = fc.sample(fc.shuffledSubarray(data, { minLength: data.length, maxLength: data.length }), { seed, numRuns: 1 })[0]!;
        expect(aggregateIndicator(count, UNITS, shuffled, YEARS)).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  test('rates: Σnumerator and Σdenominator of the units; the province rate lies between the units\' rates', () => {
    fc.assert(
      fc.property(cells('rate'), fc.integer(), (values, seed) => {
        const data = toRows('ty-le', values);
        const s = aggregateIndicator(rate, UNITS, data, YEARS);
        for (const [i, y] of s.years.entries()) {
          const reported = s.units.map((u) => u.years[i]?.value).filter((v): v is Extract<Quantity, { kind: 'rate' }> => v?.kind === 'rate');
          if (reported.length === 0) {
            expect(y.total).toBeNull();
            continue;
          }
          const num = reported.reduce((n, q) => n + q.numerator, 0);
          const den = reported.reduce((n, q) => n + q.denominator, 0);
          expect(y.total).toEqual({ kind: 'rate', numerator: num, denominator: den });
          const total = y.total as Quantity;
          const rates = reported.map((q) => q as Quantity);
          expect(rates.some((q) => compareRates(q, total) <= 0)).toBe(true);
          expect(rates.some((q) => compareRates(q, total) >= 0)).toBe(true);
        }
        const shuffled = fc.sample(fc.shuffledSubarray(data, { minLength: data.length, maxLength: data.length }), { seed, numRuns: 1 })[0]!;
        expect(aggregateIndicator(rate, UNITS, shuffled, YEARS)).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });
});

function compareRates(a: Quantity, b: Quantity): number {
  if (a.kind !== 'rate' || b.kind !== 'rate') throw new Error('rates only');
  return Math.sign(a.numerator * b.denominator - b.numerator * a.denominator);
}

describe('CSV downloads', () => {
  test('cells a spreadsheet would run as formulas are neutralised', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1']) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    for (const cell of ['Biên Hòa', '12', '']) expect(neutraliseCell(cell)).toBe(cell);
  });
  test('UTF-8 BOM, CRLF, quoting; parsed back cell for cell', () => {
    const csv = toCsv(['a', 'b'], [['Đồng Nai, "tỉnh"', 12], ['=1+1', null]]);
    expect(csv.startsWith('\ufeffa,b\r\n')).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([['a', 'b'], ['Đồng Nai, "tỉnh"', '12'], ["'=1+1", '']]);
  });
});

describe('status words agree with the figures (issue 16)', () => {
  test('no allocation: "Chưa có phân bổ năm" when a term target exists, "Chưa có mục tiêu" only when none does', () => {
    expect(statusOf({ kind: 'count', value: 5 }, null, 'cao-hon-la-tot', 90)).toBe('chua-co-phan-bo-nam');
    expect(statusOf(null, null, 'cao-hon-la-tot', 90)).toBe('chua-co-phan-bo-nam');
    expect(statusOf({ kind: 'count', value: 5 }, null, 'cao-hon-la-tot', null)).toBe('chua-co-muc-tieu');
    expect(statusOf(null, 20, 'cao-hon-la-tot', 90)).toBe('chua-co-so-lieu');
    expect(statusLabels['chua-co-phan-bo-nam']).toBe('Chưa có phân bổ năm');
    // Every verdict has its own symbol, so colour is never the only cue.
    expect(new Set(Object.values(statusSymbols)).size).toBe(Object.keys(statusLabels).length);
  });

  test('a term target without annual allocation is judged "Chưa có phân bổ năm", figures unchanged', () => {
    const termOnly: IndicatorInput = { ...rate, annualTargets: {} };
    const s = aggregateIndicator(termOnly, ['a', 'b'], rows, [2018, 2019]);
    expect(s.status).toBe('chua-co-phan-bo-nam');
    expect(s.years.map((y) => y.status)).toEqual(['chua-co-phan-bo-nam', 'chua-co-phan-bo-nam']);
    expect(s.result).toEqual({ kind: 'rate', numerator: 14, denominator: 20 });
    expect(s.termShare).toEqual({ numerator: 140_000, denominator: 150_000 });
    const none = aggregateIndicator({ ...termOnly, termTarget: undefined }, ['a', 'b'], rows, [2018, 2019]);
    expect(none.status).toBe('chua-co-muc-tieu');
  });

  test('no "so với mục tiêu nhiệm kỳ" chart without a term target; a unit with no figures is named as such', () => {
    const withTarget = indicatorCharts(aggregateIndicator(count, ['a', 'b', 'c'], rows, [2018, 2019]), 'người', (id) => id.toUpperCase(), 'toàn tỉnh');
    expect(withTarget[1]!.title).toBe('Lũy kế so với mục tiêu nhiệm kỳ');
    expect(withTarget[1]!.series.map((x) => x.label)).toContain('Mục tiêu nhiệm kỳ');
    // c reported nothing: no bar, as a 0 would have, so the label tells them apart.
    expect(withTarget[2]!.labels).toEqual(['A', 'B', 'C (chưa báo cáo)']);
    expect(withTarget[2]!.series[0]!.data).toEqual([27, 14, null]);
    const partial = indicatorCharts(aggregateIndicator(count, ['a', 'd'], [...rows, row('d', '2018', 'dem', 0)], [2018, 2019]), 'người', (id) => id, 'toàn tỉnh');
    expect(partial[2]!.labels).toEqual(['a', 'd (chưa báo cáo đủ)']);
    const noTarget = indicatorCharts(aggregateIndicator({ ...count, termTarget: undefined }, ['a', 'b'], rows, [2018, 2019]), 'người', (id) => id, 'toàn tỉnh');
    expect(noTarget[1]!.title).toBe('Lũy kế qua các năm');
    expect(noTarget.map((c) => c.title).join(' ')).not.toMatch(/mục tiêu nhiệm kỳ/);
    const noTargetRate = indicatorCharts(aggregateIndicator({ ...rate, termTarget: undefined }, ['a', 'b'], rows, [2018, 2019]), '%', (id) => id, 'toàn tỉnh');
    expect(noTargetRate[1]!.title).toBe('Tỷ lệ qua các năm');
  });

  test('a reported 0 is a figure; no row is "chưa báo cáo"', () => {
    const zero = aggregateIndicator(count, ['a', 'z'], [...rows, row('z', '2018', 'dem', 0), row('z', '2019', 'dem', 0)], [2018, 2019]);
    const z = zero.units.find((u) => u.unitId === 'z')!;
    expect(z.result).toEqual({ kind: 'count', value: 0 });
    expect(formatQuantity(z.result)).toBe('0');
    expect(z.rank).toBe(2);
    const missing = aggregateIndicator(count, ['a', 'y'], rows, [2018, 2019]).units.find((u) => u.unitId === 'y')!;
    expect(formatQuantity(missing.result)).toBe('chưa báo cáo');
    expect(missing.rank).toBeNull();
  });
});
