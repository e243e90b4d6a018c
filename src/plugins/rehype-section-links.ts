// Puts a plain "§" link after each section heading so a reader can copy the section's address
// (long-press or right-click) with no JavaScript. Ignored by search and hidden in print.
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

const SECTION_HEADINGS = new Set(['h2', 'h3', 'h4']);

export default function rehypeSectionLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (!SECTION_HEADINGS.has(node.tagName)) return;
      const id = node.properties?.id;
      if (typeof id !== 'string') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['section-link'],
          href: `#${id}`,
          ariaLabel: 'Liên kết đến mục này',
          title: 'Liên kết đến mục này (nhấn giữ hoặc chuột phải để sao chép)',
          dataPagefindIgnore: '',
        },
        children: [{ type: 'text', value: '§' }],
      });
    });
  };
}
