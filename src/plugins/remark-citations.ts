// Finds document citations in every MDX page: a citation of a document the site publishes becomes a
// link to it; every citation, resolved or not, is recorded with its page and section anchor in
// the page's remark frontmatter (`citations`), which the register and backlink pages read.
// Explicit links to /van-ban/… or /chuong-trinh/… pages that do not exist fail the build.
// Plain mdast transform; run after remark-vietnamese-anchors so headings already carry their ids.
import type { Root, Text, Link, Parent, RootContent, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { slugify } from '../lib/vietnamese';
import { findCitations, resolveCitation, type KnownDocument } from '../lib/citations';
import type { CitationRecord } from '../lib/citation-register';
import type { PublishedDocument } from './known-documents';

export interface RemarkCitationsOptions {
  /** Documents the site publishes (loaded from content/ before the build). */
  published: PublishedDocument[];
  /** Which collection's pages are scanned; the id comes from the file name. */
  collectionDir?: string;
}

interface VFileLike {
  path?: string;
  history?: string[];
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

const INTERNAL_DOCUMENT_LINK = /^\/(van-ban|chuong-trinh)\/([^/#?]+)\/?(?:#.*)?$/;

function headingId(heading: Heading): string | undefined {
  const id = (heading.data?.hProperties as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

export default function remarkCitations(options: RemarkCitationsOptions) {
  const known: KnownDocument[] = options.published
    .filter((d) => d.number && d.symbol)
    .map((d) => ({ id: d.id, number: d.number as string, symbol: d.symbol as string, year: d.year }));
  const hrefById = new Map(options.published.map((d) => [d.id, d.href]));
  const routes = new Set(options.published.map((d) => `${d.collection}/${d.id}`));

  return (tree: Root, file: VFileLike) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const documentId = path.split('/').pop()?.replace(/\.mdx?$/, '') ?? '';
    const records: CitationRecord[] = [];
    let section = { anchor: '', title: '' };
    const paragraphIds = new Map<string, number>();
    // A tight list renders its items' paragraphs without <p>: the anchor must go on the <li>.
    const itemOfParagraph = new WeakMap<object, Parent>();
    visit(tree, 'listItem', (item) => {
      for (const child of item.children) if (child.type === 'paragraph') itemOfParagraph.set(child, item);
    });
    /** The citing paragraph gets its own anchor ("dc-2494-ctr-tld"), so backlinks land on the sentence. */
    const paragraphAnchor = (block: Parent, label: string): string => {
      block.data ??= {};
      const props = ((block.data as { hProperties?: Record<string, unknown> }).hProperties ??= {});
      if (typeof props.id === 'string') return props.id;
      const base = `dc-${slugify(label)}`;
      const count = (paragraphIds.get(base) ?? 0) + 1;
      paragraphIds.set(base, count);
      props.id = count === 1 ? base : `${base}-${count}`;
      return props.id as string;
    };

    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        const id = headingId(node as Heading);
        if (id) section = { anchor: id, title: toString(node).trim() };
        // Citations inside a heading are still recorded, under that heading.
      }
      if (node.type === 'link') {
        const url = (node as Link).url;
        const match = INTERNAL_DOCUMENT_LINK.exec(url);
        if (match && !routes.has(`${match[1]}/${match[2]}`)) {
          const line = node.position?.start.line ?? 0;
          throw new Error(
            `${path}:${line}: liên kết "${url}" trỏ tới văn bản không có trên trang (quy tắc: liên kết nội bộ phải trỏ tới một tệp trong content/${match[1]}/).`,
          );
        }
        return SKIP; // text already inside a link is not linked again
      }
      if (node.type !== 'text' || !parent || index === undefined) return;
      const text = node as Text;
      const found = findCitations(text.value);
      if (found.length === 0) return;

      const replacement: RootContent[] = [];
      let cursor = 0;
      const block = parent.type === 'paragraph' ? (itemOfParagraph.get(parent) ?? (parent as Parent)) : undefined;
      const anchor = block ? paragraphAnchor(block, (found[0] as { label: string }).label) : section.anchor;
      for (const citation of found) {
        const resolution = resolveCitation(citation, known);
        const resolvedId = resolution.status === 'resolved' ? resolution.id : undefined;
        const href = resolvedId ? hrefById.get(resolvedId) : undefined;
        records.push({
          text: citation.text,
          type: citation.type,
          number: citation.number,
          symbol: citation.symbol,
          label: citation.label,
          key: citation.key,
          year: citation.year,
          dateText: citation.dateText,
          date: citation.date,
          issuer: citation.issuer,
          documentId,
          anchor,
          sectionTitle: section.title,
          line: text.position?.start.line,
          resolved: resolvedId && href ? { id: resolvedId, href } : undefined,
        });
        if (!href) continue;
        if (citation.start > cursor) replacement.push({ type: 'text', value: text.value.slice(cursor, citation.start) });
        replacement.push({
          type: 'link',
          url: href,
          title: `Mở trang ${citation.type.toLowerCase()} ${citation.label}`,
          data: { hProperties: { className: ['trich-dan'] } },
          children: [{ type: 'text', value: citation.text }],
        });
        cursor = citation.end;
      }
      if (replacement.length === 0) return;
      if (cursor < text.value.length) replacement.push({ type: 'text', value: text.value.slice(cursor) });
      (parent as Parent).children.splice(index, 1, ...(replacement as Parent['children']));
      return [SKIP, index + replacement.length];
    });

    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.citations = records;
  };
}
