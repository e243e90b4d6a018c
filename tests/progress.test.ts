// The progress rule (src/lib/indicators/progress.ts): what is judged, against which level, and the
// verdict, checked by hand on small cases, exactly at the boundaries.
import { describe, expect, it } from 'vitest';
import { formatExpectedCount, formatShareTenths, progressOf, progressSortValue, type ProgressInput } from '../src/lib/indicators/progress';

const count = (value: number) => ({ kind: 'count' as const, value });
const rate = (numerator: number, denominator: number) => ({ kind: 'rate' as const, numerator, denominator });
const base = { kind: 'count', direction: 'cao-hon-la-tot', years: [2018, 2019, 2020], term: { from: 2018, to: 2023 } } as const;
const input = (over: Partial<ProgressInput>): ProgressInput => ({ ...base, values: [], targets: null, ...over });

describe('progress of a count', () => {
  it('is judged against the term target pro rata: 3 of the term\'s 5 years of 10.000 is 6.000', () => {
    const on = progressOf(input({ values: [count(2000), count(2000), count(2000)], targets: { term: 10000, annual: {} } }));
    expect(on).toMatchObject({ state: 'dat', label: 'Đạt', basis: 'ty-le-nhiem-ky', result: count(6000), expected: { numerator: 30000, denominator: 5 }, shareTenths: 1000 });
    expect(progressOf(input({ values: [count(2000), count(2000), count(1999)], targets: { term: 10000, annual: {} } })).state).toBe('cham');
    expect(progressOf(input({ values: [count(2000), count(2000), count(2001)], targets: { term: 10000, annual: {} } })).state).toBe('vuot');
  });
  it('a fractional level is compared exactly: 3/5 of 10.001 is 6.000,6, so 6.000 is behind and 6.001 ahead', () => {
    const t = { term: 10001, annual: {} };
    expect(progressOf(input({ values: [count(2000), count(2000), count(2000)], targets: t })).state).toBe('cham');
    expect(progressOf(input({ values: [count(2000), count(2000), count(2001)], targets: t })).state).toBe('vuot');
    expect(formatExpectedCount({ numerator: 30003, denominator: 5 })).toBe('6.000,6');
  });
  it('uses the annual allocations when every evaluated year has one', () => {
    const p = progressOf(input({ values: [count(100), count(100), count(100)], targets: { term: 10000, annual: { 2018: 100, 2019: 100, 2020: 101 } } }));
    expect(p).toMatchObject({ state: 'cham', basis: 'phan-bo', expected: { numerator: 301, denominator: 1 } });
    // One allocation missing: the term target pro rata again.
    expect(progressOf(input({ values: [count(100), count(100), count(100)], targets: { term: 500, annual: { 2018: 100, 2019: 100 } } })).basis).toBe('ty-le-nhiem-ky');
  });
  it('a year not reported is "Chưa báo cáo", naming the year; no target is "Chưa có mục tiêu", never assumed', () => {
    expect(progressOf(input({ values: [count(1), null, count(1)], targets: { term: 10, annual: {} } }))).toMatchObject({ state: 'chua-bao-cao', missingYears: [2019], result: null });
    expect(progressOf(input({ values: [count(1), count(1), count(1)], targets: null })).state).toBe('chua-co-muc-tieu');
    expect(progressOf(input({ values: [count(1), count(1), count(1)], targets: { annual: { 2018: 1 } } })).state).toBe('chua-co-muc-tieu');
  });
  it('"càng thấp càng tốt" turns the verdict: fewer than the ceiling is ahead', () => {
    const low = { direction: 'thap-hon-la-tot' as const, targets: { term: 50, annual: {} } };
    expect(progressOf(input({ ...low, values: [count(5), count(5), count(5)] })).state).toBe('vuot');
    expect(progressOf(input({ ...low, values: [count(10), count(10), count(10)] })).state).toBe('dat');
    expect(progressOf(input({ ...low, values: [count(10), count(10), count(11)] })).state).toBe('cham');
  });
});

describe('progress of a rate', () => {
  const r = { kind: 'rate' as const };
  it('judges the latest year against its allocation, or the term level', () => {
    // 70/100 = 70% against 70% exactly; 7/10 against 70,01%.
    expect(progressOf(input({ ...r, values: [null, null, rate(70, 100)], targets: { term: 70, annual: {} } }))).toMatchObject({ state: 'dat', basis: 'muc-tieu-nhiem-ky', missingYears: [] });
    expect(progressOf(input({ ...r, values: [null, null, rate(7, 10)], targets: { term: 70.01, annual: {} } })).state).toBe('cham');
    expect(progressOf(input({ ...r, values: [null, null, rate(2, 3)], targets: { term: 90, annual: { 2020: 66.66 } } }))).toMatchObject({ state: 'vuot', basis: 'phan-bo-nam-cuoi' });
  });
  it('a latest year not reported is "Chưa báo cáo"', () => {
    expect(progressOf(input({ ...r, values: [rate(1, 2), rate(1, 2), null], targets: { term: 50, annual: {} } }))).toMatchObject({ state: 'chua-bao-cao', missingYears: [2020] });
  });
});

describe('sorting and words', () => {
  it('sorts the furthest behind first: Chậm by share, then unreported, no target, Đạt, Vượt', () => {
    const t = { term: 10000, annual: {} };
    const cases = {
      slow50: progressOf(input({ values: [count(1000), count(1000), count(1000)], targets: t })),
      slow90: progressOf(input({ values: [count(1800), count(1800), count(1800)], targets: t })),
      missing: progressOf(input({ values: [count(1), null, count(1)], targets: t })),
      none: progressOf(input({ values: [count(1), count(1), count(1)], targets: null })),
      met: progressOf(input({ values: [count(2000), count(2000), count(2000)], targets: t })),
      ahead: progressOf(input({ values: [count(3000), count(3000), count(3000)], targets: t })),
    };
    const sorted = Object.entries(cases).sort(([, a], [, b]) => progressSortValue(a, 'cao-hon-la-tot').localeCompare(progressSortValue(b, 'cao-hon-la-tot'))).map(([k]) => k);
    expect(sorted).toEqual(['slow50', 'slow90', 'missing', 'none', 'met', 'ahead']);
    expect(formatShareTenths(cases.slow50.shareTenths!)).toBe('50,0%');
  });
});
