// The units' own targets (content/so-lieu/muc-tieu-don-vi.yaml, schemas.ts unitTargetsSchema):
// the committed illustrative file is valid and covers every unit, and every bad entry is refused at
// its line with its rule; the file is optional.
import { describe, expect, test } from 'vitest';
import { validateDataset, type DatasetFiles } from '../src/lib/indicators/dataset';
import { readDatasetFiles, UNIT_TARGETS_FILE } from '../src/lib/indicators/read';
import { formatProblem } from '../src/lib/problems/problem';

const files = readDatasetFiles('.');
const withTargets = (text: string | null): DatasetFiles => {
  const { unitTargets: _committed, ...rest } = files;
  return text === null ? rest : { ...rest, unitTargets: { path: UNIT_TARGETS_FILE, bytes: new TextEncoder().encode(text) } };
};
const problemsOf = (text: string) => validateDataset(withTargets(text)).problems.map(formatProblem);

describe('muc-tieu-don-vi.yaml', () => {
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
  });

  test('is optional: without it the dataset is valid and has no targets', () => {
    const { dataset, problems } = validateDataset(withTargets(null));
    expect(problems).toEqual([]);
    expect(dataset!.unitTargets).toBeUndefined();
  });

  test('an unknown unit or indicator, a fractional count, a rate over 100, a year outside the term, an empty entry: each at its line', () => {
    const yaml = [
      'status: minh-hoa',
      'source: thử',
      'targets:',
      '  khong-co:',
      '    phat-trien-doan-vien: { term: 1 }',
      '  bien-hoa:',
      '    chi-tieu-la: { term: 1 }',
      '    phat-trien-doan-vien: { term: 10.5 }',
      '    ty-le-doanh-nghiep-doi-thoai: { term: 101 }',
      '    thanh-lap-cong-doan-co-so: { annual: { 2030: 4 } }',
      '    mai-am-cong-doan: {}',
    ].join('\n');
    expect(problemsOf(yaml).sort()).toEqual([
      'content/so-lieu/muc-tieu-don-vi.yaml:10: targets.bien-hoa.thanh-lap-cong-doan-co-so.annual.2030: năm 2030 nằm ngoài nhiệm kỳ 2018 – 2023 (quy tắc: nam-ngoai-nhiem-ky)',
      'content/so-lieu/muc-tieu-don-vi.yaml:11: targets.bien-hoa.mai-am-cong-doan: cần ghi ít nhất `term` (mục tiêu nhiệm kỳ) hoặc `annual` (phân bổ hằng năm); đơn vị chưa có mục tiêu thì bỏ hẳn dòng này (quy tắc: thieu-truong)',
      'content/so-lieu/muc-tieu-don-vi.yaml:4: targets.khong-co: đơn vị "khong-co" không có trong content/don-vi/ (quy tắc: don-vi-khong-co)',
      'content/so-lieu/muc-tieu-don-vi.yaml:7: targets.bien-hoa.chi-tieu-la: chỉ tiêu "chi-tieu-la" không có trong content/chi-tieu/ (quy tắc: chi-tieu-khong-co)',
      'content/so-lieu/muc-tieu-don-vi.yaml:8: targets.bien-hoa.phat-trien-doan-vien.term: mục tiêu của chỉ tiêu đếm phải là số nguyên (quy tắc: muc-tieu-so-nguyen)',
      'content/so-lieu/muc-tieu-don-vi.yaml:9: targets.bien-hoa.ty-le-doanh-nghiep-doi-thoai.term: mục tiêu tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân (quy tắc: muc-tieu-ty-le)',
    ]);
  });

  test('a misspelt field and a missing status are refused by the schema, at their lines', () => {
    expect(problemsOf('source: thử\ntargets:\n  bien-hoa:\n    phat-trien-doan-vien: { tern: 5 }\n').sort()).toEqual([
      expect.stringMatching(/^content\/so-lieu\/muc-tieu-don-vi\.yaml:1: status: .*"minh-hoa"\|"chinh-thuc" \(quy tắc: gia-tri-cho-phep\)$/),
      'content/so-lieu/muc-tieu-don-vi.yaml:4: targets.bien-hoa.phat-trien-doan-vien.tern: trường "tern" không có trong mẫu (có thể gõ sai tên trường); sửa tên hoặc xoá trường này (quy tắc: truong-la)',
    ]);
  });
});
