// Every kind of bad input in a results file or a definition gets a message naming file, line,
// column, rule and value in Vietnamese; what Excel in Vietnam exports is accepted or refused
// explicitly. Fixtures: tests/fixtures/du-lieu (a small valid model) and tests/fixtures/du-lieu-loi.
import { loadEdition } from '../src/lib/edition/load';
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetEdition, validateDataset, type DatasetFiles, type SourceFile } from '../src/lib/indicators/dataset';
import { formatProblem } from '../src/lib/problems/problem';
import { parseWholeNumber } from '../src/lib/indicators/results-csv';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const file = (dir: string, name: string): SourceFile => ({ path: `${dir}/${name}`, bytes: readFileSync(join(FIXTURES, dir, name)) });
const folder = (dir: string) => readdirSync(join(FIXTURES, dir)).filter((n) => /\.(ya?ml|csv)$/.test(n) && n !== 'bo-du-lieu.yaml').sort().map((n) => file(dir, n));

function model(overrides: Partial<DatasetFiles> = {}): DatasetFiles {
  return {
    meta: file('du-lieu/so-lieu', 'bo-du-lieu.yaml'),
    indicators: folder('du-lieu/chi-tieu'),
    units: folder('du-lieu/don-vi'),
    results: [file('du-lieu/so-lieu', 'hop-le.csv')],
    programmeIds: new Set(['09-ctr-ldld-2018']),
    edition: datasetEdition(loadEdition()),
    ...overrides,
  };
}

const messagesFor = (results: SourceFile[]) => validateDataset(model({ results })).problems.map(formatProblem);
const bad = (name: string) => messagesFor([file('du-lieu-loi', name)]);

describe('a valid model', () => {
  test('validates, with every row kept', () => {
    const { dataset, problems } = validateDataset(model());
    expect(problems).toEqual([]);
    expect(dataset?.rows).toHaveLength(9);
    expect(dataset?.years).toEqual([2018, 2019]);
    expect(dataset?.rows.find((r) => r.unit === 'b' && r.period === '2018' && r.indicator === 'dem')?.note).toBe('ghi chú, có dấu phẩy');
  });

  test('an Excel export (UTF-8 BOM, CRLF, ";" separator, empty rows) is read exactly like a plain file', () => {
    const { dataset, problems } = validateDataset(model({ results: [file('du-lieu-loi', 'excel-bom-crlf-cham-phay.csv')] }));
    expect(problems).toEqual([]);
    expect(dataset?.rows.map((r) => [r.unit, r.period, r.indicator, r.value, r.line])).toEqual([
      ['a', '2018', 'dem', 12, 2],
      ['b', '2018', 'dem', 9, 4],
    ]);
  });
});

