// Gives every heading an ASCII anchor ("i-muc-dich-yeu-cau") instead of github-slugger's
// accented one, so section links are the same typed by hand, printed or shared in chat.
// Plain mdast transform: works under unified and, unchanged in shape, as a satteri mdast plugin.
import type { Root, Heading, List } from 'mdast';
import type {} from 'mdast-util-to-hast'; // declares data.hProperties on mdast nodes
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugger } from '../lib/text/vietnamese.ts';

interface VFileLike {
  value?: unknown;
}

/** "dau-cong" for a "+" list, "dau-gach" for "-" or "*", read from the source at the list's start. */
export function listMarkerClass(list: Pick<List, 'ordered' | 'position'>, source: string): string | undefined {
  const offset = list.position?.start.offset;
  const marker = offset === undefined ? undefined : source[offset];
  if (list.ordered || (marker !== '+' && marker !== '-' && marker !== '*')) return undefined;
  return marker === '+' ? 'dau-cong' : 'dau-gach';
}

export default function remarkVietnameseAnchors() {
  return (tree: Root, file: VFileLike) => {
    const slug = createSlugger();
    const source = typeof file.value === 'string' ? file.value : String(file.value ?? '');
    visit(tree, (node) => {
      if (node.type === 'heading') {
        const heading = node as Heading;
        heading.data ??= {};
        heading.data.hProperties = { ...(heading.data.hProperties ?? {}), id: slug(toString(heading)) };
      }
      if (node.type === 'list') {
        // Official documents distinguish "-" and "+" items; Markdown forgets which marker was typed,
        // so read it from the source and keep it as a class the stylesheet draws.
        const list = node as List;
        const className = listMarkerClass(list, source);
        if (className) {
          list.data ??= {};
          list.data.hProperties = { ...(list.data.hProperties ?? {}), className: [className] };
        }
      }
    });
  };
}
