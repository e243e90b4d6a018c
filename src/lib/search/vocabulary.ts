// The vocabulary of "Có phải bạn muốn tìm" (suggest.ts), counted by the indexer (scripts/pagefind.mjs
// and its fold workers) from the text it indexes. Apart from suggest.ts so that the browser, which
// only reads the vocabulary file, does not download this.
import { foldVietnamese } from '../text/vietnamese.ts';
import type { Vocabulary } from './suggest.ts';

/** Words worth suggesting: letters (and digits) of two characters or more, not numbers alone. */
export function vocabularyWord(word: string): boolean {
  return word.length >= 2 && word.length <= 30 && /^[a-z0-9]+$/.test(word) && !/^\d+$/.test(word);
}

/**
 * Folded word counts (for the vocabulary) from the texts of the indexed pages and how often each
 * text occurs. Each distinct text is split once and each distinct word folded once: folding every
 * text node of every page as it was read more than doubled the indexer's fold pass
 * (docs/benchmarks.md). Folding goes letter by letter, so splitting on spaces first changes nothing.
 */
export function vocabularyCounts(texts: ReadonlyMap<string, number>): Map<string, number> {
  const written = new Map<string, number>();
  for (const [text, n] of texts) {
    for (const word of text.match(/\S+/g) ?? []) written.set(word, (written.get(word) ?? 0) + n);
  }
  const counts = new Map<string, number>();
  for (const [word, n] of written) {
    for (const folded of foldVietnamese(word).match(/[a-z0-9]+/g) ?? []) {
      if (vocabularyWord(folded)) counts.set(folded, (counts.get(folded) ?? 0) + n);
    }
  }
  return counts;
}

/** The vocabulary from word counts: most frequent first, then alphabetical, so the file is stable. */
export function vocabularyOf(counts: Map<string, number>): Vocabulary {
  return { words: [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w) };
}
