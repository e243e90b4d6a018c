// Finds document citations in every MDX page: a citation of a document the site publishes becomes a
// link to it; every citation, resolved or not, is recorded with its page and section anchor in
// the page's remark frontmatter (`citations`, encoded by encodeCitationRecords), which the register
// and backlink pages read.
// Explicit links to /van-ban/… or /chuong-trinh/… pages that do not exist fail the build.
// Plain mdast transform for the unified pipeline, run after remark-vietnamese-anchors so headings
// already carry their ids; the Sätteri pipeline does the same through satteri.ts. Both share
// citation-linker.ts.
import type { Root, Parent, RootContent, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { encodeCitationRecords, type CitationRecord } from '../lib/citations/citation-register.ts';
import { createCitationLinker, createParagraphAnchors, documentIdOf, type CitationLinkerOptions } from './citation-linker.ts';

export type RemarkCitationsOptions = CitationLinkerOptions;

interface VFileLike {
  path?: string;
  history?: string[];
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

function headingId(heading: Heading): string | undefined {
  const id = (heading.data?.hProperties as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

export default function remarkCitations(options: RemarkCitationsOptions) {
  const linker = createCitationLinker(options);

  return (tree: Root, file: VFileLike) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const documentId = documentIdOf(path);
    const records: CitationRecord[] = [];
    let section = { anchor: '', title: '' };
    const nextAnchor = createParagraphAnchors();
    // A tight list renders its items' paragraphs without <p>: the anchor must go on the <li>.
    const itemOfParagraph = new WeakMap<object, Parent>();
    visit(tree, 'listItem', (item) => {
      for (const child of item.children) if (child.type === 'paragraph') itemOfParagraph.set(child, item);
    });
    const paragraphAnchor = (block: Parent, label: string): string => {
      block.data ??= {};
      const props = ((block.data as { hProperties?: Record<string, unknown> }).hProperties ??= {});
      if (typeof props.id !== 'string') props.id = nextAnchor(label);
      return props.id as string;
    };

    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        const id = headingId(node);
        if (id) section = { anchor: id, title: toString(node).trim() };
        // Citations inside a heading are still recorded, under that heading.
      }
      if (node.type === 'link') {
        linker.checkLink(node.url, path, node.position?.start.line, node.position?.start.column);
        return SKIP; // text already inside a link is not linked again
      }
      if (node.type !== 'text' || !parent || index === undefined) return;
      const found = linker.find(node.value);
      if (found.length === 0) return;
      const block = parent.type === 'paragraph' ? (itemOfParagraph.get(parent) ?? parent) : undefined;
      const anchor = block ? paragraphAnchor(block, found[0]!.label) : section.anchor;
      const linked = linker.link(node.value, found, { documentId, anchor, sectionTitle: section.title, line: node.position?.start.line });
      records.push(...linked.records);
      if (!linked.replacement) return;
      parent.children.splice(index, 1, ...(linked.replacement as RootContent[] as Parent['children']));
      return [SKIP, index + linked.replacement.length];
    });

    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.citations = encodeCitationRecords(records);
  };
}
