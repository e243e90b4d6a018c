// Reporting status (src/lib/indicators/reporting.ts) and the receipts file (nop-bao-cao.yaml): cells
// "reported/expected", what is missing, totals, order, on time or late against the plan's own
// deadline, and every bad receipt refused at its line. Fixture: tests/fixtures/du-lieu.
import { loadEdition } from '../src/lib/edition/load';
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { datasetEdition, validateDataset, type Dataset, type DatasetFiles, type SourceFile } from '../src/lib/indicators/dataset';
import { formatProblem } from '../src/lib/problems/problem';
import { lastDayFor, planDatesOf, type PlanDates } from '../src/lib/indicators/plan-dates';
import { missingCsv, reportingPeriods, reportingStatus, totalText, unitReporting } from '../src/lib/indicators/reporting';
import { readFrontMatter } from '../src/lib/content/frontmatter-check';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const file = (dir: string, name: string): SourceFile => ({ path: `${dir}/${name}`, bytes: readFileSync(join(FIXTURES, dir, name)) });
const folder = (dir: string) => readdirSync(join(FIXTURES, dir)).sort().map((n) => file(dir, n));
const plan = planDatesOf(readFrontMatter(readFileSync('content/van-ban/ke-hoach-so-ket.mdx', 'utf8')).data)!;
const receipts = (text: string): SourceFile => ({ path: 'content/so-lieu/nop-bao-cao.yaml', bytes: new TextEncoder().encode(text) });

function model(overrides: Partial<DatasetFiles> = {}): DatasetFiles {
  return {
    meta: file('du-lieu/so-lieu', 'bo-du-lieu.yaml'),
    indicators: folder('du-lieu/chi-tieu'),
    units: folder('du-lieu/don-vi'),
    results: [file('du-lieu/so-lieu', 'hop-le.csv')],
    programmeIds: new Set(),
    edition: datasetEdition(loadEdition()),
    ...overrides,
  };
}
const valid = (overrides: Partial<DatasetFiles> = {}): Dataset => {
  const { dataset, problems } = validateDataset(model(overrides));
  expect(problems.map(formatProblem)).toEqual([]);
  return dataset!;
};
const problemsOf = (yaml: string, planDates: PlanDates | null = plan) =>
  validateDataset(model({ receipts: receipts(yaml), plan: planDates })).problems.map(formatProblem);

describe('the plan\'s dates come from its schedule front matter', () => {
  test('deadline "trước ngày 01/2/2021": on time up to 31/01/2021; issued 08/2020', () => {
    expect(plan).toEqual({ issued: 20200801, lastOnTimeDay: 20210131, asIssued: 'trước ngày 01/2/2021', anchor: 'moc-gui-bao-cao' });
  });

  test('another deadline in the front matter moves the rule with it', () => {
    const fm = { schedule: [{ id: 'ban-hanh-ke-hoach', kind: 'during', end: '2020-08' }, { id: 'gui-bao-cao', kind: 'before', end: '2021-03-01', asIssued: 'trước ngày 01/3/2021', anchor: 'x' }] };
    expect(planDatesOf(fm)?.lastOnTimeDay).toBe(20210228);
    expect(planDatesOf({ ...fm, issueDate: '2020-08-20' })?.issued).toBe(20200820);
    expect(planDatesOf({ schedule: [] })).toBeNull();
  });

  test('last day per kind: before a day or a month, during a month, a day', () => {
    expect(lastDayFor('before', { year: 2021, month: 1, day: 1 })).toBe(20201231);
    expect(lastDayFor('before', { year: 2021, month: 3 })).toBe(20210228);
    expect(lastDayFor('during', { year: 2024, month: 2 })).toBe(20240229);
    expect(lastDayFor('until', { year: 2021, month: 2, day: 10 })).toBe(20210210);
  });
});

