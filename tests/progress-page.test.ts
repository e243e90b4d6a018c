// /tien-do/'s model (src/lib/views/progress-page.ts) on the committed illustrative dataset,
// with Biên Hòa's figures summed from the CSV files by hand.
import { describe, expect, test } from 'vitest';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { loadDataset } from '../src/lib/indicators/read';
import { progressPageModel, unitProgress } from '../src/lib/views/progress-page';
import { withBenchDataset } from './helpers/bench-dataset';

const dataset = loadDataset('.');
const summaries = aggregateDataset(dataset);
const page = progressPageModel({ dataset, summaries });
const unit = (id: string) => page.groups.flatMap((g) => g.units).find((u) => u.unitId === id)!;

describe('/tien-do/ model', () => {
  test('Biên Hòa, new members: 3.657 + 3.640 + 3.309 = 10.606 against its allocations 3 × 3.634 = 10.902: Chậm, 97,3%', () => {
    const cell = unit('bien-hoa').cells.find((c) => c.indicatorId === 'phat-trien-doan-vien')!;
    expect(cell).toMatchObject({ state: 'cham', label: 'Chậm', detail: '10.606 / 10.902 (97,3%)', basis: 'tổng phân bổ các năm' });
  });

  test('Biên Hòa, dialogue rate: 2020 is 118/133 = 88,7% against its 88%: Vượt', () => {
    const cell = unit('bien-hoa').cells.find((c) => c.indicatorId === 'ty-le-doanh-nghiep-doi-thoai')!;
    expect(cell).toMatchObject({ state: 'vuot', detail: '88,7% / 88%', basis: 'mục tiêu nhiệm kỳ' });
  });

  test('an indicator without any target says so for every unit, never assumed', () => {
    for (const u of page.groups.flatMap((g) => g.units)) {
      expect(u.cells.find((c) => c.indicatorId === 'phuc-loi-doan-vien')).toMatchObject({ state: 'chua-co-muc-tieu', label: 'Chưa có mục tiêu' });
    }
  });

  test('every unit is listed once, grouped by kind of unit in the edition\'s order, with one verdict per indicator', () => {
    const ids = page.groups.flatMap((g) => g.units.map((u) => u.unitId));
    expect(ids.sort()).toEqual(dataset.units.map((u) => u.id).sort());
    expect(page.groups.map((g) => g.type)).toEqual(Object.keys(dataset.edition.unitTypes).filter((t) => dataset.units.some((u) => u.type === t)));
    for (const u of page.groups.flatMap((g) => g.units)) expect(u.cells).toHaveLength(dataset.indicators.length);
  });

  test('the summary counts, per indicator, every unit behind and names the five furthest, with a link to the rest', () => {
    for (const sentence of page.behind) {
      const slow = page.groups.flatMap((g) => g.units)
        .map((u) => ({ u, cell: u.cells.find((c) => c.indicatorId === sentence.indicatorId)! }))
        .filter((x) => x.cell.state === 'cham')
        .sort((a, b) => a.cell.sortValue.localeCompare(b.cell.sortValue));
      expect(sentence.text).toMatch(new RegExp(`^${slow.length} đơn vị chậm ở chỉ tiêu `));
      for (const [i, x] of slow.entries()) expect(sentence.text.includes(`${x.u.shortName} (${x.cell.detail})`), `${sentence.indicatorId} ${x.u.unitId}`).toBe(i < 5);
      expect(sentence.furthest.unitId).toBe(slow[0]!.u.unitId);
      if (slow.length > 5) {
        expect(sentence.text).toMatch(new RegExp(`; và ${slow.length - 5} đơn vị khác\\.$`));
        expect(sentence.more).toEqual({ href: `/chi-tieu/${sentence.indicatorId}/#tien-do`, label: `Xem cả ${slow.length} đơn vị` });
      } else expect(sentence.more).toBeNull();
    }
    expect(page.behind.some((b) => b.indicatorId === 'phat-trien-doan-vien' && b.more)).toBe(true);
  });

  test('a unit names its three slowest indicators and counts the rest; the full grid fits', () => {
    for (const u of page.groups.flatMap((g) => g.units)) {
      expect(u.slow.length).toBe(Math.min(3, u.counts.cham));
      expect(u.slowNotNamed).toBe(Math.max(0, u.counts.cham - 3));
      expect(u.moreSlow).toEqual(u.counts.cham > 3 ? { href: `/don-vi/${u.unitId}/#tien-do`, text: `và ${u.counts.cham - 3} chỉ tiêu chậm khác` } : null);
    }
    expect(page.grid).toBe(true);
  });

  test('the whole is judged on its own targets: new members summed over every unit and year', () => {
    const newMembers = dataset.indicators.find((i) => i.id === 'phat-trien-doan-vien')!;
    const total = dataset.rows.filter((r) => r.indicator === 'phat-trien-doan-vien' && /^\d{4}$/.test(r.period)).reduce((s, r) => s + r.value!, 0);
    const line = page.whole.find((w) => w.indicatorId === 'phat-trien-doan-vien')!;
    const expected = 25000 * 3;
    expect(line.cell.state).toBe(total > expected ? 'vuot' : total === expected ? 'dat' : 'cham');
    expect(line.cell.detail.startsWith(`${total.toLocaleString('vi-VN')} / 75.000`)).toBe(true);
    expect(newMembers.annualTargets).toEqual({ 2018: 25000, 2019: 25000, 2020: 25000 });
  });

  test('without the targets file no unit is judged, and the headline says why', () => {
    const { unitTargets: _t, ...rest } = dataset;
    const bare = progressPageModel({ dataset: rest, summaries });
    expect(bare.headline).toMatch(/chưa có mục tiêu riêng của các đơn vị/);
    expect(bare.behind).toEqual([]);
    const summary = summaries.get('phat-trien-doan-vien')!;
    expect(unitProgress(rest, summary, dataset.indicators.find((i) => i.id === 'phat-trien-doan-vien')!, 'bien-hoa').state).toBe('chua-co-muc-tieu');
  });
});

describe('/tien-do/ at 200 units × 50 indicators (the benchmark\'s dataset, with its targets)', () => {
  test('names three units per indicator and no indicator per unit, counts the rest, and leaves the grid to the data package', () => {
    withBenchDataset((big) => {
      const model = progressPageModel({ dataset: big, summaries: aggregateDataset(big) });
      expect(model.grid).toBe(false);
      expect(model.unitCount).toBe(200);
      const units = model.groups.flatMap((g) => g.units);
      expect(units).toHaveLength(200);
      for (const u of units) {
        expect(u.slow).toEqual([]);
        expect(u.moreSlow).toEqual(u.counts.cham > 0 ? { href: `/don-vi/${u.unitId}/#tien-do`, text: `Chậm ${u.counts.cham} chỉ tiêu` } : null);
      }
      // Some units behind and some ahead: the targets are about what the results reach.
      expect(units.some((u) => u.counts.cham > 0) && units.some((u) => u.counts.vuot > 0)).toBe(true);
      for (const b of model.behind) expect((b.text.match(/\(/g) ?? []).length).toBeLessThanOrEqual(3 * 2);
    });
  });
});
