import { describe, expect, test } from 'vitest';
import { CITED_AT_PER_PAGE, CITED_AT_SHOWN, hasFullCitedAtList, pageHref, pageParam, pagerNumbers, paginate, wholeListPages } from '../src/lib/site/pagination';

describe('paginate', () => {
  test('splits a list into pages of the given size, keeping every item once and in order', () => {
    const items = Array.from({ length: 451 }, (_, i) => i);
    const pages = paginate(items, 200);
    expect(pages.map((p) => p.items.length)).toEqual([200, 200, 51]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.map((p) => [p.number, p.count, p.first, p.total])).toEqual([
      [1, 3, 1, 451],
      [2, 3, 201, 451],
      [3, 3, 401, 451],
    ]);
  });

  test('an exact multiple makes no empty last page; an empty list is one empty page', () => {
    expect(paginate([1, 2, 3, 4], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4]]);
    expect(paginate([], 50)).toEqual([{ items: [], number: 1, count: 1, first: 1, total: 0 }]);
  });

  test('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow(/positive integer/);
    expect(() => paginate([1], 2.5)).toThrow(/positive integer/);
  });
});

describe('pageHref', () => {
  test('page 1 is the list itself; later pages sit under trang/', () => {
    expect(pageHref('/van-ban/', 1)).toBe('/van-ban/');
    expect(pageHref('/van-ban/', 2)).toBe('/van-ban/trang/2/');
    expect(pageHref('/chuong-trinh/2494-ctr-tld-2018/dan-chieu/', 12)).toBe('/chuong-trinh/2494-ctr-tld-2018/dan-chieu/trang/12/');
  });

  test('the route parameter of a page is the address after the list\'s own', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(7)).toBe('trang/7');
    expect(pageHref('/van-ban/', 7)).toBe(`/van-ban/${pageParam(7)}/`);
  });
});

describe('pagerNumbers', () => {
  test('few pages: every number', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  test('many pages: first, last and two either side of the current one, gaps marked', () => {
    expect(pagerNumbers(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pagerNumbers(6, 200)).toEqual([1, null, 4, 5, 6, 7, 8, null, 200]);
    expect(pagerNumbers(200, 200)).toEqual([1, null, 198, 199, 200]);
  });

  test('a gap of one page shows that page rather than "…"', () => {
    expect(pagerNumbers(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pagerNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });
});

test('a document gets a whole list of places only when cited in more places than its page shows', () => {
  expect(hasFullCitedAtList(CITED_AT_SHOWN)).toBe(false);
  expect(hasFullCitedAtList(CITED_AT_SHOWN + 1)).toBe(true);
});

test('a whole list of citing places exists only beyond the places a page shows, in pages of CITED_AT_PER_PAGE', () => {
  expect(wholeListPages(Array.from({ length: CITED_AT_SHOWN }, (_, i) => i))).toEqual([]);
  const places = Array.from({ length: CITED_AT_PER_PAGE + 1 }, (_, i) => i);
  expect(wholeListPages(places)).toEqual(paginate(places, CITED_AT_PER_PAGE));
  expect(wholeListPages(places).map((p) => p.items.length)).toEqual([CITED_AT_PER_PAGE, 1]);
});
