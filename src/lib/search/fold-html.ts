// Pagefind folds tone marks but not "đ", and keeps "2494/CTr-TLĐ" as one word, so "doan", "tld" or
// "ctr" find nothing. Before indexing, each block of a page gets a folded copy of its own text
// ("đoàn" → "doan", "2494/CTr-TLĐ" → "2494 ctr tld") between marker words, so the copy sits in the
// same section as the original and search code can cut it out of excerpts.
// Runs in plain Node (scripts/pagefind.mjs), hence the explicit .ts import.
import { parse, type HTMLElement, NodeType } from 'node-html-parser';
import { FOLD_CLOSE, FOLD_OPEN, searchKey } from './fold-html-marks.ts';

const BLOCKS = new Set(['P', 'LI', 'TD', 'TH', 'DD', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CAPTION', 'FIGCAPTION']);
const NESTED_BLOCKS = new Set(['UL', 'OL', 'P', 'DIV', 'TABLE', 'SECTION']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Text Pagefind would not match when typed folded: "đ", or a number/symbol joined by / or -. */
export function needsFoldedCopy(text: string): boolean {
  return /[đĐ\u00D0]/.test(text) || /[\p{L}\d][/-][\p{L}\d]/u.test(text);
}

/** A block's own text, without nested lists or paragraphs (they get their own copy). */
function ownText(el: HTMLElement): string {
  return el.childNodes
    .map((child) => {
      if (child.nodeType === NodeType.ELEMENT_NODE) {
        const element = child as HTMLElement;
        if (NESTED_BLOCKS.has(element.tagName) || element.hasAttribute('data-pagefind-ignore')) return ' ';
      }
      return child.textContent;
    })
    .join('');
}

/** The page's HTML with folded copies added inside the Pagefind body; unchanged when it has none. */
export function addFoldedCopies(html: string): string {
  // Only the <main data-pagefind-body> element is parsed: the rest of the page is never indexed,
  // and parsing a fifth of the page makes indexing a large site several seconds faster.
  const marker = html.search(/<main\b[^>]*\bdata-pagefind-body\b/);
  const end = marker < 0 ? -1 : html.indexOf('</main>', marker);
  if (marker < 0 || end < 0) return foldWithin(html);
  return html.slice(0, marker) + foldWithin(html.slice(marker, end + '</main>'.length)) + html.slice(end + '</main>'.length);
}

/** Text blocks outside data-pagefind-ignore, in document order (a plain walk: much faster than CSS selectors). */
function indexedBlocks(root: HTMLElement): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (element: HTMLElement) => {
    for (const child of element.childNodes) {
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = child as HTMLElement;
      if (el.hasAttribute('data-pagefind-ignore')) continue;
      if (BLOCKS.has(el.tagName)) found.push(el);
      walk(el);
    }
  };
  walk(root);
  return found;
}

function foldWithin(html: string): string {
  const root = parse(html, { comment: true });
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return html;
  for (const block of indexedBlocks(body)) {
    const text = ownText(block);
    if (!needsFoldedCopy(text)) continue;
    const copy = `<span class="pf-fold" aria-hidden="true"> ${FOLD_OPEN} ${searchKey(text)} ${FOLD_CLOSE} </span>`;
    // Inside a heading the copy would become part of the section title: put it just after.
    if (HEADINGS.has(block.tagName)) block.insertAdjacentHTML('afterend', copy);
    else block.insertAdjacentHTML('beforeend', copy);
  }
  return root.toString();
}
