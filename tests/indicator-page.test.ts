// An indicator's page renders what indicatorPageModel computes: checked here on the real dataset,
// without a build. The figures of two indicators were summed from content/so-lieu/*.csv by hand
// (a calculator over the rows), not taken from the code under test.
import { describe, expect, test } from 'vitest';
import { imageHeight } from '../src/lib/indicators/charts/config';
import { loadDataset } from '../src/lib/indicators/read';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { indicatorPageModel } from '../src/lib/views/indicator-page';
import type { Dataset } from '../src/lib/indicators/dataset';
import { programmeEntries } from './helpers/content-entries';
import { withBenchDataset } from './helpers/bench-dataset';
import * as sortValues from '../src/lib/text/sort-values';

const dataset = loadDataset(process.cwd());
// Every programme, as the collection gives it.
const programmes = programmeEntries();
const input = { dataset, summaries: aggregateDataset(dataset), programmes };
const vi = new Intl.NumberFormat('vi-VN');
const shortName = (id: string) => dataset.units.find((u) => u.id === id)!.shortName;

describe("an indicator's page model, every indicator of the real dataset", () => {
  test.each(dataset.indicators.map((i) => i.id))('%s: every unit once, best first, totals exact, links and files its own', (id) => {
    const model = indicatorPageModel(input, id);
    const indicator = dataset.indicators.find((i) => i.id === id)!;
    expect(model.indicator.id).toBe(id);
    expect(model.title).toBe(indicator.name);
    const rows = model.byUnit.rows;
    expect(rows.map((r) => r.unitId).sort()).toEqual(dataset.units.map((u) => u.id).sort());
    // Ranked units by rank (ties share it), then the unranked ones.
    const ranks = rows.map((r) => r.rank.sortValue);
    const firstUnranked = ranks.indexOf('');
    const ranked = (firstUnranked < 0 ? ranks : ranks.slice(0, firstUnranked)).map(Number);
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
    if (firstUnranked >= 0) expect(ranks.slice(firstUnranked).every((r) => r === '')).toBe(true);
    expect(ranked[0]).toBe(1);
    for (const row of rows) {
      expect(row.href).toBe(`/don-vi/${row.unitId}/`);
      expect(row.name).toBe(shortName(row.unitId));
      expect(row.years).toHaveLength(dataset.years.length);
      expect(row.baseline === null).toBe(dataset.meta.baseline === undefined);
    }
    // The whole's row: each year's sum over the units' rows, in exact integers.
    dataset.years.forEach((year, i) => {
      const yearRows = dataset.rows.filter((r) => r.indicator === id && r.period === String(year));
      if (indicator.kind === 'count') {
        expect(model.byUnit.total.years[i]).toBe(vi.format(yearRows.reduce((sum, r) => sum + BigInt(r.value!), 0n)));
      } else {
        const numerator = yearRows.reduce((sum, r) => sum + BigInt(r.numerator!), 0n);
        const denominator = yearRows.reduce((sum, r) => sum + BigInt(r.denominator!), 0n);
        expect(model.byUnit.total.years[i]).toMatch(new RegExp(` \\(${vi.format(numerator)}/${vi.format(denominator)}\\)$`));
      }
      expect(model.byYear.rows[i]!.year).toBe(year);
    });
    // The three charts, with the PNG of each and its file name.
    expect([model.byYear, model.cumulative, model.byUnit].map((c) => c.spec.id)).toEqual(['theo-nam', 'luy-ke', 'theo-don-vi']);
    for (const c of [model.byYear, model.cumulative, model.byUnit]) {
      // The size is the PNG's own (the print-only <img> reserves it): 1600 wide, 900 or taller for many units.
      expect(c.image).toEqual({ href: `/tai-ve/bieu-do/${id}-${c.spec.id}.png`, fileName: `${id}-${c.spec.id}.png`, width: 1600, height: imageHeight(c.spec) });
      expect(c.image.height).toBeGreaterThanOrEqual(900);
      expect(c.summary.length).toBeGreaterThan(10);
      expect(c.canvasLabel).toBe(`Biểu đồ${dataset.meta.status === 'minh-hoa' ? ' (số liệu minh họa)' : ''}: ${c.spec.title}. ${c.summary} Số liệu chi tiết ở bảng bên dưới.`);
    }
    // The programmes it names, by their symbol; nothing else.
    expect(model.meta.programmes.map((p) => p.href)).toEqual(programmes.filter((p) => indicator.programmes.includes(p.id)).map((p) => `/chuong-trinh/${p.id}/`));
    expect(model.downloads.summary.href).toBe(`/chi-tieu/${id}/tong-hop.csv`);
    expect(model.downloads.rows.fileName).toBe(`${id}-so-lieu-goc.csv`);
  });

  test('phat-trien-doan-vien (a count): the figures of content/so-lieu, summed by hand', () => {
    const model = indicatorPageModel(input, 'phat-trien-doan-vien');
    expect(model.isRate).toBe(false);
    expect(model.byYear.rows.map((y) => [y.year, y.total, y.target, y.reported, y.missing])).toEqual([
      [2018, '26.338', '25.000', '18/18', null],
      [2019, '26.237', '25.000', '18/18', null],
      [2020, '25.603', '25.000', '18/18', null],
    ]);
    expect(model.byYear.valueHeading).toBe('Kết quả toàn tỉnh (đoàn viên)');
    // Every year above its allocation of 25.000.
    expect(model.byYear.summary).toBe('Năm 2020, toàn tỉnh: 25.603 đoàn viên, phân bổ 25.000 đoàn viên, vượt; 3/3 năm có phân bổ đạt hoặc vượt.');
    expect(model.byYear.canvasLabel).toBe(`Biểu đồ (số liệu minh họa): Kết quả theo năm so với phân bổ. ${model.byYear.summary} Số liệu chi tiết ở bảng bên dưới.`);
    // Running totals against the term target of 125.000: 26.338, 52.575, 78.178.
    expect(model.cumulative.rows.map((c) => [c.total, c.termTarget, c.share])).toEqual([
      ['26.338', '125.000', '21,1%'],
      ['52.575', '125.000', '42,1%'],
      ['78.178', '125.000', '62,5%'],
    ]);
    expect(model.verdict).toMatchObject({
      lead: 'Lũy kế 2018 – 2020: ',
      result: '78.178 đoàn viên',
      against: ', so với tổng phân bổ các năm là 75.000 đoàn viên.',
      incomplete: null,
    });
    expect(model.meta).toMatchObject({
      termTarget: '125.000 đoàn viên',
      annualTargets: '2018: 25.000 đoàn viên; 2019: 25.000 đoàn viên; 2020: 25.000 đoàn viên',
      direction: 'Càng cao càng tốt',
      programmes: [{ href: '/chuong-trinh/09-ctr-ldld-2018/', label: 'Chương trình 09/CTr-LĐLĐ', title: 'Phát triển đoàn viên gắn với nâng cao chất lượng, hiệu quả hoạt động của đội ngũ cán bộ Công đoàn giai đoạn 2018-2023' }],
    });
    // CĐKCN 5.745 + 5.745 + 5.735 = 17.225 first, Biên Hòa 10.606 second; CĐ Cty Ôtô Trường Hải 779 last.
    const [first, second] = model.byUnit.rows;
    expect([first!.unitId, first!.result.text, first!.rank.text]).toEqual(['cd-kcn', '17.225', '1']);
    expect(first!.years.map((y) => y.text)).toEqual(['5.745', '5.745', '5.735']);
    expect(first!.baseline).toMatchObject({ text: '14.931', sortValue: '14931' });
    expect([second!.unitId, second!.result.text, second!.rank.text]).toEqual(['bien-hoa', '10.606', '2']);
    expect(model.byUnit.rows.at(-1)).toMatchObject({ unitId: 'cd-cty-oto-truong-hai', result: { text: '779', sortValue: '779' }, rank: { text: '18', sortValue: '18' } });
    expect(model.byUnit.total).toEqual({
      label: 'Toàn tỉnh', years: ['26.338', '26.237', '25.603'], result: '78.178', baseline: '69.793',
      // 78.178 against the allocations 3 × 25.000: ahead.
      progress: { state: 'vuot', label: 'Vượt', detail: '78.178 / 75.000 (104,2%)', basis: 'tổng phân bổ các năm', sortValue: '4000001042' },
    });
    // Biên Hòa: 10.606 against its own allocations 3 × 3.634 = 10.902 (muc-tieu-don-vi.csv).
    expect(second!.progress).toMatchObject({ state: 'cham', detail: '10.606 / 10.902 (97,3%)' });
    expect(model.byUnit.resultHeading).toBe('Lũy kế');
    expect(model.byUnit.notes).toEqual([]);
  });

  test('ty-le-thoa-uoc-lao-dong-tap-the (a rate): Σ numerators ÷ Σ denominators, summed by hand', () => {
    const model = indicatorPageModel(input, 'ty-le-thoa-uoc-lao-dong-tap-the');
    expect(model.isRate).toBe(true);
    // 591/910 = 64,945%, 602/901 = 66,81%, 613/895 = 68,49%.
    expect(model.byYear.rows.map((y) => [y.total, y.numerator, y.denominator])).toEqual([
      ['64,9%', '591', '910'],
      ['66,8%', '602', '901'],
      ['68,5%', '613', '895'],
    ]);
    expect(model.byUnit.total.years).toEqual(['64,9% (591/910)', '66,8% (602/901)', '68,5% (613/895)']);
    expect(model.byUnit.total.result).toBe('68,5% (613/895)');
    expect(model.byUnit.total.baseline).toBe('66,4% (590/888)');
    expect(model.verdict.lead).toBe('Tỷ lệ năm 2020: ');
    expect(model.verdict.result).toBe('68,5% (613/895)');
    expect(model.byUnit.resultHeading).toBe('Tỷ lệ 2020');
    expect(model.byYear.valueHeading).toBe('Tỷ lệ toàn tỉnh');
  });
});

