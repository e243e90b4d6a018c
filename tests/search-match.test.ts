// The site's own matching (src/lib/search/match.ts), suggestions (suggest.ts) and filter addresses
// (filters.ts): what is highlighted, which section is shown, what is suggested (issue 20).
import { describe, expect, test } from 'vitest';
import { bestSection, excerpt, highlightRanges, matchPage, pageText, queryTerms } from '../src/lib/search/match';
import { editDistance, nearestWords, suggestQueries } from '../src/lib/search/suggest';
import { vocabularyCounts, vocabularyOf } from '../src/lib/search/vocabulary';
import { filtersFromParams, writeSearchParams } from '../src/lib/search/filters';
import { documentAliases } from '../src/lib/documents/documents';

const marked = (text: string, query: string) => {
  const page = pageText(text);
  return excerpt(page, matchPage(page, queryTerms(query)));
};
const marks = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

describe('highlighting what matched', () => {
  test('"doan" lights up "đoàn" and "Đoàn", never "doanh"', () => {
    expect(marks(marked('Công đoàn cơ sở trong doanh nghiệp; Đoàn viên', 'cong doan'))).toEqual(['Công', 'đoàn', 'Đoàn']);
  });
  test('words matched only through folding đ or joins are highlighted whole', () => {
    expect(marks(marked('Công nhân viên chức lao động (CNVCLĐ), theo 2494/CTr-TLĐ.', 'cnvcld 2494'))).toEqual(['CNVCLĐ', '2494/CTr-TLĐ']);
    expect(marked('theo (2494/CTr-TLĐ).', '2494')).toBe('theo (<mark>2494/CTr-TLĐ</mark>).');
    expect(marks(marked('Chương trình 2494/CTr-TLĐ', 'ctr tld'))).toEqual(['2494/CTr-TLĐ']);
  });
  test('an accented word highlights only its own spelling, up to tone placement', () => {
    expect(marks(marked('Sở Lao động; sơ kết; so sánh; sở', 'sở'))).toEqual(['Sở', 'sở']);
    expect(marks(marked('hài hoà, hài hòa, bông hoa', 'hòa'))).toEqual(['hoà', 'hòa']);
    expect(marks(marked('hài hoà, hài hòa, bông hoa', 'hoa'))).toEqual(['hoà', 'hòa', 'hoa']);
  });
  test('excerpts come from the original text: the folded copies are never shown, text is escaped', () => {
    const text = 'Ban Chấp hành zzgapmo chap zzgapdong Công đoàn zzgapmo doan zzgapdong a<b & c';
    const out = marked(text, 'doan');
    expect(out).toBe('Ban Chấp hành Công <mark>đoàn</mark> a&lt;b &amp; c');
    expect(matchPage(pageText(text), queryTerms('chap')).found).toEqual([true]);
  });
  test('the same rule finds the ranges to highlight on arrival', () => {
    const text = 'Công đoàn (2494/CTr-TLĐ) và doanh nghiệp';
    expect(highlightRanges(text, queryTerms('doan 2494')).map(([a, b]) => text.slice(a, b))).toEqual(['đoàn', '2494/CTr-TLĐ']);
  });
});

describe('the section shown', () => {
  const words = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
  // A long section full of "công đoàn", then one whose heading and text hold "kinh phí công đoàn".
  const content = `Đầu trang ${words(3, 'x')} 4. Xây dựng tổ chức ${words(20, 'công đoàn')} 8. Tài chính ${'thu kinh phí công đoàn tại doanh nghiệp'}`;
  const start4 = 5;
  const start8 = start4 + 4 + 40;
  const page = pageText(content, [
    { id: 'muc-4', text: '4. Xây dựng tổ chức', location: start4 },
    { id: 'muc-8', text: '8. Tài chính', location: start8 },
  ], 'Đề cương');
  test('covers the most distinct query words, not the most matches', () => {
    expect(bestSection(page, matchPage(page, queryTerms('kinh phí công đoàn')))?.id).toBe('muc-8');
    expect(bestSection(page, matchPage(page, queryTerms('công đoàn')))?.id).toBe('muc-4');
  });
  test('a match in the heading counts', () => {
    expect(bestSection(page, matchPage(page, queryTerms('tài chính công đoàn')))?.id).toBe('muc-8');
  });
  test('the document title (h1) is the top of the page, not a section', () => {
    const titled = pageText('Kế hoạch sơ kết. Nội dung', [{ id: 'tieu-de-van-ban', text: 'Kế hoạch sơ kết.', location: 0, element: 'h1' }], 'Kế hoạch');
    expect(bestSection(titled, matchPage(titled, queryTerms('sơ kết')))?.id).toBeUndefined();
  });
});

describe('phrases', () => {
  test('a page holding the words one after another is a phrase match; a run counts the longest stretch', () => {
    const phrase = pageText('Thực hiện Chương trình làm việc toàn khoá của Ban Chấp hành');
    const scattered = pageText('Chương trình số 07. Việc làm cho người lao động toàn tỉnh, khóa X');
    const terms = queryTerms('chương trình làm việc toàn khóa');
    expect(matchPage(phrase, terms)).toMatchObject({ phrase: true, run: 6 });
    expect(matchPage(scattered, terms).phrase).toBe(false);
    expect(matchPage(scattered, terms).run).toBeLessThan(3);
    expect(matchPage(pageText('tranh chấp lao động'), queryTerms('tranh chap lao dng')).run).toBe(3);
  });
  test('the exact-spelling count counts only words typed with diacritics', () => {
    const page = pageText('quan hệ hài hoà');
    expect(matchPage(page, queryTerms('hài hòa')).exact).toBe(2);
    expect(matchPage(page, queryTerms('hai hoa')).exact).toBe(0);
    expect(matchPage(pageText('tặng hoa'), queryTerms('hòa')).exact).toBe(0);
  });
});

