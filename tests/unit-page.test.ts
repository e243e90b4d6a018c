// A unit's page renders what unitPageModel computes: checked here on the real dataset, without a build.
import { describe, expect, test } from 'vitest';
import { loadDataset } from '../src/lib/indicators/read';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { reportingStatus } from '../src/lib/indicators/reporting';
import { unitPageModel } from '../src/lib/views/unit-page';
import { timelineOf } from '../src/lib/documents/documents';
import { documentEntries } from './helpers/content-entries';
import { loadEdition } from '../src/lib/edition/load';

const dataset = loadDataset(process.cwd());
const input = {
  dataset,
  summaries: aggregateDataset(dataset),
  reporting: reportingStatus(dataset),
  // The review's timeline, as the build computes it from the documents (src/data/navigation.ts).
  timeline: timelineOf(documentEntries()),
  until: loadEdition().review.evaluation.until,
};

describe("a unit's page model", () => {
  test.each(dataset.units.map((u) => u.id))('%s: every indicator once, by group, notes numbered across the page', (id) => {
    const model = unitPageModel(input, id);
    expect(model.unit.id).toBe(id);
    const shown = model.groups.flatMap((g) => g.rows.map((r) => r.indicatorId));
    expect([...shown].sort()).toEqual(dataset.indicators.map((i) => i.id).sort());
    for (const g of model.groups) for (const r of g.rows) expect(dataset.indicators.find((i) => i.id === r.indicatorId)!.group).toBe(g.group);
    for (const r of model.groups.flatMap((g) => g.rows)) {
      expect(r.years).toHaveLength(dataset.years.length);
      expect(r.href).toBe(`/chi-tieu/${r.indicatorId}/`);
    }
    const numbers = model.groups.flatMap((g) => g.notes.map((n) => n.number));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(model.periods.map((p) => p.key)).toEqual([...dataset.years.map(String), ...(dataset.meta.baseline ? [dataset.meta.baseline.key] : [])]);
    expect(model.reported.unitId).toBe(id);
    expect(model.todo.tasks.length).toBeGreaterThan(0);
  });

  test("a row's figures as the table prints them (Biên Hòa, new members, checked against the CSV files)", () => {
    const row = unitPageModel(input, 'bien-hoa').groups.flatMap((g) => g.rows).find((r) => r.indicatorId === 'phat-trien-doan-vien')!;
    // content/so-lieu/2018–2020.csv: 3657, 3640, 3309; nk-truoc.csv: 10794.
    expect(row.years.map((y) => [y.text, y.notReported])).toEqual([['3.657', false], ['3.640', false], ['3.309', false]]);
    expect(row.result.text).toBe('10.606');
    expect(row.rank).toEqual({ text: '2/18', sortValue: '2' });
    expect(row.baseline?.text).toBe('10.794');
    expect(Number(row.years[0]!.sortValue)).toBeLessThan(Number(row.result.sortValue));
  });

  test("the unit's progress against its own targets, furthest behind first, with a one-line summary", () => {
    const { progress } = unitPageModel(input, 'bien-hoa');
    expect(progress.rows).toHaveLength(input.dataset.indicators.length);
    expect(progress.rows.find((r) => r.indicatorId === 'phat-trien-doan-vien')).toMatchObject({ state: 'cham', detail: '10.606 / 10.902 (97,3%)' });
    const order = progress.rows.map((r) => r.sortValue);
    expect(order).toEqual([...order].sort());
    expect(progress.rows.at(-1)!.state).toBe('vuot');
    const counts = (state: string) => progress.rows.filter((r) => r.state === state).length;
    expect(progress.summary).toBe(`Chậm ${counts('cham')}, đạt hoặc vượt ${counts('dat') + counts('vuot')}, chưa có mục tiêu ${counts('chua-co-muc-tieu')} (trên 9 chỉ tiêu)`);
    expect(progress.targetsIllustrative).toBe(true);
  });

  test('an unknown unit is refused, naming it', () => {
    expect(() => unitPageModel(input, 'khong-co')).toThrow('Không có đơn vị "khong-co"');
  });
});
