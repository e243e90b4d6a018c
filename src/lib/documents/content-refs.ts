// What a document's body must agree with, checked before the build (scripts/check.ts) and again by
// the build itself (the citation plugins, the document page): explicit links to /van-ban/… and
// /chuong-trinh/… pages lead to a content file, and each schedule entry's anchor is a heading or an
// <Anchor id="…"/> of its document. Both say it as a Problem, so the two checks word it alike.
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { anchorIdsInMdx } from './anchors.ts';
import type { Problem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { createSlugger } from '../text/vietnamese.ts';

export const INTERNAL_DOCUMENT_LINK = /^\/(van-ban|chuong-trinh)\/([^/#?]+)\/?(?:#.*)?$/;

/** An explicit link to a document page that does not exist; `routes` holds "van-ban/<id>" and "chuong-trinh/<id>". */
export function brokenLink(file: string, url: string, routes: ReadonlySet<string>, line?: number, column?: number): Problem | null {
  const match = INTERNAL_DOCUMENT_LINK.exec(url);
  if (!match || routes.has(`${match[1]}/${match[2]}`)) return null;
  return problem('lien-ket-noi-bo', {}, {
    file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), expected: `một tệp trong content/${match[1]}/`, actual: url,
  });
}

interface AnchoredItem {
  id: string;
  anchor: string;
}

/** Schedule entries whose anchor the document lacks; `lineOf(i)` gives the line of entry i's anchor, when known. */
export function missingAnchorProblems(file: string, schedule: readonly AnchoredItem[], anchors: ReadonlySet<string>, lineOf?: (index: number) => number): Problem[] {
  return schedule.flatMap((item, index) =>
    anchors.has(item.anchor)
      ? []
      : [problem('neo-lich', { id: item.id, anchor: item.anchor }, {
          file, ...(lineOf ? { line: lineOf(index) } : {}), field: `schedule[${index}].anchor`,
          expected: `id của một tiêu đề hoặc của <Anchor id="…"/>${anchors.size > 0 ? `, như "${[...anchors][0]}"` : ''}`,
        })],
  );
}

export interface BodyRefs {
  /** Heading ids in document order, as remark-vietnamese-anchors gives them. */
  anchors: Set<string>;
  /** Explicit links (Markdown links and autolinks), at the file's own lines. */
  links: { url: string; line?: number; column?: number }[];
}

const parser = unified().use(remarkParse).use(remarkMdx);

/** The anchors and links of an MDX body (after `lineOffset` lines of front matter); null when it does not parse (cu-phap-mdx says why). */
export function bodyRefs(body: string, lineOffset: number): BodyRefs | null {
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch {
    return null;
  }
  const slug = createSlugger();
  const anchors = new Set<string>();
  const links: BodyRefs['links'] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') anchors.add(slug(toString(node)));
    if (node.type === 'link') {
      const start = node.position?.start;
      links.push({ url: node.url, ...(start ? { line: start.line + lineOffset, column: start.column } : {}) });
    }
  });
  for (const id of anchorIdsInMdx(body)) anchors.add(id);
  return { anchors, links };
}
