// The units' own targets (content/so-lieu/muc-tieu-don-vi.csv, targets-csv.ts): the committed
// illustrative file is valid and covers every unit, every bad row is refused at its line and column
// with its rule, bo-du-lieu.yaml must say what the targets are, and the file is optional.
import { describe, expect, test } from 'vitest';
import { validateDataset, type DatasetFiles } from '../src/lib/indicators/dataset';
import { readDatasetFiles, UNIT_TARGETS_FILE } from '../src/lib/indicators/read';
import { formatProblem } from '../src/lib/problems/problem';
import { parseTargetsCsv, TARGET_COLUMNS, targetColumnRows, targetRowSchemaFor, type TargetsContext } from '../src/lib/indicators/targets-csv';
import { readFileSync } from 'node:fs';

const files = readDatasetFiles('.');
const bytes = (text: string) => new TextEncoder().encode(text);
const withTargets = (text: string | null): DatasetFiles => {
  const { unitTargets: _committed, ...rest } = files;
  return text === null ? rest : { ...rest, unitTargets: { path: UNIT_TARGETS_FILE, bytes: bytes(text) } };
};
const problemsOf = (text: string) => validateDataset(withTargets(text)).problems.map(formatProblem);

describe('muc-tieu-don-vi.csv', () => {
  test('the committed file is illustrative, valid, and gives every unit a target for every indicator the whole has one for', () => {
    const { dataset, problems } = validateDataset(files);
    expect(problems.map(formatProblem)).toEqual([]);
    const targets = dataset!.unitTargets!;
    expect(targets.status).toBe('minh-hoa');
    expect(Object.keys(targets.byUnit).sort()).toEqual(dataset!.units.map((u) => u.id).sort());
    // An indicator without a target for the whole (phuc-loi-doan-vien) has none for its units either: "Chưa có mục tiêu".
    const withTarget = dataset!.indicators.filter((i) => i.termTarget !== undefined || Object.keys(i.annualTargets).length > 0).map((i) => i.id).sort();
    expect(withTarget).not.toContain('phuc-loi-doan-vien');
    for (const unit of dataset!.units) expect(Object.keys(targets.byUnit[unit.id]!).sort(), unit.id).toEqual(withTarget);
    // Biên Hòa's new members, as written in the file.
    expect(targets.byUnit['bien-hoa']!['phat-trien-doan-vien']).toEqual({ term: 18170, annual: { 2018: 3634, 2019: 3634, 2020: 3634 } });
    // The results are read without it: it is not a results file.
    expect(files.results.map((f) => f.path)).not.toContain(UNIT_TARGETS_FILE);
  });

  test('is optional: without it the dataset is valid and has no targets', () => {
    const { dataset, problems } = validateDataset(withTargets(null));
    expect(problems).toEqual([]);
    expect(dataset!.unitTargets).toBeUndefined();
  });

  test('each bad row at its line and column: unknown unit or indicator, a bad period, a year outside the term, a fractional count, a rate over 100, a row twice, an empty cell', () => {
    const csv = [
      'don_vi,chi_tieu,ky,muc_tieu',
      'khong-co,phat-trien-doan-vien,nhiem-ky,1',
      'bien-hoa,chi-tieu-la,nhiem-ky,1',
      'bien-hoa,phat-trien-doan-vien,ca-nhiem-ky,1',
      'bien-hoa,phat-trien-doan-vien,2030,4',
      'bien-hoa,phat-trien-doan-vien,nhiem-ky,10.5',
      'bien-hoa,ty-le-doanh-nghiep-doi-thoai,nhiem-ky,101',
      'bien-hoa,ty-le-doanh-nghiep-doi-thoai,2019,72.5',
      'bien-hoa,ty-le-doanh-nghiep-doi-thoai,2019,72.5',
      'bien-hoa,mai-am-cong-doan,nhiem-ky,',
    ].join('\r\n');
    expect(problemsOf(csv)).toEqual([
      'content/so-lieu/muc-tieu-don-vi.csv:2:1 (cột don_vi): đơn vị không có trong content/don-vi/ (ghi mã đơn vị, là tên tệp không có đuôi .yaml) — giá trị "khong-co" (quy tắc: don-vi-khong-co)',
      'content/so-lieu/muc-tieu-don-vi.csv:3:2 (cột chi_tieu): chỉ tiêu không có trong content/chi-tieu/ (ghi mã chỉ tiêu, là tên tệp không có đuôi .yaml) — giá trị "chi-tieu-la" (quy tắc: chi-tieu-khong-co)',
      'content/so-lieu/muc-tieu-don-vi.csv:4:3 (cột ky): kỳ phải là "nhiem-ky" (mục tiêu nhiệm kỳ) hoặc một năm có 4 chữ số (phân bổ năm) — giá trị "ca-nhiem-ky" (quy tắc: nam-khong-hop-le)',
      'content/so-lieu/muc-tieu-don-vi.csv:5:3 (cột ky): năm nằm ngoài nhiệm kỳ 2018 – 2023 — giá trị "2030" (quy tắc: nam-ngoai-nhiem-ky)',
      'content/so-lieu/muc-tieu-don-vi.csv:6:4 (cột muc_tieu): mục tiêu của chỉ tiêu đếm: số liệu phải là số nguyên, không có phần thập phân (tỷ lệ ghi bằng tử số và mẫu số) — giá trị "10.5" (quy tắc: so-nguyen)',
      'content/so-lieu/muc-tieu-don-vi.csv:7:4 (cột muc_tieu): mục tiêu tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân, không ghi dấu % — giá trị "101" (quy tắc: muc-tieu-ty-le)',
      'content/so-lieu/muc-tieu-don-vi.csv:9:3 (cột ky): cùng đơn vị, chỉ tiêu và kỳ đã có ở dòng 8 — giá trị "bien-hoa, ty-le-doanh-nghiep-doi-thoai, 2019" (quy tắc: trung-dong)',
      'content/so-lieu/muc-tieu-don-vi.csv:10:4 (cột muc_tieu): ô không được để trống (quy tắc: o-trong)',
    ]);
  });

  test('a wrong header names its column; a rate written 72,5 (Excel in Vietnamese) is 72.5', () => {
    expect(problemsOf('don_vi,chi_tieu,nam,muc_tieu\r\n')).toEqual([
      'content/so-lieu/muc-tieu-don-vi.csv:1:3: dòng tiêu đề phải đúng 4 cột theo thứ tự don_vi,chi_tieu,ky,muc_tieu; cột 3 không đúng (cần "ky") — giá trị "nam" (quy tắc: tieu-de)',
    ]);
    const { dataset } = validateDataset(withTargets('don_vi;chi_tieu;ky;muc_tieu\r\nbien-hoa;ty-le-doanh-nghiep-doi-thoai;nhiem-ky;72,5\r\n'));
    expect(dataset!.unitTargets!.byUnit['bien-hoa']).toEqual({ 'ty-le-doanh-nghiep-doi-thoai': { term: 72.5, annual: {} } });
  });

  test('bo-du-lieu.yaml must say what the targets are when the file exists', () => {
    const meta = new TextDecoder().decode(files.meta.bytes).replace(/^unitTargets:\n(  .*\n)+/m, '');
    expect(meta).not.toContain('unitTargets');
    const problems = validateDataset({ ...files, meta: { path: files.meta.path, bytes: bytes(meta) } }).problems.map(formatProblem);
    expect(problems).toEqual([
      'content/so-lieu/bo-du-lieu.yaml:1: unitTargets: có tệp content/so-lieu/muc-tieu-don-vi.csv nhưng thiếu trường unitTargets (status: minh-hoa hoặc chinh-thuc, và source) cho biết các mục tiêu ấy là gì (quy tắc: thieu-truong)',
    ]);
  });

  describe('each row is checked by one zod schema (targetRowSchemaFor)', () => {
    const context: TargetsContext = {
      unitIds: new Set(['bien-hoa']),
      indicatorKinds: new Map([['phat-trien-doan-vien', 'count'], ['ty-le-doanh-nghiep-doi-thoai', 'rate']] as const),
      term: { from: 2018, to: 2023 },
    };
    const schema = targetRowSchemaFor(context);
    const rowOf = (line: string) => Object.fromEntries(TARGET_COLUMNS.map((c, i) => [c, line.split(',')[i] ?? '']));
    const issuesOf = (line: string) => {
      const checked = schema.safeParse(rowOf(line));
      return checked.success ? [] : checked.error.issues.map((i) => ({ column: String(i.path[0]), rule: (i as { params?: { rule?: string } }).params?.rule, message: i.message }));
    };

    test('every column is described in Vietnamese, and the README\'s table of columns is those descriptions', () => {
      const rows = targetColumnRows();
      expect(rows.map((r) => r.column)).toEqual([...TARGET_COLUMNS]);
      const readme = readFileSync('README.md', 'utf8');
      for (const { column, description } of rows) {
        expect(description.length, column).toBeGreaterThan(20);
        expect(readme, column).toContain(`| \`${column}\` | ${description} |`);
      }
    });

    test('the schema alone refuses each bad value with its rule, and gives a good row its target as a number', () => {
      expect(issuesOf('khong-co,phat-trien-doan-vien,nhiem-ky,1').map((i) => [i.column, i.rule])).toEqual([['don_vi', 'don-vi-khong-co']]);
      expect(issuesOf('bien-hoa,chi-tieu-la,2019,abc').map((i) => [i.column, i.rule])).toEqual([['chi_tieu', 'chi-tieu-khong-co']]);
      expect(issuesOf('bien-hoa,phat-trien-doan-vien,ca-nhiem-ky,1').map((i) => [i.column, i.rule])).toEqual([['ky', 'nam-khong-hop-le']]);
      expect(issuesOf('bien-hoa,phat-trien-doan-vien,2030,1').map((i) => [i.column, i.rule])).toEqual([['ky', 'nam-ngoai-nhiem-ky']]);
      // The target's rule follows the indicator's kind, even when another column is wrong too.
      expect(issuesOf('khong-co,phat-trien-doan-vien,nhiem-ky,10.5').map((i) => [i.column, i.rule])).toEqual([['don_vi', 'don-vi-khong-co'], ['muc_tieu', 'so-nguyen']]);
      expect(issuesOf('bien-hoa,ty-le-doanh-nghiep-doi-thoai,nhiem-ky,100.5').map((i) => [i.column, i.rule])).toEqual([['muc_tieu', 'muc-tieu-ty-le']]);
      // An empty cell is refused alone: nothing else of its row is read.
      expect(issuesOf('khong-co, ,nhiem-ky,').map((i) => [i.column, i.rule])).toEqual([['chi_tieu', 'o-trong'], ['muc_tieu', 'o-trong']]);
      expect(schema.parse(rowOf(' bien-hoa ,ty-le-doanh-nghiep-doi-thoai,2019, 72,5'.replace('72,5', '72.5')))).toEqual({ don_vi: 'bien-hoa', chi_tieu: 'ty-le-doanh-nghiep-doi-thoai', ky: '2019', muc_tieu: '72.5', value: 72.5 });
    });

    test('the file\'s problems are the schema\'s issues, at the row\'s line and the issue\'s column', () => {
      const lines = ['khong-co,phat-trien-doan-vien,nhiem-ky,10.5', 'bien-hoa,ty-le-doanh-nghiep-doi-thoai,2017,101', 'bien-hoa,phat-trien-doan-vien,,'];
      const { problems, byUnit } = parseTargetsCsv('t.csv', ['don_vi,chi_tieu,ky,muc_tieu', ...lines].join('\n'), context);
      const expected = lines.flatMap((line, i) => issuesOf(line).map((issue) => ({ line: i + 2, column: TARGET_COLUMNS.indexOf(issue.column as never) + 1, rule: issue.rule, message: issue.message })));
      expect(expected).toHaveLength(6);
      expect(problems.map((p) => ({ line: p.line, column: p.column, rule: p.rule, message: p.message }))).toEqual(expected);
      expect(problems.map(formatProblem)[1]).toBe('t.csv:2:4 (cột muc_tieu): mục tiêu của chỉ tiêu đếm: số liệu phải là số nguyên, không có phần thập phân (tỷ lệ ghi bằng tử số và mẫu số) — giá trị "10.5" (quy tắc: so-nguyen)');
      expect(byUnit).toEqual({});
    });
  });
});
