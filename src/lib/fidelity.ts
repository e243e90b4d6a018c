// Checks that a published page reproduces its source text: every sentence of the source, same
// words, same order, and no words that the source does not have (editor's notes excepted).
// Pure string logic; the HTML-to-text step lives in the test so this module has no parser dependency.

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

export type FidelityProblem =
  | { kind: 'missing'; line: number; sentence: string; after: string }
  | { kind: 'extra'; text: string; beforeLine: number };

/**
 * Finds each sentence in `pageText` in order. A sentence that is absent, or present only before
 * the previous one, is "missing"; page text between matched sentences that is not whitespace is
 * "extra" (words the source does not have).
 */
export function compareWithSource(sentences: SourceSentence[], pageText: string): FidelityProblem[] {
  const page = normaliseText(pageText);
  const problems: FidelityProblem[] = [];
  let cursor = 0;
  let previous = '';
  for (const sentence of sentences) {
    const at = page.indexOf(sentence.text, cursor);
    if (at < 0) {
      problems.push({ kind: 'missing', line: sentence.line, sentence: sentence.text, after: previous });
      continue;
    }
    const gap = page.slice(cursor, at).trim();
    if (gap !== '') problems.push({ kind: 'extra', text: gap, beforeLine: sentence.line });
    cursor = at + sentence.text.length;
    previous = sentence.text;
  }
  const tail = page.slice(cursor).trim();
  if (tail !== '') problems.push({ kind: 'extra', text: tail, beforeLine: Number.POSITIVE_INFINITY });
  return problems;
}

/** Human-readable report, one problem per line, naming the source line. */
export function formatProblems(file: string, problems: FidelityProblem[]): string {
  return problems
    .map((p) =>
      p.kind === 'missing'
        ? `${file}:${p.line}: câu không có trên trang (hoặc sai thứ tự): «${p.sentence}»`
        : `${file}:${Number.isFinite(p.beforeLine) ? p.beforeLine : 'cuối'}: trang có chữ không có trong văn bản gốc: «${p.text}»`,
    )
    .join('\n');
}
