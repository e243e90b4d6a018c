// Runs one reader's search against a Pagefind instance (browser or Node): one query, its best
// results re-ranked by exact spelling, each with its page type and best-matching section.
import { bestSection, cleanExcerpt, exactWordMatches, pagefindQuery, type SubResultLike } from './query.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: SubResultLike[];
}

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindLike {
  search: (query: string, options?: { filters?: Record<string, string[]> }) => Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchHit {
  url: string;
  title: string;
  /** "Văn bản – Kế hoạch", "Chương trình", … */
  type: string;
  section?: { title: string; url: string };
  excerpt: string;
  score: number;
}

export async function runSearch(
  pagefind: PagefindLike,
  input: string,
  options: { filters?: Record<string, string[]>; limit?: number } = {},
): Promise<SearchHit[]> {
  const query = pagefindQuery(input);
  if (query === '') return [];
  const found = (await pagefind.search(query, options.filters ? { filters: options.filters } : {}))?.results ?? [];
  // Pagefind scores "hòa", "hoà" and "hoa" alike; a page holding the typed word itself (in either
  // tone placement) must come before one holding a different word that only folds the same.
  const loaded = await Promise.all(found.slice(0, RERANK_DEPTH).map(async (result) => ({ result, data: await result.data() })));
  const ranked = loaded
    .map((entry, order) => ({ ...entry, order, exact: exactWordMatches(input, entry.data.content) }))
    .sort((a, b) => b.exact - a.exact || a.order - b.order)
    .slice(0, options.limit ?? 20);
  return ranked.map(({ result, data }) => {
      const section = bestSection(data.sub_results);
      return {
        url: section?.url ?? data.url,
        title: data.meta.title ?? data.url,
        type: data.meta.loai ?? '',
        section: section ? { title: section.title, url: section.url } : undefined,
        excerpt: cleanExcerpt(section?.excerpt ?? data.excerpt) || cleanExcerpt(data.excerpt),
        score: result.score,
      };
    });
}

/** How many of Pagefind's best results are re-ranked by exact spelling: each needs its fragment loaded, the main cost of a search on a large site (docs/benchmarks.md). */
const RERANK_DEPTH = 20;
