// Characters no text field of the site may hold, whatever file it comes from (form cell, CSV cell,
// YAML value, front matter): those XML cannot carry (a Word or Excel file built from them would not
// open), control characters other than tab and line breaks, the bidirectional controls that can
// show "12" as "21", and the zero-width characters that make two equal-looking names differ.
// Input readers refuse them with the code point named; the writers call xmlSafe as a last guard.

/** Why a character is refused; each kind has its own Vietnamese wording. */
export type UnsafeKind = 'control' | 'not-xml' | 'bidi' | 'zero-width';

export interface UnsafeCharacter {
  /** UTF-16 index of the character in the text. */
  index: number;
  /** "U+202E". */
  codePoint: string;
  kind: UnsafeKind;
  /** What it is, in Vietnamese: "ký tự điều khiển hướng chữ U+202E (RIGHT-TO-LEFT OVERRIDE)". */
  description: string;
}

// C0 controls but tab, LF, CR; DEL and the C1 controls.
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
// Embeddings, overrides, isolates and the invisible direction marks.
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
// Zero-width space, non-joiner, joiner, word joiner, invisible operators, a BOM inside text, Mongolian vowel separator.
const ZERO_WIDTH = '\\u180E\\u200B-\\u200D\\u2060-\\u2064\\uFEFF';
// Not characters in XML 1.0, and UTF-16 halves that stand alone.
const NOT_XML = '\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF';

// Without the u flag: lone surrogates are matched as UTF-16 code units.
const ANY = new RegExp(`[${CONTROL}${BIDI}${ZERO_WIDTH}${NOT_XML}]`);
const ANY_GLOBAL = new RegExp(ANY.source, 'g');
// The same characters but the lone surrogates, in one class: a clean text (nearly every one) is
// scanned once by this and once by String#isWellFormed (wellFormed below), without the lookarounds of ANY at each
// position; only a text one of them flags is searched with ANY.
const ANY_BUT_SURROGATES = new RegExp(`[${CONTROL}${BIDI}${ZERO_WIDTH}\\uFFFE\\uFFFF]`);
// String#isWellFormed and #toWellFormed are native scans in Node and in browsers since 2023; the form
// check runs this module in the browser, so an older one gets the lookaround regexes instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_GLOBAL = new RegExp(LONE_SURROGATE.source, 'g');
const NATIVE = typeof ''.isWellFormed === 'function' && typeof ''.toWellFormed === 'function';
const wellFormed = NATIVE ? (text: string) => text.isWellFormed() : (text: string) => !LONE_SURROGATE.test(text);
const toWellFormed = NATIVE ? (text: string) => text.toWellFormed() : (text: string) => text.replace(LONE_SURROGATE_GLOBAL, '\uFFFD');
const IS_CONTROL = new RegExp(`^[${CONTROL}]$`);
const IS_BIDI = new RegExp(`^[${BIDI}]$`);
const IS_ZERO_WIDTH = new RegExp(`^[${ZERO_WIDTH}]$`);

/** Names of the characters people paste by accident, so a message says more than a code. */
const NAMES: Record<string, string> = {
  '\u061C': 'ARABIC LETTER MARK',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  '\uFFFE': 'noncharacter',
  '\uFFFF': 'noncharacter',
};

function codeOf(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(char: string): { kind: UnsafeKind; description: string } {
  const code = codeOf(char);
  const name = NAMES[char] ? ` (${NAMES[char]})` : '';
  if (IS_CONTROL.test(char)) return { kind: 'control', description: `ký tự điều khiển ${code}` };
  if (IS_BIDI.test(char)) return { kind: 'bidi', description: `ký tự điều khiển hướng chữ ${code}${name}, có thể làm chữ số hiện ngược thứ tự` };
  if (IS_ZERO_WIDTH.test(char)) return { kind: 'zero-width', description: `ký tự vô hình ${code}${name}` };
  const half = /[\uD800-\uDFFF]/.test(char) ? ' (nửa cặp UTF-16 đứng một mình)' : name;
  return { kind: 'not-xml', description: `ký tự ${code}${half}, không có trong bảng ký tự của XML nên tệp Word, Excel dựng từ đó không mở được` };
}

/** The first unsafe character of the text, or null. Tab, LF and CR are allowed. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | null {
  if (wellFormed(text) && !ANY_BUT_SURROGATES.test(text)) return null;
  const match = ANY.exec(text);
  if (!match) return null;
  return { index: match.index, codePoint: codeOf(match[0]), ...describe(match[0]) };
}

/** Every unsafe character, for a value that should be reported once with all of them. */
export function findUnsafeCharacters(text: string): UnsafeCharacter[] {
  if (wellFormed(text) && !ANY_BUT_SURROGATES.test(text)) return [];
  return [...text.matchAll(ANY_GLOBAL)].map((m) => ({ index: m.index, codePoint: codeOf(m[0]), ...describe(m[0]) }));
}

// What XML 1.0 cannot hold at all (§2.2 Char): controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates.
// Lone surrogates are String#isWellFormed's and #toWellFormed's (which put U+FFFD in their place);
// the rest is one character class. The regex with lookarounds at every position this replaces took
// 1.8 s of CPU in a 200 x 50 build (the data package's CSVs and every .docx and .xlsx part pass here).
const XML_ILLEGAL_BUT_SURROGATES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_ILLEGAL_BUT_SURROGATES_GLOBAL = new RegExp(XML_ILLEGAL_BUT_SURROGATES.source, 'g');

/**
 * The text with every character XML 1.0 cannot hold replaced by U+FFFD: the writers' last guard, so
 * a .docx or .xlsx part is well-formed whatever reached them. Input checks refuse these characters
 * first; this only ensures a missed one cannot produce a file Word or Excel refuses to open.
 */
export function xmlSafe(text: string): string {
  const whole = wellFormed(text) ? text : toWellFormed(text);
  return XML_ILLEGAL_BUT_SURROGATES.test(whole) ? whole.replace(XML_ILLEGAL_BUT_SURROGATES_GLOBAL, '\uFFFD') : whole;
}
