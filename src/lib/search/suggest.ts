// "Có phải bạn muốn tìm: …" for query words the index does not hold: the nearest words of the
// site's own folded vocabulary (a file written at index time, scripts/pagefind.mjs), by edit
// distance on folded words, the more frequent word first on a tie.
import type { Term } from './match.ts';

/** Where the vocabulary is published, next to the Pagefind index. */
export const VOCABULARY_FILE = 'tu-vung.json';

/** The vocabulary file: folded words, most frequent first. */
export interface Vocabulary {
  words: string[];
}

/** Edit distance with transpositions (optimal string alignment), stopping once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The nearest vocabulary words to a folded word: one edit for short words, two from six letters. */
export function nearestWords(word: string, vocabulary: Vocabulary, count = 3): string[] {
  const limit = word.length >= 6 ? 2 : 1;
  const found: { word: string; distance: number; rank: number }[] = [];
  vocabulary.words.forEach((candidate, rank) => {
    if (candidate === word) return;
    const distance = editDistance(word, candidate, limit);
    if (distance <= limit) found.push({ word: candidate, distance, rank });
  });
  return found.sort((a, b) => a.distance - b.distance || a.rank - b.rank).slice(0, count).map((f) => f.word);
}

/**
 * Whole queries to offer instead of `input`: each missing term replaced by one of its nearest
 * words (the best for every missing term first), the other words as typed; at most `count`.
 */
export function suggestQueries(input: string, missing: Term[], vocabulary: Vocabulary, count = 3): string[] {
  const options = missing.map((term) => ({ term, near: nearestWords(term.key, vocabulary, count) }));
  if (options.every((o) => o.near.length === 0)) return [];
  const out: string[] = [];
  for (let choice = 0; choice < count; choice++) {
    let query = input.normalize('NFC').trim().replace(/\s+/g, ' ');
    let changed = false;
    for (const { term, near } of options) {
      const replacement = near[Math.min(choice, near.length - 1)];
      if (!replacement) continue;
      // The typed word holding the missing part is replaced as a whole word.
      const words = query.split(' ');
      const at = words.findIndex((w) => w === term.typed);
      if (at < 0) continue;
      // A number or symbol joined by / or - is left as typed: only its missing part is known.
      if (/[\p{L}\p{N}][/-][\p{L}\p{N}]/u.test(term.typed)) continue;
      words[at] = replacement;
      query = words.join(' ');
      changed = true;
    }
    if (changed && !out.includes(query) && query !== input.trim()) out.push(query);
  }
  return out;
}
