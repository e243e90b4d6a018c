// `npm run fonts`: the site's woff2 files (src/styles/fonts/) and their @font-face rules (the block
// of src/styles/fonts.css between the two markers), made from @fontsource/tinos and
// @fontsource/arimo with hb-subset (through subset-font). Two files per @fontsource file:
// - `<name>.woff2`: the whole file less its TrueType hinting; every glyph, character, advance width,
//   kerning pair and layout rule is kept, only the instructions that snap outlines to a
//   low-resolution pixel grid go (phones and print never use them; they were 40% of Tinos's bytes);
// - `<name>-core.woff2`: the same, holding only CORE_TEXT's characters (the Vietnamese alphabet with
//   every tone mark, ASCII, the punctuation of Vietnamese typesetting). These are what every page
//   preloads (src/components/FontPreloads.astro): 12 files, 65 KB, against 138 KB for @fontsource's
//   own, which Lighthouse mobile counted as the pages' render delay (issue 29).
// The core rules come after the whole files' in the CSS, so a browser takes a character from the core
// file when it has it and downloads the whole file only for a page that uses another character.
// The files are committed, so a build pays nothing for them; this script reproduces them byte for
// byte from the installed packages, and tests/fonts.test.ts fails when a committed file or the CSS
// block is not what it makes (after a package update: `npm run fonts -- --write`).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
// @ts-expect-error subset-font ships no types; its one export is used as documented in its README.
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/** Where the site's font files are, beside src/styles/fonts.css. */
export const FONT_DIR = fileURLToPath(new URL('../src/styles/fonts/', import.meta.url));
/** The stylesheet whose @font-face block this script writes. */
export const FONT_CSS = fileURLToPath(new URL('../src/styles/fonts.css', import.meta.url));
export const CSS_BEGIN = '/* font-faces: made by `npm run fonts -- --write` (scripts/fonts.ts) */';
export const CSS_END = '/* /font-faces */';

const FAMILIES = { tinos: 'Tinos', arimo: 'Arimo' } as const;

/** The faces the site uses, as @fontsource names them: family, subset, weight and style. */
export const FONT_FILES: readonly string[] = (['tinos', 'arimo'] as const).flatMap((family) =>
  ['latin', 'vietnamese'].flatMap((subset) =>
    (family === 'tinos' ? ['400-normal', '700-normal', '400-italic', '700-italic'] : ['400-normal', '700-normal']).map((face) => `${family}-${subset}-${face}`),
  ),
);