describe('reporting status', () => {
  test('periods: term years up to the last with figures, then the baseline', () => {
    const dataset = valid();
    expect(reportingPeriods(dataset)).toEqual([{ key: '2018', label: '2018' }, { key: '2019', label: '2019' }, { key: 'nk-truoc', label: 'Nhiệm kỳ trước' }]);
  });

  test('cells count reported/expected, name what is missing, and say "chưa báo cáo" for nothing', () => {
    const status = reportingStatus(valid());
    const a = unitReporting(status, 'a');
    const b = unitReporting(status, 'b');
    expect(a.cells.map((c) => c.text)).toEqual(['2/2', '2/2', '1/2']);
    expect(a.cells[2]).toMatchObject({ missing: ['ty-le'], state: 'thieu', missingAnchor: 'thieu-a-nk-truoc' });
    expect(b.cells.map((c) => c.text)).toEqual(['2/2', '2/2', 'chưa báo cáo']);
    expect(b.cells[0]?.missingAnchor).toBeNull();
    expect(a.stateLabel).toBe('Còn thiếu 1/6 số liệu');
    expect(b.stateLabel).toBe('Còn thiếu 2/6 số liệu');
    expect(status.totals.map(totalText)).toEqual(['2/2 đơn vị đủ; 4/4 số liệu', '2/2 đơn vị đủ; 4/4 số liệu', '0/2 đơn vị đủ; 1/4 số liệu']);
    expect(status.counts).toEqual({ units: 2, du: 0, thieu: 2, chua: 0 });
    expect(status.receipts).toBeUndefined();
    expect(a.receipt).toBeUndefined();
  });

  test('a unit with no row anywhere is "Chưa báo cáo"; complete units go last by default, first when asked', () => {
    const only = (lines: string[]) => ({ path: 'so-lieu/x.csv', bytes: new TextEncoder().encode(['don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu', ...lines, ''].join('\n')) });
    const rows = ['dem', 'ty-le'].flatMap((i) => ['2018', '2019', 'nk-truoc'].map((p) => (i === 'dem' ? `b,${p},dem,1,,,` : `b,${p},ty-le,,1,2,`)));
    // Both units the same kind, so the order within the group shows.
    const units = [file('du-lieu/don-vi', 'a.yaml'), { path: 'don-vi/c.yaml', bytes: readFileSync(join(FIXTURES, 'du-lieu/don-vi/b.yaml')).toString().replace('cd-kcn', 'ldld-huyen').replace('order: 2', 'order: 0') }].map((f) => ({ ...f, bytes: typeof f.bytes === 'string' ? new TextEncoder().encode(f.bytes) : f.bytes }));
    const dataset = valid({ units, results: [only(rows.map((r) => r.replace(/^b,/, 'c,')))] });
    const last = reportingStatus(dataset);
    expect(last.groups.map((g) => g.units.map((u) => [u.unitId, u.state]))).toEqual([[['a', 'chua'], ['c', 'du']]]);
    expect(unitReporting(last, 'a').cells.every((c) => c.text === 'chưa báo cáo')).toBe(true);
    expect(last.counts).toEqual({ units: 2, du: 1, thieu: 0, chua: 1 });
    const first = reportingStatus(valid({ units, results: [only(rows.map((r) => r.replace(/^b,/, 'c,')))], receipts: receipts('completeUnits: first\n'), plan }));
    expect(first.groups[0]?.units.map((u) => u.unitId)).toEqual(['c', 'a']);
  });

  test('the CSV for the office lists each missing unit × period × indicator, formula-safe', () => {
    const dataset = valid();
    const csv = missingCsv(reportingStatus(dataset), dataset.indicators);
    const rows = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { don_vi: 'a', ten_don_vi: 'Đơn vị A', nam: 'nk-truoc', ky_bao_cao: 'Nhiệm kỳ trước', chi_tieu: 'ty-le', ten_chi_tieu: 'Chỉ tiêu tỷ lệ mẫu', ngay_nhan: '' },
      { don_vi: 'b', ten_don_vi: 'Đơn vị B', nam: 'nk-truoc', ky_bao_cao: 'Nhiệm kỳ trước', chi_tieu: 'dem', ten_chi_tieu: 'Chỉ tiêu đếm mẫu', ngay_nhan: '' },
      { don_vi: 'b', ten_don_vi: 'Đơn vị B', nam: 'nk-truoc', ky_bao_cao: 'Nhiệm kỳ trước', chi_tieu: 'ty-le', ten_chi_tieu: 'Chỉ tiêu tỷ lệ mẫu', ngay_nhan: '' },
    ]);
    expect(csv.startsWith('\ufeff') && csv.endsWith('\r\n')).toBe(true);
  });
});

