// The site's Markdown transforms for Astro's native Sätteri processor, so both processors can be
// compared on the same work (npm run bench). The mdast transforms are the very functions the
// unified pipeline runs, applied to a plain copy of the tree and written back child by child;
// the section links are a native hast visitor doing what rehype-section-links does.
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';
import remarkVietnameseAnchors from './remark-vietnamese-anchors.ts';
import remarkCitations, { type RemarkCitationsOptions } from './remark-citations.ts';

type Transformer = (tree: Root, file: { path: string; value: string; data: { astro?: { frontmatter?: Record<string, unknown> } } }) => void;

function fromTransform(name: string, transform: Transformer): MdastPluginDefinition {
  return {
    name,
    // Positions: the anchors transform reads each list's marker ("+" or "-") from the source offset.
    options: { position: true },
    before(root, ctx) {
      const tree = JSON.parse(JSON.stringify(root)) as Root;
      const data = ctx.data as { astro?: { frontmatter?: Record<string, unknown> } };
      data.astro ??= {};
      transform(tree, { path: ctx.fileURL ? fileURLToPath(ctx.fileURL) : '', value: ctx.source, data });
      root.children.forEach((child, index) => {
        const next = tree.children[index];
        if (next && JSON.stringify(next) !== JSON.stringify(child)) ctx.replaceNode(child, next);
      });
    },
  };
}

const sectionLinks: HastPluginDefinition = {
  name: 'section-links',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      const id = node.properties?.id;
      if (typeof id !== 'string') return;
      ctx.appendChild(node, {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['section-link'], href: `#${id}`, ariaLabel: 'Liên kết đến mục này',
          title: 'Liên kết đến mục này (nhấn giữ hoặc chuột phải để sao chép)', dataPagefindIgnore: '',
        },
        children: [{ type: 'text', value: '§' }],
      });
    },
  },
};

export function satteriPlugins(citations: RemarkCitationsOptions): { mdastPlugins: MdastPluginDefinition[]; hastPlugins: HastPluginDefinition[] } {
  return {
    mdastPlugins: [
      fromTransform('vietnamese-anchors', remarkVietnameseAnchors() as unknown as Transformer),
      fromTransform('citations', remarkCitations(citations) as unknown as Transformer),
    ],
    hastPlugins: [sectionLinks],
  };
}