describe('bad results files: one fixture per kind, with its message', () => {
  const F = 'du-lieu-loi';
  const cases: [string, string[]][] = [
    ['tieu-de-thieu-cot.csv', [`${F}/tieu-de-thieu-cot.csv:1:7 (cột ghi_chu): dòng tiêu đề phải đúng 7 cột theo thứ tự don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu; cột 7 bị thiếu (cần "ghi_chu") — giá trị "" (quy tắc: tieu-de)`]],
    ['tieu-de-sai-ten.csv', [`${F}/tieu-de-sai-ten.csv:1:4 (cột gia_tri): dòng tiêu đề phải đúng 7 cột theo thứ tự don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu; cột 4 không đúng (cần "gia_tri") — giá trị "so_lieu" (quy tắc: tieu-de)`]],
    ['lan-dau-phan-cach.csv', [`${F}/lan-dau-phan-cach.csv:1: dòng tiêu đề phải là don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu (phân cách bằng dấu phẩy hoặc dấu chấm phẩy, không lẫn cả hai) — giá trị "don_vi,nam;chi_tieu,gia_tri,tu_so,mau_so,ghi_chu" (quy tắc: tieu-de)`]],
    ['chu-trong-o-so.csv', [`${F}/chu-trong-o-so.csv:2:4 (cột gia_tri): không phải là số nguyên — giá trị "mười hai" (quy tắc: khong-phai-so)`]],
    ['don-vi-khong-co.csv', [`${F}/don-vi-khong-co.csv:2:1 (cột don_vi): đơn vị không có trong content/don-vi/ (ghi mã đơn vị, là tên tệp không có đuôi .yaml) — giá trị "c" (quy tắc: don-vi-khong-co)`]],
    ['chi-tieu-khong-co.csv', [`${F}/chi-tieu-khong-co.csv:2:3 (cột chi_tieu): chỉ tiêu không có trong content/chi-tieu/ (ghi mã chỉ tiêu, là tên tệp không có đuôi .yaml) — giá trị "dem-sai" (quy tắc: chi-tieu-khong-co)`]],
    ['nam-ngoai-nhiem-ky.csv', [`${F}/nam-ngoai-nhiem-ky.csv:2:2 (cột nam): năm nằm ngoài nhiệm kỳ 2018 – 2023 — giá trị "2017" (quy tắc: nam-ngoai-nhiem-ky)`]],
    ['nam-khong-hop-le.csv', [`${F}/nam-khong-hop-le.csv:2:2 (cột nam): năm phải có 4 chữ số hoặc là "nk-truoc" (số liệu nhiệm kỳ trước) — giá trị "năm 2018" (quy tắc: nam-khong-hop-le)`]],
    ['trung-dong.csv', [`${F}/trung-dong.csv:4: cùng đơn vị, năm và chỉ tiêu đã có ở ${F}/trung-dong.csv dòng 2 — giá trị "a, 2018, dem" (quy tắc: trung-dong)`]],
    ['so-am.csv', [`${F}/so-am.csv:2:4 (cột gia_tri): số âm không hợp lệ: số liệu phải lớn hơn hoặc bằng 0 — giá trị "-5" (quy tắc: so-khong-am)`]],
    ['tu-so-vuot-mau-so.csv', [`${F}/tu-so-vuot-mau-so.csv:2:5 (cột tu_so): tử số lớn hơn mẫu số (10) — giá trị "11" (quy tắc: tu-so-vuot-mau-so)`]],
    ['o-trong.csv', [`${F}/o-trong.csv:2:4 (cột gia_tri): ô không được để trống (quy tắc: o-trong)`]],
    ['phan-cach-hang-nghin.csv', [`${F}/phan-cach-hang-nghin.csv:2:4 (cột gia_tri): số có dấu phân cách hàng nghìn; hãy ghi số liền, không dấu chấm hay khoảng trắng (ví dụ 1234) — giá trị "1.234" (quy tắc: dau-phan-cach-hang-nghin)`]],
    ['so-thap-phan.csv', [`${F}/so-thap-phan.csv:2:4 (cột gia_tri): số liệu phải là số nguyên, không có phần thập phân (tỷ lệ ghi bằng tử số và mẫu số) — giá trị "12,5" (quy tắc: so-nguyen)`]],
    ['phan-tram.csv', [`${F}/phan-tram.csv:2:5 (cột tu_so): không ghi tỷ lệ phần trăm; hãy ghi tử số (tu_so) và mẫu số (mau_so) — giá trị "70%" (quy tắc: khong-ghi-phan-tram)`]],
    ['mau-so-bang-khong.csv', [`${F}/mau-so-bang-khong.csv:2:6 (cột mau_so): mẫu số phải lớn hơn 0 — giá trị "0" (quy tắc: mau-so-duong)`]],
    ['cong-thuc.csv', [`${F}/cong-thuc.csv:2:4 (cột gia_tri): ô chứa công thức hoặc ký tự đầu dòng không hợp lệ; hãy ghi giá trị số — giá trị "=10+2" (quy tắc: cong-thuc)`]],
    ['thieu-o.csv', [`${F}/thieu-o.csv:2: dòng có 6 ô, cần đúng 7 ô (don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu) — giá trị "a,2018,dem,12,," (quy tắc: so-cot)`]],
    ['ty-le-co-gia-tri.csv', [`${F}/ty-le-co-gia-tri.csv:2:4 (cột gia_tri): chỉ tiêu tỷ lệ ghi tu_so và mau_so; để trống gia_tri (trang tự tính tỷ lệ) — giá trị "70" (quy tắc: ty-le-khong-gia-tri)`]],
    ['dem-co-tu-mau.csv', [
      `${F}/dem-co-tu-mau.csv:2:5 (cột tu_so): chỉ tiêu đếm chỉ ghi gia_tri; để trống tu_so và mau_so — giá trị "12" (quy tắc: dem-khong-tu-mau)`,
      `${F}/dem-co-tu-mau.csv:2:6 (cột mau_so): chỉ tiêu đếm chỉ ghi gia_tri; để trống tu_so và mau_so — giá trị "20" (quy tắc: dem-khong-tu-mau)`,
    ]],
    ['ngoac-kep-chua-dong.csv', [`${F}/ngoac-kep-chua-dong.csv:2: không đọc được tệp CSV: dấu ngoặc kép mở ở dòng này không được đóng (quy tắc: csv)`]],
    ['bang-ma-windows.csv', [`${F}/bang-ma-windows.csv:2: tệp không phải UTF-8 (có thể đã lưu bằng bảng mã Windows): byte 0xFA ở ký tự thứ 23 của dòng; trong Excel hãy chọn "Lưu thành" → "CSV UTF-8" (quy tắc: ma-hoa-utf8)`]],
  ];

  test.each(cases)('%s', (name, expected) => {
    expect(bad(name)).toEqual(expected);
  });

  test('every bad fixture is covered by a case', () => {
    const names = readdirSync(join(FIXTURES, F)).filter((n) => n.endsWith('.csv') && !n.startsWith('excel-'));
    expect(names.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  test('the same unit, year and indicator in two files is refused, naming both', () => {
    const copy = { path: 'content/so-lieu/lap-lai.csv', bytes: readFileSync(join(FIXTURES, 'du-lieu/so-lieu/hop-le.csv')) };
    const messages = messagesFor([file('du-lieu/so-lieu', 'hop-le.csv'), copy]);
    expect(messages).toHaveLength(9);
    expect(messages[0]).toBe('content/so-lieu/lap-lai.csv:2: cùng đơn vị, năm và chỉ tiêu đã có ở du-lieu/so-lieu/hop-le.csv dòng 2 — giá trị "a, 2018, dem" (quy tắc: trung-dong)');
  });

  test('one bad cell means no dataset at all: nothing partial', () => {
    const result = validateDataset(model({ results: [file('du-lieu/so-lieu', 'hop-le.csv'), file(F, 'so-am.csv')] }));
    expect(result.dataset).toBeNull();
    expect(result.problems).toHaveLength(1);
  });
});

describe('number cells: each spreadsheet habit accepted or refused explicitly', () => {
  const cases: [string, number | string][] = [
    ['0', 0], ['1234', 1234], [' 42 ', 42], ['007', 7],
    ['1.234', 'dau-phan-cach-hang-nghin'], ['1 234', 'dau-phan-cach-hang-nghin'], ['1\u00a0234', 'dau-phan-cach-hang-nghin'], ['12.345.678', 'dau-phan-cach-hang-nghin'],
    ['12,5', 'so-nguyen'], ['12.5', 'so-nguyen'], ['1,234', 'so-nguyen'],
    ['-1', 'so-khong-am'], ['- 3', 'so-khong-am'], ['70%', 'khong-ghi-phan-tram'], ['70 %', 'khong-ghi-phan-tram'],
    ['=A1', 'cong-thuc'], ['+5', 'cong-thuc'], ['@SUM(A1)', 'cong-thuc'], ['abc', 'khong-phai-so'], ['99999999999999999999', 'so-qua-lon'],
  ];
  test.each(cases)('%j', (raw, expected) => {
    const parsed = parseWholeNumber(raw);
    if (typeof expected === 'number') expect(parsed).toEqual({ ok: true, value: expected });
    else expect(parsed).toMatchObject({ ok: false, rule: expected });
  });
});

describe('bad definitions', () => {
  const yaml = (path: string, text: string): SourceFile => ({ path, bytes: new TextEncoder().encode(text) });
  const base = readFileSync(join(FIXTURES, 'du-lieu/chi-tieu/dem.yaml'), 'utf8');

  test('an unknown unit of measure names the file, the line and the list', () => {
    const { problems } = validateDataset(model({ indicators: [yaml('content/chi-tieu/dem.yaml', base.replace('unit: doan-vien', 'unit: ho-gia-dinh'))] }));
    expect(problems.map(formatProblem)).toEqual([
      'content/chi-tieu/dem.yaml:5: unit: đơn vị tính "ho-gia-dinh" không có trong danh mục `vocabularies.measureUnits` của content/cau-hinh.yaml (doan-vien, cong-doan-co-so, nguoi, luot-nguoi, can-nha, cuoc, phan-tram) (quy tắc: gia-tri-cho-phep)',
    ]);
  });

  test('a programme that does not exist fails at its line', () => {
    const { problems } = validateDataset(model({ indicators: [yaml('content/chi-tieu/dem.yaml', base.replace('programmes: []', 'programmes:\n  - 09-ctr-ldld-2018\n  - 99-ctr-ldld-2018'))] }));
    expect(problems.map(formatProblem)).toEqual([
      'content/chi-tieu/dem.yaml:6: programmes[1]: chương trình "99-ctr-ldld-2018" không có trong content/chuong-trinh/ (quy tắc: chuong-trinh-khong-co)',
    ]);
  });

  test('a rate needs its numerator and denominator, a count takes whole targets', () => {
    const rate = readFileSync(join(FIXTURES, 'du-lieu/chi-tieu/ty-le.yaml'), 'utf8').replace(/^numerator:.*\n/m, '');
    const count = base.replace('termTarget: 100', 'termTarget: 99.5');
    const { problems } = validateDataset(model({ indicators: [yaml('content/chi-tieu/ty-le.yaml', rate), yaml('content/chi-tieu/dem.yaml', count)] }));
    expect(problems.map(formatProblem)).toEqual([
      'content/chi-tieu/ty-le.yaml:1: numerator: chỉ tiêu tỷ lệ phải nêu tử số (quy tắc: ty-le-tu-mau)',
      'content/chi-tieu/dem.yaml:7: termTarget: mục tiêu của chỉ tiêu đếm phải là số nguyên (quy tắc: muc-tieu-so-nguyen)',
    ]);
  });

  test('a unit with an unknown type, and a misspelt field', () => {
    const { problems } = validateDataset(model({ units: [yaml('content/don-vi/a.yaml', 'name: A\nshortName: A\ntype: huyen\norder: 1\nnameSource: nguon\nlatecongress: true\n')] }));
    const messages = problems.map(formatProblem);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^content\/don-vi\/a\.yaml:3: type: .*\(quy tắc: gia-tri-cho-phep\)$/);
    // At the misspelt field's own line, not its parent's.
    expect(messages[1]).toMatch(/^content\/don-vi\/a\.yaml:6: latecongress: .*\(quy tắc: truong-la\)$/);
  });

  test('a metadata status other than minh-hoa or chinh-thuc', () => {
    const meta = yaml('content/so-lieu/bo-du-lieu.yaml', readFileSync(join(FIXTURES, 'du-lieu/so-lieu/bo-du-lieu.yaml'), 'utf8').replace('status: minh-hoa', 'status: tam-thoi'));
    const { problems } = validateDataset(model({ meta }));
    expect(problems.map(formatProblem)[0]).toMatch(/^content\/so-lieu\/bo-du-lieu\.yaml:1: status: .*\(quy tắc: gia-tri-cho-phep\)$/);
  });
});
