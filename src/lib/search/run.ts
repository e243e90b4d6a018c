// Runs one reader's search against a Pagefind instance (browser or Node): one Pagefind query, then
// its best results read with the site's own folding (src/lib/search/match.ts): pages that hold no
// query word as a whole word (Pagefind's prefix fallback: "xyzqwk" finding "X") are dropped, pages
// missing some words say which, and the rest are ranked by phrase, then exact spelling, then
// Pagefind's score, each with the section and excerpt that show why it was found.
import { bestSection, excerpt, matchPage, pageText, queryTerms, type Anchor, type PageText, type Term } from './match.ts';
import { pagefindQuery } from './query.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  anchors?: Anchor[];
}

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindLike {
  search: (query: string, options?: { filters?: Record<string, string[]> }) => Promise<{ results: PagefindResult[]; totalFilters?: FilterCounts } | null>;
}

/**
 * Pagefind's ranking, tuned for this site (its defaults favour short pages strongly: a programme
 * page of 300 words beat the 3,000-word plan on the plan's own phrase). pageLength 0.75 → 0.3 lowers
 * the short-page bias; termSimilarity 1 → 2 ranks a word typed in full above words it only begins.
 */
export const PAGEFIND_RANKING = { pageLength: 0.3, termSimilarity: 2, termFrequency: 1, termSaturation: 1.4 };

/** Options every Pagefind instance of the site is started with (browser, tests, benchmark). */
export const PAGEFIND_OPTIONS = { basePath: '/pagefind/', baseUrl: '/', ranking: PAGEFIND_RANKING };

export interface SearchHit {
  /** The page, or the section shown (page#heading). */
  url: string;
  title: string;
  /** "Văn bản – Kế hoạch", "Chương trình", … */
  type: string;
  section?: { title: string; url: string };
  /** Original text around the matches, matched words in <mark>, the rest HTML-escaped. */
  excerpt: string;
  score: number;
  /** Query words (as typed) this page does not hold: it was found by the others only. */
  missing: string[];
}

/** How many pages hold each value of each filter ("Loại trang" → "Chương trình" → 3). */
export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchOutcome {
  hits: SearchHit[];
  /** Pagefind found more pages than were read: the page offers "Xem thêm kết quả". */
  more: boolean;
  terms: Term[];
  /** Query words no result holds as a whole word: candidates for "Có phải bạn muốn tìm". */
  missing: Term[];
  /**
   * This query's pages by filter value, whatever filters are chosen (Pagefind's totalFilters): the
   * counts beside the filters, so that they say what this search holds, not what the whole site does.
   */
  counts: FilterCounts;
}

/**
 * Pages already read (words, folded words, sections), per Pagefind instance and page: the same
 * pages come back query after query (a reader refining "công" to "công đoàn", "Xem thêm kết quả"),
 * and reading a long document again cost more than matching it (docs/benchmarks.md). Pagefind
 * keeps the fragments themselves the same way; an id names one page's fragment in one index.
 */
const pagesRead = new WeakMap<PagefindLike, Map<string, PageText>>();
/** Enough for several screens of results; the page read longest ago is dropped first. */
const PAGES_KEPT = 100;

function readPage(pagefind: PagefindLike, id: string, data: PagefindResultData): PageText {
  let pages = pagesRead.get(pagefind);
  if (!pages) pagesRead.set(pagefind, (pages = new Map()));
  let page = pages.get(id);
  if (page) pages.delete(id);
  else {
    page = pageText(data.content, data.anchors ?? [], data.meta.title ?? '');
    if (pages.size >= PAGES_KEPT) pages.delete(pages.keys().next().value!);
  }
  // Last in the map's order: the page read longest ago goes first.
  pages.set(id, page);
  return page;
}

export async function searchSite(
  pagefind: PagefindLike,
  input: string,
  options: { filters?: Record<string, string[]>; limit?: number; depth?: number; retried?: boolean } = {},
): Promise<SearchOutcome> {
  const query = pagefindQuery(input);
  const terms = queryTerms(input);
  if (query === '' || terms.length === 0) return { hits: [], more: false, terms, missing: [], counts: {} };
  const response = await pagefind.search(query, options.filters ? { filters: options.filters } : {});
  const found = response?.results ?? [];
  const counts = response?.totalFilters ?? {};
  const depth = options.depth ?? RESULTS_PER_PAGE;
  const loaded = await Promise.all(found.slice(0, depth).map(async (result) => ({ result, data: await result.data() })));
  const held = terms.map(() => false);
  const ranked = loaded
    .map((entry, order) => {
      const text = readPage(pagefind, entry.result.id, entry.data);
      const match = matchPage(text, terms);
      match.found.forEach((f, t) => { if (f) held[t] = true; });
      return { ...entry, order, text, match, holds: match.found.filter(Boolean).length };
    })
    // Found only through Pagefind's prefix fallback: none of the words is on the page.
    .filter((entry) => entry.holds > 0)
    .sort((a, b) =>
      b.holds - a.holds
      || b.match.run - a.match.run
      || b.match.exact - a.match.exact
      || a.order - b.order)
    .slice(0, options.limit ?? depth);
  const hits = ranked.map(({ result, data, text, match }): SearchHit => {
    const section = bestSection(text, match);
    const url = section?.id ? `${data.url}#${section.id}` : data.url;
    return {
      url,
      title: data.meta.title ?? data.url,
      type: data.meta.loai ?? '',
      section: section?.id ? { title: section.title, url } : undefined,
      excerpt: excerpt(text, match, section),
      score: result.score,
      missing: [...new Set(terms.filter((_, t) => !match.found[t]).map((t) => t.typed))],
    };
  });
  const missing = terms.filter((_, t) => !held[t]);
  // A word no page holds (a typo) made Pagefind fall back to prefixes of it and miss the pages
  // holding the others: search again without it; every page found then says it lacks the word.
  if (missing.length > 0 && missing.length < terms.length && !options.retried) {
    const absent = new Set(missing.map((t) => t.typed));
    const rest = input.normalize('NFC').split(/\s+/).filter((w) => w !== '' && !absent.has(w)).join(' ');
    if (rest !== '') {
      const again = await searchSite(pagefind, rest, { ...options, retried: true });
      const typed = [...absent];
      return { hits: again.hits.map((hit) => ({ ...hit, missing: [...new Set([...typed, ...hit.missing])] })), more: again.more, terms, missing, counts: again.counts };
    }
  }
  return { hits, more: found.length > depth, terms, missing, counts };
}

/** The hits alone (tests and the benchmark). */
export async function runSearch(
  pagefind: PagefindLike,
  input: string,
  options: { filters?: Record<string, string[]>; limit?: number; depth?: number } = {},
): Promise<SearchHit[]> {
  return (await searchSite(pagefind, input, options)).hits;
}

/**
 * How many of Pagefind's best results a search reads and ranks again, and how many more each
 * "Xem thêm kết quả" reads: each needs its fragment loaded and parsed by Pagefind (its excerpt and
 * sub-results computed), the main cost of a search on a large site beside the index lookup
 * (docs/benchmarks.md). Reading 20 instead of 10 doubled that cost and changed no held-out query's
 * top five (tests/fixtures/search-held-out.ts).
 */
export const RESULTS_PER_PAGE = 10;
