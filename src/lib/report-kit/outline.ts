// Reads the outline's MDX (content/van-ban/de-cuong-bao-cao.mdx) into the blocks of the report
// template: headings (Phần / I. / 1.) and, under each, the guidance as hints. Editor's notes are
// the site's annotations, not the outline's words, so they are left out.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Nodes, Root, RootContent } from 'mdast';

export type OutlineBlock =
  | { kind: 'title'; lines: string[] }
  /** level 1: PHẦN; 2: I., II.; 3: 1., 2. Parts keep their subtitle lines. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; subtitle: string[] }
  | { kind: 'hint'; text: string };

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: Nodes[];
}

const isJsx = (node: { type: string }): node is JsxNode & { type: string } =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

function className(node: JsxNode): string {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'className');
  return typeof attr?.value === 'string' ? attr.value : '';
}

/** Text of a node without editor's notes, spaces normalised. */
function textOf(node: Nodes | JsxNode): string {
  if (isJsx(node) && node.name === 'EditorNote') return ' ';
  if ('value' in node && typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map((child) => textOf(child)).join('');
  return '';
}

const clean = (text: string) => text.replace(/\s+/g, ' ').replace(/\s+([,.;:)])/g, '$1').trim();

function headingBlock(depth: number, children: Nodes[]): OutlineBlock {
  const subtitle = children.filter((c) => isJsx(c) && className(c as unknown as JsxNode) === 'heading-sub').map((c) => clean(textOf(c)));
  const main = clean(children.filter((c) => !(isJsx(c) && className(c as unknown as JsxNode) === 'heading-sub')).map((c) => textOf(c)).join(''));
  const level = (depth <= 2 ? 1 : depth === 3 ? 2 : 3) as 1 | 2 | 3;
  return { kind: 'heading', level, text: main, subtitle };
}

/** The <p> elements of a JSX block, however MDX nested them (flow or inside a paragraph). */
function paragraphsIn(node: JsxNode | Nodes): (JsxNode | Nodes)[] {
  if (isJsx(node) && node.name === 'p') return [node];
  return 'children' in node ? (node.children as Nodes[]).flatMap((child) => paragraphsIn(child)) : [];
}

function blocksOf(node: RootContent): OutlineBlock[] {
  if (node.type === 'heading') return [headingBlock(node.depth, node.children as Nodes[])];
  if (node.type === 'list') return node.children.flatMap((item) => item.children.flatMap((child) => blocksOf(child as RootContent)));
  if (node.type === 'paragraph') {
    const text = clean(textOf(node));
    return text ? [{ kind: 'hint', text }] : [];
  }
  if (isJsx(node)) {
    const jsx = node as unknown as JsxNode;
    if (className(jsx) === 'doc-heading') {
      return [{ kind: 'title', lines: paragraphsIn(jsx).map((p) => clean(textOf(p))).filter(Boolean) }];
    }
    if (jsx.name === 'EditorNote') return [];
    return jsx.children.flatMap((child) => blocksOf(child as RootContent));
  }
  return [];
}

export function outlineBlocks(mdx: string): OutlineBlock[] {
  const body = mdx.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const tree = unified().use(remarkParse).use(remarkMdx).parse(body) as Root;
  return tree.children.flatMap(blocksOf);
}

/** The outline's headings as one line each ("PHẦN THỨ NHẤT Kết quả …"), in order. */
export function outlineHeadings(blocks: OutlineBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'heading' ? [[b.text, ...b.subtitle].join(' ')] : []));
}