const VOWELS = [...'aăâeêioôơuưy'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'].join('');
/** The characters every page's preloaded files hold: ASCII, every Vietnamese letter in both cases with each tone mark, and typographic punctuation. */
export const CORE_TEXT = [
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join(''),
  LOWER,
  LOWER.toUpperCase(),
  '\u00a0\u2009\u202f–—‘’‚“”„…•·°×÷±§©®«»‹›€₫‰′″−↑↓',
].join('');

/** The @fontsource file a site font is made from. */
export const sourceOf = (name: string) => require.resolve(`@fontsource/${name.split('-')[0]}/files/${name}.woff2`);

/** The unicode-range @fontsource gives each subset (its own CSS files). */
function fontsourceRange(name: string): string {
  const [family, subset, weight, style] = name.split('-') as [string, string, string, string];
  const css = readFileSync(require.resolve(`@fontsource/${family}/${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8');
  const block = css.slice(css.indexOf(`/* ${family}-${subset}-${weight}-${style} */`));
  const range = css.includes(`/* ${name} */`) ? /unicode-range:\s*([^;]+);/.exec(block)?.[1] : undefined;
  if (!range) throw new Error(`@fontsource/${family}: no unicode-range for ${name}`);
  return range.trim();
}

/** Code points as a CSS unicode-range: U+41-5A, U+61. */
export function unicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j;
  }
  return parts.join(', ');
}

export interface MadeFonts {
  /** File name (in src/styles/fonts/) → bytes. */
  files: Map<string, Buffer>;
  /** The @font-face rules, whole files first, core files last. */
  css: string;
}

/** Every site font file and the @font-face rules for them, made from the installed @fontsource files. */
export async function makeFonts(): Promise<MadeFonts> {
  const files = new Map<string, Buffer>();
  const whole: string[] = [];
  const core: string[] = [];
  for (const name of FONT_FILES) {
    const source = readFileSync(sourceOf(name));
    const sourceFont = fontkit.create(source) as fontkit.Font;
    const ranges = fontsourceRange(name).split(',').map((part) => part.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16)));
    const inRange = (cp: number) => ranges.some(([from, to = from]) => from! <= cp && cp <= to!);
    const coreChars = [...new Set([...CORE_TEXT].map((c) => c.codePointAt(0)!))].filter((cp) => inRange(cp) && sourceFont.hasGlyphForCodePoint(cp));
    files.set(`${name}.woff2`, Buffer.from(await subsetFont(source, '', { targetFormat: 'woff2', noHinting: true, keepAllGlyphs: true })));
    files.set(`${name}-core.woff2`, Buffer.from(await subsetFont(source, String.fromCodePoint(...coreChars), { targetFormat: 'woff2', noHinting: true })));
    const [family, , weight, style] = name.split('-') as [keyof typeof FAMILIES, string, string, string];
    const rule = (file: string, range: string) => `@font-face { font-family: '${FAMILIES[family]}'; font-style: ${style}; font-weight: ${weight}; font-display: swap; src: url('./fonts/${file}') format('woff2'); unicode-range: ${range}; }`;
    whole.push(rule(`${name}.woff2`, fontsourceRange(name)));
    core.push(rule(`${name}-core.woff2`, unicodeRange(coreChars)));
  }
  return { files, css: [...whole, ...core].join('\n') };
}

/** fonts.css with its @font-face block replaced by `css`. */
export function withFaces(stylesheet: string, css: string): string {
  const begin = stylesheet.indexOf(CSS_BEGIN);
  const end = stylesheet.indexOf(CSS_END);
  if (begin < 0 || end < begin) throw new Error(`src/styles/fonts.css: no block between "${CSS_BEGIN}" and "${CSS_END}"`);
  return `${stylesheet.slice(0, begin + CSS_BEGIN.length)}\n${css}\n${stylesheet.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const write = process.argv.includes('--write');
  const { files, css } = await makeFonts();
  const stylesheet = readFileSync(FONT_CSS, 'utf8');
  const stale: string[] = [];
  if (write) {
    mkdirSync(FONT_DIR, { recursive: true });
    for (const old of readdirSync(FONT_DIR)) if (!files.has(old)) rmSync(join(FONT_DIR, old));
    for (const [name, bytes] of files) writeFileSync(join(FONT_DIR, name), bytes);
    writeFileSync(FONT_CSS, withFaces(stylesheet, css));
  } else {
    for (const [name, bytes] of files) {
      let current: Buffer | undefined;
      try {
        current = readFileSync(join(FONT_DIR, name));
      } catch {
        current = undefined;
      }
      if (!current?.equals(bytes)) stale.push(`src/styles/fonts/${name}`);
    }
    if (withFaces(stylesheet, css) !== stylesheet) stale.push('src/styles/fonts.css');
  }
  if (stale.length) {
    console.error(`Tệp phông chữ không khớp với gói @fontsource đã cài: ${stale.join(', ')}. Chạy \`npm run fonts -- --write\`.`);
    process.exit(1);
  }
  console.log(write ? `Đã ghi ${files.size} tệp phông chữ vào src/styles/fonts/ và các quy tắc @font-face vào src/styles/fonts.css.` : `${files.size} tệp phông chữ và src/styles/fonts.css khớp với gói @fontsource đã cài.`);
}
