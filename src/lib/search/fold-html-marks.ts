// The folded-copy marks and key, shared by the indexer (fold-html.ts) and the browser search code.
import { foldVietnamese } from '../text/vietnamese.ts';

// Words, not punctuation: Pagefind drops punctuation from excerpts but keeps words.
export const FOLD_OPEN = 'zzgapmo';
export const FOLD_CLOSE = 'zzgapdong';

/** Search key of a text: folded, punctuation and separators turned into spaces. */
export function searchKey(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** What Pagefind would not match when typed folded: "đ", or a number/symbol joined by / or -. */
export const FOLD_TRIGGER = '[đĐ\\u00D0]|[\\p{L}\\d][/-][\\p{L}\\d]';
const TRIGGER = new RegExp(FOLD_TRIGGER, 'u');

/** Whether a word needs a folded copy (FOLD_TRIGGER). */
export function needsFoldedCopy(text: string): boolean {
  return TRIGGER.test(text);
}
