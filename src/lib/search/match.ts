// What a query matched in a page, found by the site's own folding rather than Pagefind's: Pagefind
// does not fold "đ", keeps "2494/CTr-TLĐ" as one word and matches every word by prefix ("doan"
// lights up "doanh"), so its excerpts and sections cannot show a reader why a page was found.
// Shared by the search page (excerpts, sections, ranking), the highlight on arrival and the tests.
import { foldVietnamese } from '../text/vietnamese.ts';
import { FOLD_CLOSE, FOLD_OPEN } from './fold-html-marks.ts';
import { canonicalTone } from './query.ts';

/** One query word: its folded key, and the spelling typed when it carries diacritics. */
export interface Term {
  /** As typed (for messages). */
  typed: string;
  /** Folded: "đoàn" → "doan". */
  key: string;
  /** The typed spelling up to tone placement ("hoà" → "hòa"), when it differs from the key. */
  exact?: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a query. A word joined by / or - ("2494/CTr-TLĐ") becomes one term per part, each
 * matched folded; a single word keeps its spelling when it has diacritics, so "sở" matches "sở"
 * and "Sở" but not "sơ".
 */
export function queryTerms(input: string): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const typed of input.normalize('NFC').split(/\s+/)) {
    const parts = canonicalTone(typed).match(WORD) ?? [];
    for (const part of parts) {
      const key = foldVietnamese(part);
      const exact = parts.length === 1 && part !== key ? part : undefined;
      const id = `${key} ${exact ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      terms.push(exact ? { typed, key, exact } : { typed, key });
    }
  }
  return terms;
}

/** Whether a term carries diacritics (only those count for the exact-spelling re-rank). */
export const hasDiacritics = (term: Term) => term.exact !== undefined;

export interface Anchor {
  id: string;
  text: string;
  location: number;
  element?: string;
}

export interface Section {
  /** Heading text, or the page title for the part before the first heading. */
  title: string;
  /** Heading id; none for the top of the page (and the document's own title, h1). */
  id?: string;
  /** Word range [start, end) in the page's words; the heading's own words run to headingEnd. */
  start: number;
  headingEnd: number;
  end: number;
}

/** A page's text as Pagefind stores it (whitespace-separated words), with the indexer's folded copies marked. */
export interface PageText {
  title: string;
  words: string[];
  /** Folded words ("Đoàn," → "doan,"). */
  folded: string[];
  /** Words of a folded copy (and its markers): searched by Pagefind, never shown. */
  copy: boolean[];
  sections: Section[];
}

export function pageText(content: string, anchors: Anchor[] = [], title = ''): PageText {
  const words = content.split(/\s+/);
  // One fold of the whole text, then the same split: folding never adds or removes whitespace.
  let folded = foldVietnamese(content).split(/\s+/);
  if (folded.length !== words.length) folded = words.map((w) => foldVietnamese(w));
  const copy = new Array<boolean>(words.length).fill(false);
  let inCopy = false;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === FOLD_OPEN) inCopy = true;
    copy[i] = inCopy;
    if (words[i] === FOLD_CLOSE) inCopy = false;
  }
  const headings = anchors
    .filter((a) => a.location >= 0 && a.location < words.length)
    .sort((a, b) => a.location - b.location);
  const sections: Section[] = [];
  const top = headings[0]?.location ?? words.length;
  if (top > 0 || headings.length === 0) sections.push({ title, start: 0, headingEnd: 0, end: top });
  headings.forEach((anchor, i) => {
    const end = headings[i + 1]?.location ?? words.length;
    const headingEnd = Math.min(end, anchor.location + (anchor.text.match(/\S+/g)?.length ?? 0));
    // The document's title (h1) is the top of the page, not a section to jump to.
    const isTitle = anchor.element === 'h1';
    sections.push({ title: isTitle ? title || anchor.text : anchor.text, id: isTitle ? undefined : anchor.id, start: anchor.location, headingEnd, end });
  });
  return { title, words, folded, copy, sections };
}

/** The parts of a folded word: "2494/ctr-tld," → ["2494", "ctr", "tld"]. */
function foldedParts(word: string): string[] {
  return word.match(WORD) ?? [];
}

/** The words of a spelling, tone placement made canonical: "Hoà," → ["hòa"]. */
function spelledParts(word: string): string[] {
  return canonicalTone(word).match(WORD) ?? [];
}

/** Whether the page's word i is the term: its folded parts hold the key (and, strictly, its spelling the typed one). */
export function wordMatches(page: PageText, i: number, term: Term, strict: boolean): boolean {
  if (page.copy[i]) return false;
  const folded = page.folded[i]!;
  if (!folded.includes(term.key)) return false;
  if (!foldedParts(folded).includes(term.key)) return false;
  if (!strict || !term.exact) return true;
  return spelledParts(page.words[i]!).includes(term.exact);
}

export interface PageMatch {
  /** Per term: whether the page holds it as a whole word (folded). */
  found: boolean[];
  /** Terms with diacritics the page holds in the typed spelling. */
  exact: number;
  /** The query's words occur one after another (folded), in the title, a heading or the text. */
  phrase: boolean;
  /** The most query words, in the query's order, that occur one after another (folded). */
  run: number;
  /** Per word index: the terms it matches in the typed spelling (highlighted). */
  marks: Map<number, number>;
}

/** Matches of the terms in a page: which terms it holds, in which spelling, and where. */
export function matchPage(page: PageText, terms: Term[]): PageMatch {
  const found = terms.map(() => false);
  const exactFound = terms.map(() => false);
  const marks = new Map<number, number>();
  // Plain loops, the cheap substring test first: this runs over every word of every page read.
  for (let i = 0; i < page.words.length; i++) {
    if (page.copy[i]) continue;
    const folded = page.folded[i]!;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (!folded.includes(term.key) || !wordMatches(page, i, term, false)) continue;
      found[t] = true;
      if (!term.exact || wordMatches(page, i, term, true)) {
        if (term.exact) exactFound[t] = true;
        marks.set(i, (marks.get(i) ?? 0) | (1 << Math.min(t, 30)));
      }
    }
  }
  const run = terms.length > 1 && found.filter(Boolean).length > 1 ? longestRun(page, terms) : Math.min(1, found.filter(Boolean).length);
  return { found, exact: exactFound.filter(Boolean).length, phrase: terms.length > 1 && run === terms.length, run, marks };
}

/**
 * The most consecutive query terms (in the query's order) that occur one after another among the
 * page's shown words, parts of joined words counting as words: "tranh chap lao dng" finds
 * "tranh chấp lao động" a run of three.
 */
function longestRun(page: PageText, terms: Term[]): number {
  const keys = terms.map((t) => t.key);
  const stream: string[] = [];
  for (let i = 0; i < page.words.length; i++) {
    if (page.copy[i] || !keys.some((k) => page.folded[i]!.includes(k))) stream.push('');
    else for (const part of foldedParts(page.folded[i]!)) stream.push(part);
  }
  let best = 0;
  for (let s = 0; s < stream.length; s++) {
    if (stream[s] === '') continue;
    for (let q = 0; q < keys.length; q++) {
      let k = 0;
      while (q + k < keys.length && stream[s + k] === keys[q + k]) k++;
      if (k > best) best = k;
    }
    if (best === keys.length) break;
  }
  return best;
}

function distinctTerms(masks: number[]): number {
  let all = 0;
  for (const m of masks) all |= m;
  let n = 0;
  for (; all; all &= all - 1) n++;
  return n;
}

/**
 * The section to show: the one covering most distinct query words, then most matches, a match in
 * its heading counting twice; the first such section on a tie.
 */
export function bestSection(page: PageText, match: PageMatch): Section | undefined {
  let best: Section | undefined;
  let bestScore: [number, number] = [0, 0];
  for (const section of page.sections) {
    const masks: number[] = [];
    let count = 0;
    for (const [i, mask] of match.marks) {
      if (i < section.start || i >= section.end) continue;
      masks.push(mask);
      count += i < section.headingEnd ? 2 : 1;
    }
    const score: [number, number] = [distinctTerms(masks), count];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = section;
      bestScore = score;
    }
  }
  return best;
}

const EXCERPT_WORDS = 30;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An excerpt of the original text (folded copies left out) around the best matches of a section,
 * the matched words in <mark> and the rest escaped: about 30 words, placed to hold the most
 * distinct query words.
 */
export function excerpt(page: PageText, match: PageMatch, section?: Section): string {
  const from = section?.start ?? 0;
  const to = section?.end ?? page.words.length;
  const shown: number[] = [];
  for (let i = from; i < to; i++) if (!page.copy[i] && page.words[i] !== '') shown.push(i);
  if (shown.length === 0) return '';
  // The window of shown words with most distinct terms, then most matches; the earliest on a tie.
  let bestStart = 0;
  let best: [number, number] = [-1, -1];
  for (let s = 0; s < shown.length; s++) {
    if (s > 0 && !match.marks.has(shown[s]!)) continue;
    const masks: number[] = [];
    for (let k = s; k < Math.min(shown.length, s + EXCERPT_WORDS); k++) {
      const mask = match.marks.get(shown[k]!);
      if (mask) masks.push(mask);
    }
    const score: [number, number] = [distinctTerms(masks), masks.length];
    if (score[0] > best[0] || (score[0] === best[0] && score[1] > best[1])) {
      best = score;
      bestStart = s;
    }
  }
  // A few words of context before the first match.
  const start = bestStart === 0 ? 0 : Math.max(0, bestStart - 5);
  const out: string[] = [];
  for (let k = start; k < Math.min(shown.length, start + EXCERPT_WORDS); k++) {
    const i = shown[k]!;
    const word = page.words[i]!;
    out.push(match.marks.has(i) ? markWord(word) : escapeHtml(word));
  }
  return out.join(' ');
}

/** "(2494/CTr-TLĐ)," → "(<mark>2494/CTr-TLĐ</mark>),": punctuation around a word stays outside the mark. */
export function markWord(word: string): string {
  const core = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word)!;
  return `${escapeHtml(core[1]!)}<mark>${escapeHtml(core[2]!)}</mark>${escapeHtml(core[3]!)}`;
}

/**
 * Ranges [start, end) of a text to highlight on arrival: each word matching a term in the typed
 * spelling, with the surrounding punctuation left out. The same rule as the excerpts.
 */
export function highlightRanges(text: string, terms: Term[]): [number, number][] {
  const ranges: [number, number][] = [];
  const token = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(text))) {
    const page: PageText = { title: '', words: [m[0]], folded: [foldVietnamese(m[0])], copy: [false], sections: [] };
    if (!terms.some((term) => wordMatches(page, 0, term, true))) continue;
    const core = /^([^\p{L}\p{N}]*)(.*?)[^\p{L}\p{N}]*$/u.exec(m[0])!;
    const start = m.index + core[1]!.length;
    ranges.push([start, start + core[2]!.length]);
  }
  return ranges;
}