describe('a unit that has not reported, and notes', () => {
  // The real dataset is complete and carries no note: take one indicator, drop Cẩm Mỹ's 2019 row
  // and write three notes, as a unit's form would.
  const id = 'phat-trien-doan-vien';
  const noted = new Map([['bien-hoa|2020', 'Số liệu đến 30/11'], ['bien-hoa|nk-truoc', 'Theo báo cáo nhiệm kỳ IX'], ['cam-my|2018', 'Đã đối chiếu lại']]);
  const rows = dataset.rows
    .filter((r) => !(r.indicator === id && r.unit === 'cam-my' && r.period === '2019'))
    .map((r) => (r.indicator === id && noted.has(`${r.unit}|${r.period}`) ? { ...r, note: noted.get(`${r.unit}|${r.period}`)! } : r));
  const partial: Dataset = { ...dataset, rows };
  const model = indicatorPageModel({ dataset: partial, summaries: aggregateDataset(partial), programmes }, id);

  test('it goes last, unranked, its missing year "chưa báo cáo", and the year says who is missing', () => {
    const last = model.byUnit.rows.at(-1)!;
    expect(last.unitId).toBe('cam-my');
    expect(last.rank).toEqual({ text: 'Không xếp hạng (chưa đủ số liệu)', sortValue: '' });
    expect(last.years[1]).toEqual({ text: 'chưa báo cáo', sortValue: '', notReported: true });
    expect(model.byYear.rows[1]).toMatchObject({ reported: '17/18', missing: ` (chưa báo cáo: ${shortName('cam-my')})` });
    expect(model.byYear.rows[0]!.missing).toBeNull();
    expect(model.verdict.incomplete).toBe('Có đơn vị chưa báo cáo đủ: số liệu toàn tỉnh chỉ cộng các đơn vị đã báo cáo (xem bảng theo năm).');
  });

  test('notes are numbered in reading order (row by row, then year by year and the baseline), each cell pointing at its own', () => {
    expect(model.byUnit.notes.map((n) => [n.number, n.id, n.label, n.text])).toEqual([
      [1, 'ghi-chu-1', 'Biên Hòa, 2020', 'Số liệu đến 30/11'],
      [2, 'ghi-chu-2', `Biên Hòa, ${dataset.meta.baseline!.label}`, 'Theo báo cáo nhiệm kỳ IX'],
      [3, 'ghi-chu-3', `${shortName('cam-my')}, 2018`, 'Đã đối chiếu lại'],
    ]);
    const bienHoa = model.byUnit.rows.find((r) => r.unitId === 'bien-hoa')!;
    expect(bienHoa.years.map((y) => y.note)).toEqual([undefined, undefined, 1]);
    expect(bienHoa.baseline!.note).toBe(2);
    expect(model.byUnit.rows.at(-1)!.years[0]!.note).toBe(3);
  });
});

