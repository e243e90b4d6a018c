import { describe, expect, it } from 'vitest';
import { backlinksFor, buildRegister, type CitationRecord } from '../src/lib/citation-register';

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
