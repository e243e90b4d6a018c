import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { findCitations, resolveCitation, type Citation, type KnownDocument } from '../src/lib/citations/citations';

type Expected = Partial<Pick<Citation, 'text' | 'type' | 'number' | 'symbol' | 'label' | 'key' | 'year' | 'dateText' | 'date' | 'issuer'>>;

// [input, expected citation (first found) or null when the text holds no citation]
const cases: [string, Expected | null][] = [
  // State and union order: number/SYMBOL-ISSUER
  ['Chương trình số 2494/CTr-TLĐ ngày 19/12/2018 về nâng cao', { text: 'Chương trình số 2494/CTr-TLĐ', type: 'Chương trình', number: '2494', symbol: 'CTr-TLĐ', label: '2494/CTr-TLĐ', key: '2494/CTR-TLĐ', year: 2018, dateText: '19/12/2018', date: '2018-12-19' }],
  ['Chương trình 07/CTr-LĐLĐ ngày 29/8/2018 của Ban Chấp hành LĐLĐ tỉnh (khóa X) về Xây dựng', { label: '07/CTr-LĐLĐ', date: '2018-08-29', issuer: 'Ban Chấp hành LĐLĐ tỉnh (khóa X)' }],
  ['Kế hoạch số 56/KH-TLĐ ngày 23/7/2020 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam về Sơ kết', { type: 'Kế hoạch', label: '56/KH-TLĐ', year: 2020, issuer: 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam' }],
  ['Kế hoạch Số: 56/KH-TLĐ ngày 10/3/2016', { text: 'Kế hoạch Số: 56/KH-TLĐ', label: '56/KH-TLĐ', year: 2016 }],
  ['Kế hoạch 86/KH-LĐLĐ ngày 14/2/2020 của Ban Thường vụ LĐLĐ tỉnh về triển khai', { text: 'Kế hoạch 86/KH-LĐLĐ', issuer: 'Ban Thường vụ LĐLĐ tỉnh', date: '2020-02-14' }],
  ['Nghị quyết 03/NQ-BCH ngày 11/01/2019 của BCH Tổng Liên đoàn LĐVN (khóa XII) về công tác', { type: 'Nghị quyết', label: '03/NQ-BCH', date: '2019-01-11', issuer: 'BCH Tổng Liên đoàn LĐVN (khóa XII)' }],
  ['Nghị quyết số 07/NQ-BCH ngày 15/01/2020 về đổi mới', { label: '07/NQ-BCH', date: '2020-01-15', issuer: undefined }],
  ['Quyết định số 1234/QĐ-UBND ngày 5/6/2019 của Ủy ban nhân dân tỉnh', { type: 'Quyết định', label: '1234/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh' }],
  ['Hướng dẫn số 12/HD-TLĐ', { type: 'Hướng dẫn', label: '12/HD-TLĐ', year: undefined }],
  ['Thông báo số 45/TB-LĐLĐ ngày 1/2/2021', { type: 'Thông báo', label: '45/TB-LĐLĐ', date: '2021-02-01' }],
  ['Báo cáo số 300/BC-LĐLĐ ngày 30/12/2020', { type: 'Báo cáo', label: '300/BC-LĐLĐ', date: '2020-12-30' }],
  ['Công văn số 789/LĐLĐ-VP ngày 3/8/2020', { type: 'Công văn', label: '789/LĐLĐ-VP' }],
  ['Kế hoạch số 4a/KH-LĐLĐ', { number: '4a', label: '4a/KH-LĐLĐ' }],
  ['Quyết định số 15/2019/QĐ-TTg', { label: '15/2019/QĐ-TTg', year: 2019 }],
  // Party order: number-SYMBOL/ISSUER
  ['Chỉ thị 05-CT/TW của Bộ Chính trị về “Đẩy mạnh học tập', { type: 'Chỉ thị', number: '05', symbol: 'CT/TW', label: '05-CT/TW', key: '05-CT/TW', issuer: 'Bộ Chính trị', year: undefined }],
  ['Chỉ thị số 52-CT/TW của Ban Bí thư về “Tăng cường', { label: '52-CT/TW', issuer: 'Ban Bí thư' }],
  ['Nghị quyết số 08-NQ/TU ngày 01/3/2017 của Ban Chấp hành Đảng bộ tỉnh (khóa X) và Kế hoạch', { label: '08-NQ/TU', date: '2017-03-01', issuer: 'Ban Chấp hành Đảng bộ tỉnh (khóa X)' }],
  ['Kế hoạch số 13-KH/ĐĐ ngày 10/4/2020 của Đảng Đoàn LĐLĐ tỉnh thực hiện Kế hoạch', { label: '13-KH/ĐĐ', issuer: 'Đảng Đoàn LĐLĐ tỉnh' }],
  ['Kết luận số 01-KL/TW ngày 18/5/2021', { type: 'Kết luận', label: '01-KL/TW', year: 2021 }],
  // Hyphens only
  ['Kế hoạch số 104-KH-TU ngày 22/5/2017 của Ban Thường vụ Tỉnh uỷ.', { text: 'Kế hoạch số 104-KH-TU', symbol: 'KH-TU', label: '104-KH-TU', date: '2017-05-22', issuer: 'Ban Thường vụ Tỉnh uỷ' }],
  // Spaces around separators
  ['Chương trình số 2494 / CTr - TLĐ ngày 19/12/2018', { text: 'Chương trình số 2494 / CTr - TLĐ', label: '2494/CTr-TLĐ', year: 2018 }],
  ['Chỉ thị 05 - CT / TW', { label: '05-CT/TW' }],
  // Ð (U+00D0, Icelandic eth) typed for Đ
  ['Chương trình số 2494/CTr-TL\u00D0 ngày 19/12/2018', { symbol: 'CTr-TLĐ', key: '2494/CTR-TLĐ' }],
  ['Kế hoạch số 56/KH-TL\u00D0', { key: '56/KH-TLĐ' }],
  // TƯ for TW
  ['Chỉ thị số 05-CT/TƯ của Bộ Chính trị', { symbol: 'CT/TW', key: '05-CT/TW' }],
  ['Nghị quyết số 18-NQ/TƯ ngày 25/10/2017', { label: '18-NQ/TW', year: 2017 }],
  // Lower case
  ['theo kế hoạch số 99/KH-LĐLĐ ngày 21/4/2020 của Ban thường vụ LĐLĐ tỉnh), có số liệu', { type: 'Kế hoạch', label: '99/KH-LĐLĐ', issuer: 'Ban thường vụ LĐLĐ tỉnh' }],
  ['chương trình số 2494/ctr-tlđ', { type: 'Chương trình', key: '2494/CTR-TLĐ' }],
  ['CHƯƠNG TRÌNH SỐ 1563/CTR-TLĐ', { type: 'Chương trình', key: '1563/CTR-TLĐ' }],
  // Dates in every printed form
  ['Chương trình số 1563/CTr-TLĐ ngày 9-10-2019 về xây dựng', { dateText: '9-10-2019', date: '2019-10-09', year: 2019 }],
  ['Kế hoạch số 56/KH-TLĐ ngày 15 tháng 5 năm 2016 của Đoàn Chủ tịch', { dateText: '15 tháng 5 năm 2016', date: '2016-05-15', year: 2016, issuer: 'Đoàn Chủ tịch' }],
  ['Kế hoạch số 56/KH-TLĐ, ngày 23/7/2020', { date: '2020-07-23' }],
  ['Kế hoạch số 56/KH-TLĐ ngày 31/02/2020', { year: undefined, date: undefined }],
  ['Kế hoạch số 104-KH-TU ngày 22/5/2017 của Ban Thường vụ Tỉnh ủy; Kế hoạch', { issuer: 'Ban Thường vụ Tỉnh ủy' }],
  // Not citations
  ['Đề nghị báo cáo trước ngày 01/2/2021', null],
  ['Ngoài 03 Chương trình thực hiện Nghị quyết', null],
  ['lãnh đạo cho ý kiến vào 04 Chương trình đã được Thường trực chỉ đạo', null],
  ['giai đoạn 2018 – 2023', null],
  ['giai đoạn 2018 - 2020', null],
  ['Ban Chấp hành LĐLĐ tỉnh (khóa X)', null],
  ['Nghị quyết Đại hội XII Công đoàn Việt Nam', null],
  ['Chương trình làm việc toàn khoá của Ban Chấp hành', null],
  ['Kế hoạch sơ kết giữa nhiệm kỳ', null],
  ['Báo cáo tổng hợp số liệu hoạt động công đoàn giai đoạn 2018 - 2020', null],
  ['Nghị quyết của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam khóa XI về “Chất lượng bữa ăn ca', null],
  ['Báo cáo sơ kết (đầu tháng 2/2020)', null],
  ['số 2494/CTr-TLĐ', null],
  ['Kế hoạch 2020 - 2021', null],
  ['Phụ lục 2/3', null],
];

describe('citation recogniser', () => {
  test('the table is large enough', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter(([, e]) => e === null).length).toBeGreaterThanOrEqual(10);
  });

  test.each(cases)('%s', (input, expected) => {
    const found = findCitations(input);
    if (expected === null) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.length).toBeGreaterThanOrEqual(1);
    const first = found[0] as Citation;
    for (const [field, value] of Object.entries(expected)) {
      expect(first[field as keyof Citation], field).toEqual(value);
    }
    expect(input.slice(first.start, first.end)).toBe(first.text);
  });

  test('NFD input is recognised once normalised to NFC', () => {
    const nfd = 'Chương trình số 2494/CTr-TLĐ ngày 19/12/2018'.normalize('NFD');
    expect(findCitations(nfd.normalize('NFC'))[0]?.key).toBe('2494/CTR-TLĐ');
  });

  test('several citations in one sentence, in order', () => {
    const text =
      'Kế hoạch số 13-KH/ĐĐ ngày 10/4/2020 của Đảng Đoàn LĐLĐ tỉnh thực hiện Kế hoạch số 231-KH/TU ngày 12/12/2018 của Ban Chấp hành Đảng bộ tỉnh gắn với thực hiện Nghị quyết 03/NQ-BCH ngày 11/01/2019';
    expect(findCitations(text).map((c) => c.label)).toEqual(['13-KH/ĐĐ', '231-KH/TU', '03/NQ-BCH']);
  });
});