test('an unknown indicator is refused, naming it', () => {
  expect(() => indicatorPageModel(input, 'khong-co')).toThrow('Không có chỉ tiêu "khong-co"');
});

describe('an indicator\'s metadata, under the headings national platforms use', () => {
  test('every indicator of the real dataset shows every field of its file under its heading', async () => {
    const { indicatorMetadata, METADATA_HEADINGS } = await import('../src/lib/views/indicator-page');
    const { loadDataset } = await import('../src/lib/indicators/read');
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    for (const indicator of loadDataset('.').indicators) {
      const file = parse(readFileSync(`content/chi-tieu/${indicator.id}.yaml`, 'utf8')) as Record<string, string>;
      const shown = indicatorMetadata(indicator);
      expect(shown.map((m) => m.heading)).toEqual(['Định nghĩa', 'Cách tính', 'Nguồn số liệu', 'Kỳ báo cáo', 'Cơ quan chịu trách nhiệm', 'Liên hệ', 'Cập nhật lần cuối', 'Khả năng so sánh', 'Nguồn định nghĩa, mục tiêu']);
      for (const [i, [, , field]] of METADATA_HEADINGS.entries()) {
        const expected = field === 'lastUpdated' ? String(file[field]).split('-').reverse().join('/') : file[field];
        expect(shown[i]!.text, `${indicator.id} ${field}`).toBe(expected);
      }
    }
  });

  test('a field the file does not give reads "Chưa có", never left blank', async () => {
    const { indicatorMetadata } = await import('../src/lib/views/indicator-page');
    const { loadDataset } = await import('../src/lib/indicators/read');
    const { contact: _c, lastUpdated: _l, ...bare } = loadDataset('.').indicators[0]!;
    const shown = new Map(indicatorMetadata(bare as never).map((m) => [m.field, m.text]));
    expect(shown.get('contact')).toBe('Chưa có');
    expect(shown.get('lastUpdated')).toBe('Chưa có');
  });
});

