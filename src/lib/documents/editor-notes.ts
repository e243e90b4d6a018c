// The editor's notes of a document, in the order they stand in its text: on paper they print as
// numbered notes after the document (global.css numbers the marks in the text with a counter in the
// same order), not as boxes inside its title and sentences.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';

type Named = { type: string; name?: string | null; children?: Nodes[] };

/** The text of each <EditorNote> of an MDX body (front matter already removed), spaces normalised. */
export function editorNotes(mdxBody: string): string[] {
  // A body that never names the element has no note: parsing it as MDX again (the page's own
  // render already parsed it once) cost 2.8 s of CPU over 1,000 synthetic documents, none with
  // a note (docs/benchmarks.md). The element's name cannot be written any other way in MDX.
  if (!mdxBody.includes('EditorNote')) return [];
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdxBody) as Root;
  const notes: string[] = [];
  const walk = (node: Named) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'EditorNote') {
      notes.push(toString(node as Nodes).replace(/\s+/g, ' ').trim());
      return;
    }
    for (const child of node.children ?? []) walk(child as Named);
  };
  walk(tree as Named);
  return notes;
}
