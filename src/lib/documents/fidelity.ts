// Checks that a published page reproduces its source text: every sentence of the source, same
// words, same order, and no words that the source does not have (editor's notes excepted).
// Pure string logic; the HTML-to-text step lives in the test so this module has no parser dependency.
import type { Problem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';

/** List markers the page draws with CSS instead of text ("- " and "+ " items). */
const LIST_MARKER = /^[-+]\s+/;

/** One comparable unit: whitespace collapsed, NFC. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

export interface SourceSentence {
  /** 1-based line of the source file. */
  line: number;
  text: string;
}

/**
 * Splits source lines into sentences. A line is cut after . ; : ! ? when a space follows, so a
 * sentence never spans lines (the page may break lines differently) and a missing or reordered
 * sentence is reported on its own line.
 */
export function sourceSentences(lines: string[], fromLine: number, toLine: number): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  for (let line = fromLine; line <= toLine; line++) {
    const raw = normaliseText(lines[line - 1] ?? '').replace(LIST_MARKER, '');
    if (raw === '') continue;
    const pieces = raw.split(/(?<=[.;:!?])\s+/);
    // "I." or "10." is the numbering of what follows, not a sentence of its own.
    if (pieces.length > 1 && /^([IVX]+|\d+)\.$/.test(pieces[0] as string)) pieces.splice(0, 2, `${pieces[0]} ${pieces[1]}`);
    for (const piece of pieces) {
      const text = piece.trim();
      if (text !== '') sentences.push({ line, text });
    }
  }
  return sentences;
}

/**
 * Finds each sentence in `pageText` in order. A sentence that is absent, or present only before
 * the previous one, is missing (rule nguyen-van-thieu-cau, at its source line); page text between
 * matched sentences that is not whitespace is extra (nguyen-van-thua-chu: words the source does not
 * have), placed at the line of the sentence it precedes (no line when it ends the page).
 */
export function compareWithSource(file: string, sentences: SourceSentence[], pageText: string): Problem[] {
  const page = normaliseText(pageText);
  const problems: Problem[] = [];
  const extra = (text: string, line?: number) =>
    problems.push(problem('nguyen-van-thua-chu', { atEnd: line === undefined }, { file, ...(line === undefined ? {} : { line }), actual: text }));
  let cursor = 0;
  for (const sentence of sentences) {
    const at = page.indexOf(sentence.text, cursor);
    if (at < 0) {
      problems.push(problem('nguyen-van-thieu-cau', {}, { file, line: sentence.line, expected: `«${sentence.text}»` }));
      continue;
    }
    const gap = page.slice(cursor, at).trim();
    if (gap !== '') extra(gap, sentence.line);
    cursor = at + sentence.text.length;
  }
  const tail = page.slice(cursor).trim();
  if (tail !== '') extra(tail);
  return problems;
}
