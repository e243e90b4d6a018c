// What both Markdown pipelines (remark under unified, the native Sätteri plugin) do with document
// citations, so the two cannot drift: which explicit links are refused, which citations become
// links, what each citation records, and the paragraph anchors citing blocks receive.
import type { PhrasingContent } from 'mdast';
import { findCitations, resolveCitation, type Citation, type KnownDocument } from '../lib/citations/citations.ts';
import type { CitationRecord } from '../lib/citations/citation-register';
import { slugify } from '../lib/text/vietnamese.ts';
import { brokenLink } from '../lib/documents/content-refs.ts';
import { formatProblem } from '../lib/problems/problem.ts';
import type { PublishedDocument } from './known-documents';

export interface CitationLinkerOptions {
  /** Documents the site publishes (loaded from content/ before the build). */
  published: PublishedDocument[];
}

/** Where a text node sits, for its citation records. */
export interface CitationPlace {
  documentId: string;
  anchor: string;
  sectionTitle: string;
  line?: number;
}


/** The citing document's entry id: the file name without .md/.mdx. */
export function documentIdOf(path: string): string {
  return path.split('/').pop()?.replace(/\.mdx?$/, '') ?? '';
}

export function createCitationLinker(options: CitationLinkerOptions) {
  const known: KnownDocument[] = options.published
    .filter((d) => d.number && d.symbol)
    .map((d) => ({ id: d.id, number: d.number as string, symbol: d.symbol as string, year: d.year }));
  const hrefById = new Map(options.published.map((d) => [d.id, d.href]));
  const routes = new Set(options.published.map((d) => `${d.collection}/${d.id}`));
  // A document cites the same few documents again and again, and a corpus cites a bounded set:
  // each number, symbol and year is resolved against the published documents once per build.
  const resolvedIds = new Map<string, string | undefined>();
  const resolvedIdOf = (citation: Citation): string | undefined => {
    const key = `${citation.number}\u0000${citation.symbol}\u0000${citation.year ?? ''}`;
    if (resolvedIds.has(key)) return resolvedIds.get(key);
    const resolution = resolveCitation(citation, known);
    const id = resolution.status === 'resolved' ? resolution.id : undefined;
    resolvedIds.set(key, id);
    return id;
  };

  return {
    /** Explicit links to /van-ban/… or /chuong-trinh/… pages that do not exist fail the build. */
    checkLink(url: string, path: string, line: number | undefined, column?: number): void {
      const problem = brokenLink(path, url, routes, line, column);
      if (problem) throw new Error(formatProblem(problem));
    },

    find: findCitations,

    /**
     * The records of a text node's citations and, when any of them is a document the site
     * publishes, the nodes that replace the text (the citation itself becomes a link).
     * The text between links stays one node, an unlinked citation included, and a text with no
     * link is not replaced: the compiled page of every document carries one string there instead
     * of three, with the same HTML.
     */
    link(value: string, found: Citation[], place: CitationPlace): { records: CitationRecord[]; replacement?: PhrasingContent[] } {
      const records: CitationRecord[] = [];
      const replacement: PhrasingContent[] = [];
      let cursor = 0;
      for (const citation of found) {
        const resolvedId = resolvedIdOf(citation);
        const href = resolvedId ? hrefById.get(resolvedId) : undefined;
        const { start, end, ...fields } = citation;
        records.push({ ...fields, ...place, resolved: resolvedId && href ? { id: resolvedId, href } : undefined });
        if (!href) continue;
        if (start > cursor) replacement.push({ type: 'text', value: value.slice(cursor, start) });
        replacement.push({
          type: 'link',
          url: href,
          title: `Mở trang ${citation.type.toLowerCase()} ${citation.label}`,
          data: { hProperties: { className: ['trich-dan'] } },
          children: [{ type: 'text', value: citation.text }],
        });
        cursor = end;
      }
      if (replacement.length === 0) return { records };
      if (cursor < value.length) replacement.push({ type: 'text', value: value.slice(cursor) });
      return { records, replacement };
    },
  };
}

/** A cited label's anchor, made once per build: the same labels recur on every page that cites them. */
const anchorBases = new Map<string, string>();

/**
 * Paragraph anchors for one page: the citing paragraph (or list item) gets its own id
 * ("dc-2494-ctr-tld", then "dc-2494-ctr-tld-2"), so backlinks land on the sentence.
 */
export function createParagraphAnchors(): (label: string) => string {
  const counts = new Map<string, number>();
  return (label) => {
    let base = anchorBases.get(label);
    if (base === undefined) anchorBases.set(label, (base = `dc-${slugify(label)}`));
    const count = (counts.get(base) ?? 0) + 1;
    counts.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
