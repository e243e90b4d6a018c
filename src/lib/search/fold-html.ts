// Pagefind folds tone marks but not "đ", and keeps "2494/CTr-TLĐ" as one word, so "doan", "tld" or
// "ctr" find nothing. Before indexing, each block of a page gets the folded forms of those words
// ("đoàn" → "doan", "2494/CTr-TLĐ" → "2494 ctr tld") between marker words, so they sit in the
// same section as the original and search code can cut them out of excerpts.
// Runs in plain Node (scripts/pagefind-fold-worker.mjs), hence the explicit .ts import.
//
// The pages are the site's own build output, so a small tag scanner is enough; a DOM parser and
// serialiser cost seven times as long on a 10,000-page site (docs/benchmarks.md).
import { FOLD_CLOSE, FOLD_OPEN, FOLD_TRIGGER, searchKey } from './fold-html-marks.ts';
import { decodeEntities } from '../text/html-entities.ts';

const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'figcaption']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'template', 'textarea']);

/**
 * The folded forms of a text's words that Pagefind would miss, each once: "Công đoàn số
 * 2494/CTr-TLĐ" → "doan 2494 ctr tld". Only those words: a copy of the whole block would
 * double the text Pagefind indexes, and words without "đ" or joins it already finds.
 */
export function foldedWords(text: string): string {
  const words = new Set<string>();
  collectFoldedWords(text, words);
  return [...words].join(' ');
}

const TRIGGER = new RegExp(FOLD_TRIGGER, 'gu');
const SPACE = /\s/;

/**
 * Adds the folded forms of a text's words that need one (as foldedWords) to `words`: finds each
 * trigger and widens it to its word (a run of non-space), rather than testing every word.
 */
function collectFoldedWords(text: string, words: Set<string>): void {
  TRIGGER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TRIGGER.exec(text))) {
    let start = match.index;
    while (start > 0 && !SPACE.test(text[start - 1]!)) start -= 1;
    let end = match.index + match[0].length;
    while (end < text.length && !SPACE.test(text[end]!)) end += 1;
    const key = searchKey(text.slice(start, end));
    if (key) words.add(key);
    TRIGGER.lastIndex = end;
  }
}

function foldCopy(words: string): string {
  return `<span class="pf-fold" aria-hidden="true"> ${FOLD_OPEN} ${words} ${FOLD_CLOSE} </span>`;
}

// Pagefind stores the whole text of every element with an id as an anchor of the page, but uses
// only headings (and elements with an explicit title) for sub-results. The paragraph anchors
// citations get ("dc-2494-ctr-tld") made 45% of each fragment a reader downloads on the
// 10,000-document benchmark, for nothing search shows: the indexed copy keeps ids on headings only.
const ID_ATTRIBUTE = /\sid=(?:"[^"]*"|'[^']*'|[^\s"'>]+)/i;

