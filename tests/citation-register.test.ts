import { describe, expect, it } from 'vitest';
import { backlinksFor, buildRegister, decodeCitationRecords, encodeCitationRecords, programmeListHref, registerListHref, registerListSlug, type CitationRecord } from '../src/lib/citations/citation-register';

const record = (over: Partial<CitationRecord>): CitationRecord => ({
  text: 'Kế hoạch số 56/KH-TLĐ',
  type: 'Kế hoạch',
  number: '56',
  symbol: 'KH-TLĐ',
  label: '56/KH-TLĐ',
  key: '56/KH-TLĐ',
  documentId: 'ke-hoach-so-ket',
  anchor: 'mo-dau',
  sectionTitle: 'Mở đầu',
  ...over,
});

describe('citation register', () => {
  it('keeps two documents with the same number in different years apart', () => {
    const register = buildRegister([
      record({ year: 2020, dateText: 'ngày 23/7/2020' }),
      record({ year: 2016, dateText: 'ngày 15 tháng 5 năm 2016', documentId: 'de-cuong-bao-cao' }),
    ]);
    expect(register.map((e) => [e.key, e.year])).toEqual([
      ['56/KH-TLĐ', 2016],
      ['56/KH-TLĐ', 2020],
    ]);
    expect(new Set(register.map((e) => e.id)).size).toBe(2);
  });

  it('joins an undated citation to the only dated document with its number', () => {
    const register = buildRegister([record({ year: 2020, dateText: 'ngày 23/7/2020' }), record({ anchor: 'ii-noi-dung', sectionTitle: 'II. NỘI DUNG' })]);
    expect(register).toHaveLength(1);
    expect(register[0]?.occurrences).toBe(2);
    expect(register[0]?.citedAt.map((c) => c.anchor)).toEqual(['mo-dau', 'ii-noi-dung']);
  });

  it('leaves an undated citation alone when two dated documents share its number', () => {
    const register = buildRegister([record({ year: 2020 }), record({ year: 2016 }), record({})]);
    expect(register.map((e) => e.year)).toEqual([undefined, 2016, 2020]);
  });

  it('counts repeated citations in one section once per place, with a count', () => {
    const register = buildRegister([record({ year: 2020 }), record({ year: 2020 })]);
    expect(register[0]?.citedAt).toEqual([{ documentId: 'ke-hoach-so-ket', anchor: 'mo-dau', sectionTitle: 'Mở đầu', count: 2 }]);
  });

  it('marks a document the site publishes and lists its backlinks', () => {
    const resolved = { id: '2494-ctr-tld-2018', href: '/chuong-trinh/2494-ctr-tld-2018/' };
    const records = [
      record({ key: '2494/CTr-TLĐ', number: '2494', symbol: 'CTr-TLĐ', type: 'Chương trình', year: 2018, resolved, documentId: 'de-cuong-bao-cao', anchor: 'iii-ket-qua' }),
      record({ key: '2494/CTr-TLĐ', number: '2494', symbol: 'CTr-TLĐ', type: 'Chương trình', year: 2018, resolved, documentId: 'cong-van-xin-y-kien', anchor: 'luu-y' }),
      record({ year: 2020 }),
    ];
    const register = buildRegister(records);
    expect(register.find((e) => e.key === '2494/CTr-TLĐ')?.published).toEqual(resolved);
    expect(register.find((e) => e.key === '56/KH-TLĐ')?.published).toBeUndefined();
    expect(backlinksFor(records, '2494-ctr-tld-2018').map((b) => b.documentId)).toEqual(['de-cuong-bao-cao', 'cong-van-xin-y-kien']);
  });
});

describe('stored citation records', () => {
  const published: CitationRecord = {
    text: 'Chương trình số 2494/CTr-TLĐ', type: 'Chương trình', number: '2494', symbol: 'CTr-TLĐ', label: '2494/CTr-TLĐ',
    key: '2494/CTR-TLĐ', year: 2018, dateText: '19/12/2018', date: '2018-12-19', issuer: 'Đoàn Chủ tịch Tổng Liên đoàn',
    documentId: 'de-cuong-bao-cao', anchor: 'dc-2494-ctr-tld', sectionTitle: 'I. MỤC ĐÍCH', line: 12,
    resolved: { id: '2494-ctr-tld-2018', href: '/chuong-trinh/2494-ctr-tld-2018/' },
  };
  const unpublished: CitationRecord = {
    text: 'Chỉ thị số 52-CT/TW', type: 'Chỉ thị', number: '52', symbol: 'CT/TW', label: '52-CT/TW', key: '52-CT/TW',
    documentId: 'de-cuong-bao-cao', anchor: 'i-muc-dich', sectionTitle: 'I. MỤC ĐÍCH',
  };

  it('come back exactly as recorded, each citation and section title stored once', () => {
    const again: CitationRecord = { ...published, anchor: 'dc-2494-ctr-tld-2', line: 20 };
    const noLine: CitationRecord = { ...unpublished, sectionTitle: 'II. YÊU CẦU', line: undefined };
    const records = [published, unpublished, again, noLine];
    const stored = encodeCitationRecords(records);
    expect(decodeCitationRecords(stored, 'de-cuong-bao-cao')).toEqual(records);
    const { citations, sections, rows } = JSON.parse(stored);
    expect(citations).toHaveLength(2);
    expect(sections).toEqual(['I. MỤC ĐÍCH', 'II. YÊU CẦU']);
    expect(rows).toEqual([[0, 'dc-2494-ctr-tld', 0, 12], [1, 'i-muc-dich', 0, null], [0, 'dc-2494-ctr-tld-2', 0, 20], [1, 'i-muc-dich', 1, null]]);
    expect(stored.length).toBeLessThan(JSON.stringify(records).length * 0.6);
  });

  it('keep every field as recorded, even one the recogniser would read differently from the text', () => {
    const odd: CitationRecord = { ...published, issuer: 'Ban Chấp hành về hưu', line: 0 };
    expect(decodeCitationRecords(encodeCitationRecords([odd]), 'de-cuong-bao-cao')).toStrictEqual([
      { ...odd },
    ]);
  });

  it('are empty when a page recorded none, and refuse anything but the plugin string', () => {
    expect(decodeCitationRecords(undefined, 'x')).toEqual([]);
    expect(() => decodeCitationRecords({ rows: [] }, 'x')).toThrow(/chuỗi JSON/);
    expect(() => decodeCitationRecords('{"citations":[],"sections":[],"rows":[[0,"a",0,null]]}', 'x')).toThrow(/x bị hỏng/);
  });
});

it('the whole lists of citing places have one address each, shared by the link and the list route', () => {
  expect(registerListHref('vb-56-kh-tld-2016')).toBe('/van-ban-dan-chieu/56-kh-tld-2016/');
  expect(registerListSlug('vb-56-kh-tld-2016')).toBe('56-kh-tld-2016');
  expect(programmeListHref('2494-ctr-tld-2018')).toBe('/chuong-trinh/2494-ctr-tld-2018/dan-chieu/');
});
