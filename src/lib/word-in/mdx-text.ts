// The text a document's MDX body puts on its page, read from the MDX itself (remark-parse with
// remark-mdx, the parser of the pre-build syntax check), so that the fidelity of an imported
// document can be checked by `npm run check` and right after the import, without building:
// editor's notes and footnote reference numbers are left out, as the built-page check leaves them.
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compareWithSource, sourceSentences } from '../documents/fidelity.ts';
import type { Problem } from '../problems/problem.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

/* eslint-disable @typescript-eslint/no-explicit-any -- mdast with the MDX node types */
type Node = any;

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'mdxJsxFlowElement', 'blockquote']);
const SKIPPED = new Set(['EditorNote', 'Anchor']);

export function mdxText(body: string): string {
  const tree = parser.parse(body);
  let out = '';
  const walk = (n: Node) => {
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      if (SKIPPED.has(n.name)) {
        // A note goes together with the one space that set it apart, as the built-page check reads it.
        if (n.name === 'EditorNote' && out.endsWith(' ')) out = out.slice(0, -1);
        return;
      }
      if (n.name === 'sup' && n.attributes?.some((a: Node) => a.name === 'className' && a.value === 'footnote-ref')) return;
      if (n.name === 'br') { out += ' '; return; }
    }
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression' || n.type === 'mdxjsEsm') return;
    if (Array.isArray(n.children)) for (const c of n.children) walk(c);
    if (BLOCKS.has(n.type) || (n.type === 'mdxJsxFlowElement') || (n.type === 'mdxJsxTextElement' && ['p', 'td', 'th', 'li', 'span'].includes(n.name))) out += '\n';
  };
  walk(tree);
  return out;
}

export interface FidelityReport {
  sentences: number;
  problems: Problem[];
}

/** Every sentence of the source text in the MDX's text, in order, and nothing else. */
export function mdxFidelity(sourceFile: string, sourceText: string, body: string): FidelityReport {
  const lines = sourceText.split(/\r?\n/);
  const sentences = sourceSentences(lines, 1, lines.length);
  return { sentences: sentences.length, problems: compareWithSource(sourceFile, sentences, mdxText(body)) };
}
