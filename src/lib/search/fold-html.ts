// Pagefind folds tone marks but not "đ", and keeps "2494/CTr-TLĐ" as one word, so "doan", "tld" or
// "ctr" find nothing. Before indexing, each block of a page gets a folded copy of its own text
// ("đoàn" → "doan", "2494/CTr-TLĐ" → "2494 ctr tld") between marker words, so the copy sits in the
// same section as the original and search code can cut it out of excerpts.
// Runs in plain Node (scripts/pagefind.mjs), hence the explicit .ts import.
import { parse, type HTMLElement, NodeType } from 'node-html-parser';
import { FOLD_CLOSE, FOLD_OPEN, searchKey } from './fold-html-marks.ts';

const BLOCKS = 'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, caption, figcaption';
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
  const root = parse(html, { comment: true });
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return html;
  for (const block of body.querySelectorAll(BLOCKS)) {
    if (block.closest('[data-pagefind-ignore]')) continue;
    const text = ownText(block);
    if (!needsFoldedCopy(text)) continue;
    const copy = `<span class="pf-fold" aria-hidden="true"> ${FOLD_OPEN} ${searchKey(text)} ${FOLD_CLOSE} </span>`;
    // Inside a heading the copy would become part of the section title: put it just after.
    if (HEADINGS.has(block.tagName)) block.insertAdjacentHTML('afterend', copy);
    else block.insertAdjacentHTML('beforeend', copy);
  }
  return root.toString();
}