describe('suggestions from the folded vocabulary', () => {
  const vocabulary = vocabularyOf(new Map([['dong', 50], ['dung', 20], ['tranh', 5], ['chap', 5], ['lao', 40], ['doanh', 9], ['khao', 3], ['sat', 3]]));
  test('the vocabulary counts folded words across texts, each text as often as it occurs', () => {
    const counts = vocabularyCounts(new Map([['Công đoàn số 2494/CTr-TLĐ,  Đoàn\u00a0viên', 2], ['đoàn viên CÔNG ĐOÀN', 1], ['x 2020 a1', 5]]));
    expect(Object.fromEntries([...counts].sort())).toEqual({ a1: 5, cong: 3, ctr: 2, doan: 6, so: 2, tld: 2, vien: 3 });
  });
  test('the vocabulary lists the most frequent words first', () => {
    expect(vocabulary.words.slice(0, 3)).toEqual(['dong', 'lao', 'dung']);
  });
  test('edit distance counts a swap as one edit and stops past the limit', () => {
    expect(editDistance('dng', 'dong', 2)).toBe(1);
    expect(editDistance('sta', 'sat', 2)).toBe(1);
    expect(editDistance('xyzqwk', 'dong', 2)).toBe(3);
  });
  test('nearest words: one edit for short words, the more frequent first', () => {
    expect(nearestWords('dng', vocabulary)).toEqual(['dong', 'dung']);
    expect(nearestWords('xyzqwk', vocabulary)).toEqual([]);
  });
  test('a whole query is offered with the missing word replaced, other words as typed', () => {
    expect(suggestQueries('tranh chấp lao dng', queryTerms('dng'), vocabulary)).toEqual(['tranh chấp lao dong', 'tranh chấp lao dung']);
    expect(suggestQueries('xyzqwk', queryTerms('xyzqwk'), vocabulary)).toEqual([]);
  });
});

describe('filters in the address', () => {
  const available = { 'Loại trang': ['Chương trình', 'Đơn vị'], 'Năm ban hành': ['2018', '2019'], 'Cấp ban hành': ['Tổng Liên đoàn'] };
  test('chosen filters are written as slugs and read back', () => {
    const params = writeSearchParams(new URLSearchParams('x=1'), 'cong doan', { 'Loại trang': ['Chương trình'], 'Năm ban hành': ['2019', '2018'], 'Cấp ban hành': ['Tổng Liên đoàn'] });
    expect(params.toString()).toBe('x=1&q=cong+doan&loai=chuong-trinh&cap=tong-lien-doan&nam=2018&nam=2019');
    expect(filtersFromParams(params, available)).toEqual({ 'Loại trang': ['Chương trình'], 'Cấp ban hành': ['Tổng Liên đoàn'], 'Năm ban hành': ['2018', '2019'] });
  });
  test('values the index does not hold are left out', () => {
    expect(filtersFromParams(new URLSearchParams('loai=khong-co&nam=2030'), available)).toEqual({});
  });
});

describe('document aliases', () => {
  test('an alias repeating the short name (up to case and diacritics) is shown once', () => {
    expect(documentAliases('Công văn xin ý kiến', ['công văn xin ý kiến', 'Cong van  xin y kien', 'Công văn góp ý'])).toEqual(['Công văn góp ý']);
  });
});

describe('a page is read once per Pagefind instance (src/lib/search/run.ts)', () => {
  /** A stand-in for Pagefind: two pages, counting how often each page's text is read. */
  function fakePagefind() {
    const reads = new Map<string, number>();
    const pages = [
      { id: 'a', url: '/a/', text: 'Công đoàn cơ sở và đoàn viên' },
      { id: 'b', url: '/b/', text: 'Đoàn viên công đoàn trong doanh nghiệp' },
    ];
    const pagefind = {
      search: async () => ({
        results: pages.map((p, i) => ({
          id: p.id,
          score: 2 - i,
          data: async () => ({
            url: p.url,
            excerpt: '',
            meta: { title: p.url },
            anchors: [],
            get content() {
              reads.set(p.id, (reads.get(p.id) ?? 0) + 1);
              return p.text;
            },
          }),
        })),
      }),
    };
    return { pagefind, reads };
  }

  test('the same outcome from a page read again or kept, and each page read once', async () => {
    const { searchSite } = await import('../src/lib/search/run');
    const { pagefind, reads } = fakePagefind();
    const first = await searchSite(pagefind, 'đoàn viên');
    const again = await searchSite(pagefind, 'đoàn viên');
    const other = await searchSite(pagefind, 'cong doan');
    expect(again).toEqual(first);
    expect(first.hits.map((h) => h.url)).toEqual(['/a/', '/b/']);
    expect(other.hits[0]!.excerpt).toContain('<mark>đoàn</mark>');
    expect(Object.fromEntries(reads)).toEqual({ a: 1, b: 1 });
    // Another index (another instance) reads its own pages, even under the same ids.
    const second = fakePagefind();
    await searchSite(second.pagefind, 'đoàn viên');
    expect(Object.fromEntries(second.reads)).toEqual({ a: 1, b: 1 });
  });
});