describe('the unit table sorts its figure columns by the number each cell starts with (data-sort-lead)', () => {
  const { compareCells, leadingNumber } = sortValues;
  /** Each figure column's cells ordered by their text's leading number, as the page's script sorts them, and by their model sort key. */
  const sameOrder = (cells: { text: string; sortValue: string }[]) => {
    const byKey = [...cells].sort((a, b) => compareCells(a.sortValue, b.sortValue) || a.text.localeCompare(b.text)).map((c) => c.sortValue);
    const byText = [...cells].sort((a, b) => compareCells(leadingNumber(a.text), leadingNumber(b.text)) || a.text.localeCompare(b.text)).map((c) => c.sortValue);
    expect(byText).toEqual(byKey);
  };
  const columns = (model: ReturnType<typeof indicatorPageModel>) => {
    const rows = model.byUnit.rows;
    return [
      ...model.byUnit.years.map((_, i) => rows.map((r) => r.years[i]!)),
      rows.map((r) => r.result), rows.map((r) => r.rank),
      ...(rows[0]?.baseline ? [rows.map((r) => r.baseline!)] : []),
    ];
  };

  test('reads the number as written, nothing when the text starts with words', () => {
    expect(['45,1% (23/51)', '100,0% (5/5)', '1.234', '12.345.678', '2/18', '7', 'chưa báo cáo', 'Không xếp hạng (chưa đủ số liệu)'].map(leadingNumber))
      .toEqual(['45,1', '100,0', '1.234', '12.345.678', '2', '7', '', '']);
  });

  test.each(dataset.indicators.map((i) => i.id))('%s (real dataset): the text orders every column as its sort key does', (id) => {
    for (const column of columns(indicatorPageModel(input, id))) sameOrder(column);
  });

  test('at 200 units × 50 indicators (the benchmark\'s dataset) too', () => {
    withBenchDataset((big) => {
      const bigInput = { dataset: big, summaries: aggregateDataset(big), programmes };
      for (const indicator of big.indicators) for (const column of columns(indicatorPageModel(bigInput, indicator.id))) sameOrder(column);
    });
  });
});