describe('the 19 documents the source text cites', () => {
  const source = readFileSync('content/nguon/van-ban-goc.txt', 'utf8');
  const found = findCitations(source);
  const distinct = new Map<string, Citation[]>();
  for (const c of found) {
    const id = `${c.key}@${c.year ?? ''}`;
    distinct.set(id, [...(distinct.get(id) ?? []), c]);
  }

  // label, type, date (ISO or undefined), issuer as cited (or undefined), occurrences
  const expected: [string, string, string | undefined, string | undefined, number][] = [
    ['56/KH-TLĐ', 'Kế hoạch', '2020-07-23', 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam', 2],
    ['07/CTr-LĐLĐ', 'Chương trình', '2018-08-29', 'Ban Chấp hành LĐLĐ tỉnh (khóa X)', 1],
    ['08/CTr-LĐLĐ', 'Chương trình', '2018-08-29', 'Ban Chấp hành LĐLĐ tỉnh (khóa X)', 1],
    ['09/CTr-LĐLĐ', 'Chương trình', '2018-08-29', 'Ban Chấp hành LĐLĐ tỉnh (khóa X)', 1],
    ['99/KH-LĐLĐ', 'Kế hoạch', '2020-04-21', 'Ban thường vụ LĐLĐ tỉnh', 1],
    ['05-CT/TW', 'Chỉ thị', undefined, 'Bộ Chính trị', 1],
    ['52-CT/TW', 'Chỉ thị', undefined, 'Ban Bí thư', 1],
    ['08-NQ/TU', 'Nghị quyết', '2017-03-01', 'Ban Chấp hành Đảng bộ tỉnh (khóa X)', 1],
    ['104-KH-TU', 'Kế hoạch', '2017-05-22', 'Ban Thường vụ Tỉnh uỷ', 1],
    ['13-KH/ĐĐ', 'Kế hoạch', '2020-04-10', 'Đảng Đoàn LĐLĐ tỉnh', 1],
    ['231-KH/TU', 'Kế hoạch', '2018-12-12', 'Ban Chấp hành Đảng bộ tỉnh', 1],
    ['03/NQ-BCH', 'Nghị quyết', '2019-01-11', 'BCH Tổng Liên đoàn LĐVN (khóa XII)', 1],
    ['07/NQ-BCH', 'Nghị quyết', '2020-01-15', undefined, 1],
    ['2494/CTr-TLĐ', 'Chương trình', '2018-12-19', undefined, 2],
    ['1734/CTr-TLĐ', 'Chương trình', '2019-11-14', undefined, 2],
    ['1306/CTr-TLĐ', 'Chương trình', '2019-08-15', undefined, 2],
    ['86/KH-LĐLĐ', 'Kế hoạch', '2020-02-14', 'Ban Thường vụ LĐLĐ tỉnh', 1],
    ['1563/CTr-TLĐ', 'Chương trình', '2019-10-09', undefined, 2],
    ['740/CTr-TLĐ', 'Chương trình', '2020-07-22', undefined, 1],
  ];

  test('19 distinct documents, 24 citations', () => {
    expect(expected).toHaveLength(19);
    expect(distinct.size).toBe(19);
    expect(found).toHaveLength(24);
  });

  test.each(expected)('%s', (label, type, date, issuer, count) => {
    const citations = found.filter((c) => c.label === label);
    expect(citations).toHaveLength(count);
    for (const c of citations) {
      expect(c.type).toBe(type);
      expect(c.date).toBe(date);
      expect(c.issuer).toBe(issuer);
    }
  });

  test('no citation starts at a counted "03 Chương trình", "04 Chương trình" or a term "khoá X"', () => {
    for (const c of found) expect(c.text).toMatch(/\d\s*[/-]\s*\p{L}/u);
    expect(found.some((c) => /03 Chương trình|04 Chương trình/.test(c.text))).toBe(false);
  });
});

describe('resolving a citation to a published document', () => {
  const known: KnownDocument[] = [
    { id: 'kh-56-2016', number: '56', symbol: 'KH-TLĐ', year: 2016 },
    { id: 'kh-56-2020', number: '56', symbol: 'KH-TLĐ', year: 2020 },
    { id: '2494-ctr-tld-2018', number: '2494', symbol: 'CTr-TLĐ', year: 2018 },
  ];
  const cite = (text: string) => findCitations(text)[0] as Citation;

  test('a dated citation picks the document of its year', () => {
    expect(resolveCitation(cite('Kế hoạch số 56/KH-TLĐ ngày 23/7/2020'), known)).toEqual({ status: 'resolved', id: 'kh-56-2020' });
    expect(resolveCitation(cite('Kế hoạch số 56/KH-TLĐ ngày 15 tháng 5 năm 2016'), known)).toEqual({ status: 'resolved', id: 'kh-56-2016' });
  });
  test('an undated citation with two candidates stays unresolved, saying why', () => {
    expect(resolveCitation(cite('Kế hoạch số 56/KH-TLĐ'), known)).toEqual({
      status: 'unresolved',
      reason: 'có 2 văn bản cùng số, ký hiệu; cần ngày ban hành để phân biệt',
    });
  });
  test('an undated citation with exactly one candidate resolves, whatever the case or Ð', () => {
    expect(resolveCitation(cite('chương trình 2494/ctr-tl\u00D0'), known)).toEqual({ status: 'resolved', id: '2494-ctr-tld-2018' });
  });
  test('a citation of the wrong year or an unknown document does not resolve', () => {
    expect(resolveCitation(cite('Chương trình số 2494/CTr-TLĐ ngày 19/12/2019'), known).status).toBe('unresolved');
    expect(resolveCitation(cite('Chỉ thị 05-CT/TW'), known)).toEqual({ status: 'unresolved', reason: 'không có văn bản nào trên trang khớp' });
  });
});

describe('case folding without a locale', () => {
  // The recogniser changes case with toUpperCase/toLowerCase (the 'vi' locale calls were slow):
  // for every Vietnamese letter, with every tone, the two agree.
  const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const all = [...letters].flatMap((l) => tones.map((t) => `${l}${t}`.normalize('NFC')));
  test.each([all.join(''), all.join('').toUpperCase(), 'Ð', 'CTr-TLĐ', 'TƯ'])('%s', (text) => {
    expect(text.toUpperCase()).toBe(text.toLocaleUpperCase('vi'));
    expect(text.toLowerCase()).toBe(text.toLocaleLowerCase('vi'));
  });
});
