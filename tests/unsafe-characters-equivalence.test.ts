import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findUnsafeCharacter, findUnsafeCharacters, xmlSafe } from '../src/lib/text/unsafe-characters';

// The definitions as they were before the clean-text fast paths (commit 6b4dcc0): the fast paths
// must give the same answer on every text, clean or not.
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const ZERO_WIDTH = '\\u180E\\u200B-\\u200D\\u2060-\\u2064\\uFEFF';
const NOT_XML = '\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF';
const OLD_ANY = new RegExp(`[${CONTROL}${BIDI}${ZERO_WIDTH}${NOT_XML}]`, 'g');
const OLD_XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const oldXmlSafe = (text: string) => text.replace(OLD_XML_ILLEGAL, '\uFFFD');
const oldIndexes = (text: string) => [...text.matchAll(OLD_ANY)].map((m) => m.index);

// Texts made of the characters that matter: every edge of every range, both surrogate halves alone
// and in pairs, tab and line breaks, Vietnamese letters and an astral character.
const pieces = [
  'a', 'đ', 'ệ', ' ', '\t', '\n', '\r', '\u0000', '\u0008', '\u0009', '\u000B', '\u000C', '\u000E', '\u001F', '\u0020',
  '\u007E', '\u007F', '\u009F', '\u00A0', '\u061C', '\u180E', '\u200B', '\u200D', '\u200E', '\u200F', '\u2029', '\u202A', '\u202E',
  '\u2060', '\u2064', '\u2066', '\u2069', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFEFF', '\uFFFD', '\uFFFE', '\uFFFF',
  '😀', '\uD83D\uDE00',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('unsafe characters: the fast paths answer as the old regexes', () => {
  it('xmlSafe gives the old output on every text', () => {
    fc.assert(fc.property(anyText, (t) => xmlSafe(t) === oldXmlSafe(t)), { numRuns: 5000 });
  });
  it('findUnsafeCharacter and findUnsafeCharacters find the same characters at the same indexes', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const old = oldIndexes(t);
        expect(findUnsafeCharacters(t).map((c) => c.index)).toEqual(old);
        expect(findUnsafeCharacter(t)?.index ?? null).toBe(old[0] ?? null);
      }),
      { numRuns: 5000 },
    );
  });
  it('returns a clean text as it is', () => {
    const clean = 'Biên Hòa\tđạt 3.657 đoàn viên\r\nmới 😀'.repeat(1000);
    expect(xmlSafe(clean)).toBe(clean);
    expect(findUnsafeCharacter(clean)).toBeNull();
  });
});

describe('unsafe characters in a browser without String#isWellFormed (before 2023)', () => {
  it('falls back to the regexes, with the same answers', async () => {
    const proto = String.prototype as unknown as Record<string, unknown>;
    const saved = { isWellFormed: proto.isWellFormed, toWellFormed: proto.toWellFormed };
    delete proto.isWellFormed;
    delete proto.toWellFormed;
    try {
      vi.resetModules();
      const old = await import('../src/lib/text/unsafe-characters');
      fc.assert(
        fc.property(anyText, (t) => {
          expect(old.xmlSafe(t)).toBe(oldXmlSafe(t));
          expect(old.findUnsafeCharacters(t).map((c) => c.index)).toEqual(oldIndexes(t));
        }),
        { numRuns: 2000 },
      );
    } finally {
      Object.assign(proto, saved);
    }
  });
});
