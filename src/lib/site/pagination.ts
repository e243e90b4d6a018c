// Long lists (every document, every place a programme is cited) split into numbered pages, so a
// page stays within the 100 KB budget however many documents the office adds: at 10,000
// documents the home page was 3.3 MB and each programme page 1.7 MB (docs/benchmarks.md).
// Page 1 is the list's own address; page n is `<list>trang/<n>/`.

export interface ListPage<T> {
  items: T[];
  /** 1-based. */
  number: number;
  /** How many pages the list has. */
  count: number;
  /** Position of the first item in the whole list (1-based), for "1–200 trong số 9.000". */
  first: number;
  total: number;
}

/** Documents on the home page before "Xem tất cả"; the rest are on /van-ban/. */
export const HOME_DOCUMENTS = 12;
/** Documents per page of /van-ban/. */
export const DOCUMENTS_PER_PAGE = 50;
/** Places listed in full on a programme page or a register row before the link to the whole list. */
export const CITED_AT_SHOWN = 20;
/** Places per page of a whole "được dẫn chiếu tại" list. */
export const CITED_AT_PER_PAGE = 200;

/** Whether a document cited in this many places gets a whole list of its own (its page or row shows only the first). */
export function hasFullCitedAtList(places: number): boolean {
  return places > CITED_AT_SHOWN;
}

export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    count,
    first: i * size + 1,
    total: items.length,
  }));
}

/** The rest parameter of a list route ([...page].astro) for page `number`: none for page 1. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : `trang/${number}`;
}

/** The pages of the whole list of places citing a document: none when its page or row lists them all. */
export function wholeListPages<T>(places: readonly T[]): ListPage<T>[] {
  return hasFullCitedAtList(places.length) ? paginate(places, CITED_AT_PER_PAGE) : [];
}

/** Address of page `number` of the list at `base` (which ends with "/"). */
export function pageHref(base: string, number: number): string {
  const param = pageParam(number);
  return param === undefined ? base : `${base}${param}/`;
}

/**
 * The page numbers a pager shows: the first, the last and two either side of the current one,
 * with null where numbers are left out ("1 … 4 5 6 7 8 … 200"), so a phone shows one short line.
 */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = new Set([1, count]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && n - previous === 2) out.push(n - 1);
    else if (typeof previous === 'number' && n - previous > 2) out.push(null);
    out.push(n);
  }
  return out;
}