describe('receipts: on time or late against the plan\'s deadline', () => {
  test('31/01 is on time, 01/02 one day late; a unit not listed is not received', () => {
    const dataset = valid({ receipts: receipts('received:\n  - unit: a\n    date: 2021-01-31\n  - unit: b\n    date: 2021-02-01\n    note: gửi qua thư điện tử\n'), plan });
    const status = reportingStatus(dataset);
    expect(unitReporting(status, 'a').receipt).toEqual({ date: '31/01/2021', onTime: true, daysLate: 0, label: 'Đúng hạn' });
    expect(unitReporting(status, 'b').receipt).toEqual({ date: '01/02/2021', onTime: false, daysLate: 1, label: 'Trễ 1 ngày', note: 'gửi qua thư điện tử' });
    expect(status.receipts).toMatchObject({ received: 2, onTime: 1, late: 1, asIssued: 'trước ngày 01/2/2021', lastOnTimeDay: '31/01/2021' });
    const none = reportingStatus(valid({ receipts: receipts('received: []\n'), plan }));
    expect(unitReporting(none, 'a').receipt).toBeNull();
  });

  test('an unknown unit, an impossible date, a date before the plan, a unit twice: file:line, rule', () => {
    const yaml = [
      'received:',
      '  - unit: a',
      '    date: 2021-01-20',
      '  - unit: khong-co',
      '    date: 2021-01-20',
      '  - unit: b',
      '    date: 2021-02-30',
      '  - unit: a',
      '    date: 2019-12-01',
      '  - unit: b',
      '    date: 20/01/2021',
      '    ghi: x',
    ].join('\n');
    expect(problemsOf(yaml).sort()).toEqual([
      'content/so-lieu/nop-bao-cao.yaml:10: received[4].unit: đơn vị "b" đã ghi ở mục thứ 3; mỗi đơn vị ghi một ngày nhận (quy tắc: don-vi-trung)',
      'content/so-lieu/nop-bao-cao.yaml:11: received[4].date: ngày phải có dạng YYYY-MM-DD (ví dụ 2021-01-28) (quy tắc: dinh-dang)',
      'content/so-lieu/nop-bao-cao.yaml:12: received[4].ghi: trường "ghi" không có trong mẫu (có thể gõ sai tên trường); sửa tên hoặc xoá trường này (quy tắc: truong-la)',
      'content/so-lieu/nop-bao-cao.yaml:4: received[1].unit: đơn vị "khong-co" không có trong content/don-vi/ (quy tắc: don-vi-khong-co)',
      'content/so-lieu/nop-bao-cao.yaml:7: received[2].date: ngày không có thật: "2021-02-30": ngày 30 không tồn tại trong tháng 2/2021 (tháng có 28 ngày) (quy tắc: ngay-co-that)',
      'content/so-lieu/nop-bao-cao.yaml:8: received[3].unit: đơn vị "a" đã ghi ở mục thứ 1; mỗi đơn vị ghi một ngày nhận (quy tắc: don-vi-trung)',
      'content/so-lieu/nop-bao-cao.yaml:9: received[3].date: ngày 01/12/2019 trước khi có Kế hoạch (01/08/2020); hãy kiểm tra lại năm, tháng (quy tắc: ngay-truoc-ke-hoach)',
    ]);
  });

  test('without the plan\'s deadline the file cannot be judged: said at line 1', () => {
    expect(problemsOf('received: []\n', null)).toEqual([expect.stringMatching(/^content\/so-lieu\/nop-bao-cao.yaml:1: không tìm thấy hạn gửi báo cáo .*\(quy tắc: ke-hoach-khong-co-han\)$/)]);
  });
});