// For every heading with an id that holds a match, Pagefind's client also makes a sub-result: an
// excerpt cut from the whole page, split into words again each time (`build_excerpt`), on every
// search. The site shows its own section and excerpt (match.ts) and uses none of them; on the
// 1,000-document benchmark they were the largest part of loading a result. In the indexed copy the
// id of h2–h6 sits on a span holding the heading's text instead: the anchor the site reads (id,
// text, place) is the same, the heading keeps its weight, and Pagefind makes no sub-result of it.
// The h1 keeps its id: match.ts knows the page's title by it.
const SECTION_HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * What Pagefind is given to read of a page: its Pagefind body, with folded copies added and ids
 * kept on headings only, in a page of its own with the original's language and title; null for a
 * page without a body, which Pagefind does not index. With `texts`, also counts each text of the
 * indexed body as it is written, from which vocabularyCounts (vocabulary.ts) makes the vocabulary
 * of "Có phải bạn muốn tìm".
 *
 * Only the body: with a body marked, Pagefind indexes nothing outside it, and the site's layouts
 * put every data-pagefind-filter and -meta inside it (tests/pagefind-script.test.ts checks both on
 * the built site, and that the index is byte for byte the one the whole pages give). The head
 * (font preloads, the policy, Open Graph), the header and the navigation were 30% of what Pagefind
 * parsed at 10,000 documents (docs/benchmarks.md).
 *
 * Nor is it given what Pagefind would drop whole: elements marked data-pagefind-ignore="all" (the
 * contents list, the document's header, the navigation between documents) and scripts. Pagefind counts
 * nothing inside them, not even a filter, a meta or an anchor, so the index is byte for byte the
 * same (tests/pagefind-script.test.ts), and it parsed a third less on the 10,000-document benchmark
 * (docs/benchmarks.md). `keepExcluded` keeps them, for that test.
 */
export function foldedPage(html: string, texts?: Map<string, number>, { keepExcluded = false } = {}): string | null {
  const body = foldBody(html, texts, keepExcluded);
  if (!body) return null;
  const lang = HTML_LANG.exec(html)?.[1];
  // The head's title only (an SVG in the body has titles of its own), read without copying the head.
  const found = TITLE.exec(html);
  const title = found && found.index < body.start ? found[0] : '';
  const inner = body.tag === 'body' ? body.folded : `<body>${body.folded}</body>`;
  return `<!DOCTYPE html><html${lang === undefined ? '' : ` lang="${lang}"`}><head><meta charset="utf-8">${title}</head>${inner}</html>`;
}

const HTML_LANG = /<html\b[^>]*?\slang=["']?([^"'\s>]*)/i;
const TITLE = /<title\b[^>]*>[^<]*<\/title>/i;
const TAG_NAME = /<([a-z][\w-]*)/iy;

const BODY_ATTRIBUTE = 'data-pagefind-body';
const OPENING_TAG_SO_FAR = /^<[a-z][\w-]*\s[^>]*$/i;

/** Where the tag carrying data-pagefind-body starts, or -1 (a plain search, not one regex over the head). */
function bodyStart(html: string): number {
  for (let at = html.indexOf(BODY_ATTRIBUTE); at >= 0; at = html.indexOf(BODY_ATTRIBUTE, at + 1)) {
    const tagStart = html.lastIndexOf('<', at);
    const after = html[at + BODY_ATTRIBUTE.length] ?? '';
    if (tagStart >= 0 && OPENING_TAG_SO_FAR.test(html.slice(tagStart, at)) && !/\w/.test(after)) return tagStart;
  }
  return -1;
}

// Pagefind's own test of "all" (any other value but "", "index" or "true" it also takes as "all",
// with a warning; the site writes none).
const EXCLUDE_ALL = /\sdata-pagefind-ignore\s*=\s*(?:"all"|'all'|all(?![\w-]))/i;
// Elements Pagefind removes with their contents; their ids go anyway (ID_ATTRIBUTE), so no anchor is lost.
const DROPPED_RAW_TEXT = new Set(['script', 'style']);

/** Where the text of a script, style or the like that starts at `from` ends: at its closing tag. */
function rawTextEnd(html: string, tag: string, from: number): number {
  const closer = new RegExp(`</${tag}`, 'gi');
  closer.lastIndex = from;
  return closer.exec(html)?.index ?? html.length;
}

/** The element holding data-pagefind-body (where it starts, its tag), with folded copies added. */
function foldBody(html: string, texts: Map<string, number> | undefined, keepExcluded: boolean): { start: number; tag: string; folded: string } | null {
  const start = bodyStart(html);
  if (start < 0) return null;
  TAG_NAME.lastIndex = start;
  const bodyTag = TAG_NAME.exec(html)?.[1]?.toLowerCase() ?? '';
  const out: string[] = [];
  // Open elements of the Pagefind body; each block collects the words its own text needs folded.
  // `span`: a heading whose id the indexed copy moved onto a span inside it (SECTION_HEADINGS).
  // `excluded`: left out of the copy with everything inside it (EXCLUDE_ALL).
  const stack: { tag: string; ignored: boolean; excluded: boolean; words: Set<string> | null; span: boolean }[] = [];
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)([^>]*)>|[^<]+|</g;
  token.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = token.exec(html))) {
    const [whole, closing, rawTag, attributes = ''] = match;
    if (!rawTag) {
      // Text (or a comment, which never holds "đ" words of the page).
      const frame = stack.at(-1);
      if (frame?.excluded) continue;
      if (whole[0] !== '<' && frame && !frame.ignored) {
        const words = stack.findLast((f) => f.words)?.words;
        const text = whole.includes('&') ? decodeEntities(whole) : whole;
        if (words) collectFoldedWords(text, words);
        if (texts) texts.set(text, (texts.get(text) ?? 0) + 1);
      }
      out.push(whole);
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (!closing) {
      const parent = stack.at(-1);
      const empty = VOID.has(tag) || attributes.trimEnd().endsWith('/');
      // Never the body's own element (stack empty): Pagefind takes it as the body whatever else it says.
      const excluded = parent !== undefined && (parent.excluded || (!keepExcluded && (EXCLUDE_ALL.test(attributes) || DROPPED_RAW_TEXT.has(tag))));
      if (excluded) {
        if (empty) continue;
        if (RAW_TEXT.has(tag)) token.lastIndex = rawTextEnd(html, tag, token.lastIndex);
        stack.push({ tag, ignored: true, excluded: true, words: null, span: false });
        continue;
      }
      const ignored = (parent?.ignored ?? false) || /\bdata-pagefind-ignore\b/.test(attributes);
      const sectionId = !ignored && SECTION_HEADINGS.has(tag) && attributes.includes('id=') ? ID_ATTRIBUTE.exec(whole)?.[0] : undefined;
      if (sectionId) out.push(whole.replace(ID_ATTRIBUTE, ''), `<span${sectionId}>`);
      else out.push(HEADINGS.has(tag) || !attributes.includes('id=') ? whole : whole.replace(ID_ATTRIBUTE, ''));
      if (empty) continue;
      if (RAW_TEXT.has(tag)) {
        // Script and style text is not page text: copy it through untouched.
        const stop = rawTextEnd(html, tag, token.lastIndex);
        out.push(html.slice(token.lastIndex, stop));
        token.lastIndex = stop;
        stack.push({ tag, ignored: true, excluded: false, words: null, span: false });
        continue;
      }
      stack.push({ tag, ignored, excluded: false, words: !ignored && BLOCKS.has(tag) ? new Set() : null, span: sectionId !== undefined });
      continue;
    }
    // A closing tag: close up to the matching open element (tolerates an unclosed child).
    const at = stack.findLastIndex((f) => f.tag === tag);
    if (at < 0) {
      out.push(whole);
      continue;
    }
    const closed = stack.splice(at);
    const frame = closed[0]!;
    if (frame.excluded) continue;
    const words = frame.words && frame.words.size > 0 ? foldCopy([...frame.words].join(' ')) : '';
    // Inside a heading the copy would become part of the section title: put it just after.
    out.push(HEADINGS.has(tag) ? `${frame.span ? '</span>' : ''}${whole}${words}` : words + whole);
    if (stack.length === 0) return { start, tag: bodyTag, folded: out.join('') };
  }
  // An unclosed body runs to the end of the page.
  return { start, tag: bodyTag, folded: out.join('') };
}
