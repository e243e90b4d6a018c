// What the reader types → the Pagefind query to run, and how its results are cleaned and ranked.
// Shared by the browser (src/scripts/search.ts) and the Node tests, so tests prove what readers get.
import { FOLD_CLOSE, FOLD_OPEN, needsFoldedCopy, searchKey } from './fold-html-marks.ts';

/**
 * Tone-placement pairs: old style puts the mark on the second vowel of oa/oe/uy ("hoà", "thuỷ"),
 * new style on the first ("hòa", "thủy"). Both occur in the source; they are the same word.
 */
const TONE_PAIRS: [string, string][] = [];
const MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // huyền, sắc, hỏi, ngã, nặng
for (const [first, second] of [['o', 'a'], ['o', 'e'], ['u', 'y']] as const) {
  for (const mark of MARKS) {
    TONE_PAIRS.push([`${first}${second}${mark}`.normalize('NFC'), `${first}${mark}${second}`.normalize('NFC')]);
  }
}

/** One spelling per word: old-style placement rewritten to new style ("hoà" → "hòa"), lower case. */
export function canonicalTone(text: string): string {
  let out = text.normalize('NFC').toLocaleLowerCase('vi');
  for (const [oldStyle, newStyle] of TONE_PAIRS) out = out.replace(new RegExp(`${oldStyle}(?![\\p{L}])`, 'gu'), newStyle);
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The query words found as whole words in `content`, spelling-for-spelling up to tone placement. */
export function exactWordMatches(query: string, content: string): number {
  const words = new Set(canonicalTone(stripFoldedCopies(content)).match(WORD) ?? []);
  const wanted = new Set(canonicalTone(query).match(WORD) ?? []);
  let count = 0;
  for (const word of wanted) if (words.has(word)) count++;
  return count;
}

/** Page content without the folded copies the indexer added. */
export function stripFoldedCopies(content: string): string {
  return content.replace(new RegExp(`${FOLD_OPEN}[\\s\\S]*?${FOLD_CLOSE}`, 'g'), ' ');
}

/**
 * The one Pagefind query for what the reader typed. Pagefind already folds tone marks, so every
 * spelling of a word is found by one query; words it would miss ("đoàn", "2494/CTr-TLĐ") are
 * replaced by their folded form, which the indexer's folded copies hold ("doan", "2494 ctr tld").
 * Other words keep their diacritics, in new-style tone placement ("hoà" → "hòa"), so Pagefind's
 * bonus for a matching spelling still applies and both placements give the same results.
 * One query, not one per variant: on a large site each Pagefind query scores every matching page
 * and costs as much as the whole rest of a search (docs/benchmarks.md).
 */
export function pagefindQuery(input: string): string {
  return input
    .normalize('NFC')
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => (needsFoldedCopy(word) ? searchKey(word) : canonicalTone(word)))
    .filter((word) => word !== '')
    .join(' ');
}

/** Removes the folded copies (between the marker words) from a Pagefind excerpt, even when cut at either end. */
export function cleanExcerpt(excerpt: string): string {
  const open = `(?:<mark>)?${FOLD_OPEN}(?:</mark>)?`;
  const close = `(?:<mark>)?${FOLD_CLOSE}(?:</mark>)?`;
  let text = excerpt.replace(new RegExp(`${open}[\\s\\S]*?${close}`, 'g'), ' ');
  const firstClose = text.search(new RegExp(close));
  const firstOpen = text.search(new RegExp(open));
  if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) text = text.slice(text.indexOf(FOLD_CLOSE) + FOLD_CLOSE.length);
  const lastOpen = text.lastIndexOf(FOLD_OPEN);
  if (lastOpen >= 0) text = text.slice(0, lastOpen);
  // A <mark> cut in half by the removal must not leave a dangling tag.
  text = text.replace(/<mark>(?![\s\S]*?<\/mark>)/g, '').replace(/^([^<]*?)<\/mark>/, '$1').replace(/<mark>\s*<\/mark>/g, '');
  text = text.replace(/\s+/g, ' ').trim();
  // An excerpt cut wholly from inside a folded copy has no markers left: it is all folded ASCII.
  const plain = text.replace(/<\/?mark>/g, '');
  if (plain !== '' && plain === searchKey(plain)) return '';
  return text;
}

export interface SubResultLike {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}

/** The section that holds most of the matches; the page itself when no heading section matched. */
export function bestSection<T extends SubResultLike>(subResults: T[] | undefined): T | undefined {
  const sections = (subResults ?? []).filter((s) => s.url.includes('#'));
  return [...sections].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
}
