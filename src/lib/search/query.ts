// What the reader types → the Pagefind query to run (what it matched: match.ts).
// Shared by the browser (src/scripts/search.ts) and the Node tests, so tests prove what readers get.
import { needsFoldedCopy, searchKey } from './fold-html-marks.ts';

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

/**
 * Every old-style pair at a word's end, in one expression made once: search runs this on every
 * matching word of every page it reads, and 15 expressions compiled per call cost about 1 ms of
 * each search on the 1,000-document benchmark. The pairs do not overlap, so one pass replaces
 * exactly what the 15 passes did.
 */
const OLD_STYLE = new RegExp(`(?:${TONE_PAIRS.map(([oldStyle]) => oldStyle).join('|')})(?![\\p{L}])`, 'gu');
const NEW_STYLE = new Map(TONE_PAIRS);

/** One spelling per word: old-style placement rewritten to new style ("hoà" → "hòa"), lower case. */
export function canonicalTone(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(OLD_STYLE, (oldStyle) => NEW_STYLE.get(oldStyle)!);
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
