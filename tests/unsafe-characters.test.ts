import { describe, expect, it } from 'vitest';
import { findUnsafeCharacter, findUnsafeCharacters, xmlSafe } from '../src/lib/text/unsafe-characters';

describe('unsafe characters', () => {
  it('allows Vietnamese text, tab and line breaks, and astral characters', () => {
    expect(findUnsafeCharacter('Biên Hòa\tđạt 3.657 đoàn viên\r\nmới 😀')).toBeNull();
  });
  it.each([
    ['\u0000', 'control', 'U+0000'],
    ['\u001B', 'control', 'U+001B'],
    ['\u0085', 'control', 'U+0085'],
    ['\uFFFE', 'not-xml', 'U+FFFE'],
    ['\uFFFF', 'not-xml', 'U+FFFF'],
    ['\uD800', 'not-xml', 'U+D800'],
    ['\uDC00', 'not-xml', 'U+DC00'],
    ['\u202E', 'bidi', 'U+202E'],
    ['\u2066', 'bidi', 'U+2066'],
    ['\u200F', 'bidi', 'U+200F'],
    ['\u200B', 'zero-width', 'U+200B'],
    ['\u200D', 'zero-width', 'U+200D'],
    ['\uFEFF', 'zero-width', 'U+FEFF'],
  ])('finds %j as %s, named %s, at its index', (char, kind, code) => {
    const found = findUnsafeCharacter(`ghi chú ${char} 12`);
    expect(found).toMatchObject({ index: 8, kind, codePoint: code });
    expect(found!.description).toContain(code);
  });
  it('finds every one, in order', () => {
    expect(findUnsafeCharacters('a\u202E12\u202Cb\uFFFF').map((c) => c.codePoint)).toEqual(['U+202E', 'U+202C', 'U+FFFF']);
  });
  it('xmlSafe replaces only what XML cannot hold, keeping pairs whole', () => {
    expect(xmlSafe('a\u0000b\uFFFEc\uD800d\u202E😀\t\n')).toBe('a\uFFFDb\uFFFDc\uFFFDd\u202E😀\t\n');
  });
});
