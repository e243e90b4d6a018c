// Words a reader sees broken across lines: every whitespace-separated word of the page's text,
// measured by its line boxes in the browser. A word whose pieces sit on two or more lines is broken.
import type { Page } from 'playwright-core';

export interface BrokenWord {
  word: string;
  /** Nearest element with an id or a tag path, so a failure says where to look. */
  where: string;
}

export interface WordCount {
  words: number;
  broken: BrokenWord[];
}

/**
 * Counts the words inside `root` (default: the main content and the header) and those broken
 * across lines. Hidden text (display: none, visually-hidden, closed <details>) has no line boxes
 * and is skipped.
 */
export async function brokenWords(page: Page, rootSelector = 'header.site-header, main'): Promise<WordCount> {
  return page.evaluate((selector) => {
    let words = 0;
    const broken: { word: string; where: string }[] = [];
    const describe = (el: Element | null): string => {
      const path: string[] = [];
      for (let node = el; node && path.length < 4; node = node.parentElement) {
        path.unshift(node.id ? `${node.tagName.toLowerCase()}#${node.id}` : node.tagName.toLowerCase());
        if (node.id) break;
      }
      return path.join(' > ');
    };
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const text = node.data;
        const parent = node.parentElement;
        if (!parent || !text.trim()) continue;
        if (parent.closest('script, style, noscript, [hidden], .visually-hidden, canvas')) continue;
        const range = document.createRange();
        // A run of dots is a blank to fill in ("Kính gửi:......"), not a word: it may break like a
        // ruled line; the words around it may not.
        for (const match of text.matchAll(/(?:(?!\.{4}|…)\S)+/g)) {
          if (!/[\p{L}\p{N}]/u.test(match[0])) continue;
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
          if (rects.length === 0) continue;
          words++;
          // Pieces on one line share a vertical band; a piece starting below the first one's
          // bottom is on a later line.
          const first = rects[0];
          if (rects.some((r) => r.top >= first.bottom - 1)) broken.push({ word: match[0], where: describe(parent) });
        }
      }
    }
    return { words, broken };
  }, rootSelector);
}
