// The site's own fonts (issue 26): self-hosted woff2 files from npm (@fontsource/tinos and
// @fontsource/arimo), only their Latin and Vietnamese subsets, with the same advance widths as the
// faces Word documents use (Tinos: Times New Roman; Arimo: Arial), holding every character the
// built pages show. The reference widths are Adobe's Times and Helvetica metrics (the PDF core
// fonts, whose widths Times New Roman and Arial follow), as PDF.js ships them in pdfjs-dist.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { parse } from 'node-html-parser';
import { htmlFiles } from './helpers/dist';
import { CORE_TEXT, FONT_CSS, FONT_DIR, FONT_FILES, makeFonts, sourceOf, withFaces } from '../scripts/fonts.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
const require = createRequire(import.meta.url);

interface Face { family: string; weight: string; style: string; display: string; file: string; ranges: [number, number][] }

const css = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(DIST, '_astro', f), 'utf8')).join('\n');
const faceRules = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
const prop = (rule: string, name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(rule)?.[1]?.trim() ?? '';

/** "U+??,U+102-103,U+1EA0" (minified CSS writes U+0000-00FF as U+??) as code point ranges. */
function unicodeRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const value = part.trim().replace(/^U\+/i, '');
    if (value.includes('?')) return [parseInt(value.replace(/\?/g, '0'), 16), parseInt(value.replace(/\?/g, 'F'), 16)];
    const [from, to = from] = value.split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)];
  });
}

const faces: Face[] = faceRules.map((rule) => ({
  family: prop(rule, 'font-family').replace(/["']/g, ''),
  weight: prop(rule, 'font-weight'),
  style: prop(rule, 'font-style'),
  display: prop(rule, 'font-display'),
  file: prop(rule, 'src'),
  ranges: unicodeRanges(prop(rule, 'unicode-range')),
}));

const fontOf = new Map<string, fontkit.Font>();
const font = (url: string) => {
  let f = fontOf.get(url);
  if (!f) {
    f = fontkit.create(readFileSync(join(DIST, url))) as fontkit.Font;
    fontOf.set(url, f);
  }
  return f;
};
const urlOfSrc = (src: string) => /^url\(["']?(\/_astro\/[^"')]+\.woff2)["']?\)\s*format\(["']?woff2["']?\)$/.exec(src)?.[1];

/**
 * The file a browser takes a character from: of the rules for that face (family, weight, style) whose
 * unicode-range holds it, the last one in the stylesheet (CSS Fonts 4, "unicode-range").
 */
function faceFor(family: string, weight: string, style: string, cp: number): Face | undefined {
  return faces.findLast((f) => f.family === family && f.weight === weight && f.style === style && f.ranges.some(([a, b]) => a <= cp && cp <= b));
}
/** Whether a face (family, weight, style) draws a character: the file the browser takes it from has a glyph for it. */
function draws(family: string, weight: string, style: string, cp: number): boolean {
  const face = faceFor(family, weight, style, cp);
  return face !== undefined && font(urlOfSrc(face.file)!).hasGlyphForCodePoint(cp);
}
const isCore = (face: Face | undefined) => face !== undefined && /-core\./.test(face.file);
const FACES = [['Tinos', '400', 'normal'], ['Tinos', '700', 'normal'], ['Tinos', '400', 'italic'], ['Tinos', '700', 'italic'], ['Arimo', '400', 'normal'], ['Arimo', '700', 'normal']] as const;

describe('the site ships its own fonts', () => {
  test('Tinos (regular, bold, italic, bold italic) and Arimo (regular, bold), Latin and Vietnamese subsets, whole and core, woff2 from /_astro/ only', () => {
    const seen = faces.map((f) => `${f.family} ${f.weight} ${f.style} ${/-(latin|vietnamese)-/.exec(f.file)?.[1]}${isCore(f) ? ' core' : ''}`).sort();
    const expected = FACES.map((f) => f.join(' ')).flatMap((f) => [`${f} latin`, `${f} vietnamese`, `${f} latin core`, `${f} vietnamese core`]).sort();
    expect(seen).toEqual(expected);
    // The core rules come after all the whole files' rules, so they are the ones a browser tries first.
    expect(faces.findIndex(isCore)).toBe(12);
    expect(faces.slice(12).every(isCore)).toBe(true);
    for (const face of faces) {
      // One self-hosted woff2 each: no local() (a machine's own copy may differ), no other host.
      const url = urlOfSrc(face.file);
      expect(url, face.file).toMatch(/^\/_astro\/(tinos|arimo)-(latin|vietnamese)-(400|700)-(normal|italic)(-core)?\.[\w-]+\.woff2$/);
      expect(existsSync(join(DIST, url!)), url).toBe(true);
      expect(face.display).toBe('swap');
    }
    // The files are the committed ones (src/styles/fonts/), byte for byte.
    for (const face of faces) {
      const name = /\/_astro\/([a-z]+-[a-z]+-\d+-[a-z]+(?:-core)?)\./.exec(urlOfSrc(face.file)!)![1]!;
      expect(readFileSync(join(DIST, urlOfSrc(face.file)!)).equals(readFileSync(join(FONT_DIR, `${name}.woff2`))), name).toBe(true);
    }
  });

  test('the committed files and @font-face rules are what `npm run fonts` makes from the installed @fontsource packages, byte for byte', async () => {
    const { files, css: rules } = await makeFonts();
    expect([...files.keys()].sort()).toEqual(readdirSync(FONT_DIR).sort());
    for (const [name, bytes] of files) expect(bytes.equals(readFileSync(join(FONT_DIR, name))), `${name}: run npm run fonts -- --write`).toBe(true);
    const stylesheet = readFileSync(FONT_CSS, 'utf8');
    expect(withFaces(stylesheet, rules), 'src/styles/fonts.css: run npm run fonts -- --write').toBe(stylesheet);
  });

  /** The glyph of each code point, as the source font draws it (outline and advance), to compare the made files with. */
  function expectSameGlyphs(shipped: fontkit.Font, source: fontkit.Font, codePoints: number[]) {
    expect(shipped.unitsPerEm).toBe(source.unitsPerEm);
    expect([shipped.ascent, shipped.descent, shipped.lineGap]).toEqual([source.ascent, source.descent, source.lineGap]);
    for (const cp of codePoints) {
      const [a, b] = [source.glyphForCodePoint(cp), shipped.glyphForCodePoint(cp)];
      expect(b.advanceWidth, `U+${cp.toString(16)}`).toBe(a.advanceWidth);
      // The same outline; hb-subset empties only .notdef (glyph 0, never drawn for a character the font maps).
      if (a.id !== 0) expect(b.path.toSVG(), `U+${cp.toString(16)}`).toBe(a.path.toSVG());
    }
    const tables = Object.keys((shipped as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
    expect(tables.filter((t) => ['fpgm', 'prep', 'cvt '].includes(t))).toEqual([]);
  }

  test.each(FONT_FILES)('%s: the @fontsource file less its hinting, every character, outline, advance width and kerning kept', (name) => {
    const source = fontkit.create(readFileSync(sourceOf(name))) as fontkit.Font;
    const shipped = fontkit.create(readFileSync(join(FONT_DIR, `${name}.woff2`))) as fontkit.Font;
    expect(shipped.characterSet).toEqual(source.characterSet);
    expect(shipped.numGlyphs).toBe(source.numGlyphs);
    expectSameGlyphs(shipped, source, source.characterSet);
    // Kerning and Vietnamese mark placement (GPOS) lay out the same text identically.
    const sample = 'AVATAR Tôi yêu Việt Nam, Đồng Nai: Ầ Ẩ Ẫ Ậ ỗ ợ ữ ự. To Wa Yo';
    const advances = (f: fontkit.Font) => f.layout(sample).positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]);
    expect(advances(shipped)).toEqual(advances(source));
  });

  test.each(FONT_FILES)('%s-core: the core characters of its @fontsource file, the same glyphs, and a unicode-range that is exactly its characters', (name) => {
    const source = fontkit.create(readFileSync(sourceOf(name))) as fontkit.Font;
    const core = fontkit.create(readFileSync(join(FONT_DIR, `${name}-core.woff2`))) as fontkit.Font;
    const whole = faces.find((f) => f.file.includes(`/${name}.`))!;
    const rule = faces.find((f) => f.file.includes(`/${name}-core.`))!;
    const wanted = [...new Set([...CORE_TEXT].map((c) => c.codePointAt(0)!))].filter((cp) => whole.ranges.some(([a, b]) => a <= cp && cp <= b) && source.hasGlyphForCodePoint(cp)).sort((a, b) => a - b);
    const held = core.characterSet.filter((cp) => cp !== 0xffff);
    expect(held).toEqual(wanted);
    expect(rule.ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))).toEqual(wanted);
    expectSameGlyphs(core, source, wanted);
    const sample = name.includes('vietnamese') ? 'ẦẨẪẬỗợữựđĐ' : 'AVATAR To Wa Yo, “Tôi” — 10 × 2 ÷ 4 … §3';
    const advances = (f: fontkit.Font) => f.layout(sample).positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]);
    expect(advances(core)).toEqual(advances(source));
  });

  test('what a page preloads stays small: at most 70 KB of woff2 for the 12 core files (138 KB for @fontsource\'s own)', () => {
    const preloaded = parse(readFileSync(join(DIST, 'index.html'), 'utf8')).querySelectorAll('link[rel="preload"][as="font"]');
    expect(preloaded).toHaveLength(12);
    expect(preloaded.reduce((sum, link) => sum + readFileSync(join(DIST, link.getAttribute('href')!)).length, 0)).toBeLessThanOrEqual(70_000);
    expect(FONT_FILES.reduce((sum, name) => sum + readFileSync(join(FONT_DIR, `${name}.woff2`)).length, 0)).toBeLessThanOrEqual(95_000);
  });

  test('every Vietnamese letter, lower and upper case, with each tone mark, is drawn by each face from its preloaded core files', () => {
    const vowels = [...'aăâeêioôơuưy'];
    const marks = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const letters = [...vowels.flatMap((v) => marks.map((m) => (v + m).normalize('NFC'))), ...'bcdđghklmnpqrstvx'];
    const all = [...letters, ...letters.map((l) => l.toUpperCase()), '₫'];
    expect(all.every((l) => [...l].length === 1)).toBe(true);
    expect(new Set(all).size).toBe(2 * (12 * 6 + 17) + 1);
    for (const [family, weight, style] of FACES) {
      expect(all.filter((l) => !draws(family, weight, style, l.codePointAt(0)!) || !isCore(faceFor(family, weight, style, l.codePointAt(0)!))), `${family} ${weight} ${style}`).toEqual([]);
    }
  });

  test('a character outside the core files comes from the whole file, which has it (a new edition may write any)', () => {
    for (const [family, weight, style] of FACES) {
      for (const c of [...'ÄÖÜßçñøæ¼²µ¶™Œœ']) {
        expect(isCore(faceFor(family, weight, style, c.codePointAt(0)!)), c).toBe(false);
        expect(draws(family, weight, style, c.codePointAt(0)!), `${family} ${weight} ${style} ${c}`).toBe(true);
      }
    }
  });

  const pages = htmlFiles(DIST).sort();

  test('every page preloads each face\'s core files, and nothing else, from the same files', () => {
    const all = faces.filter(isCore).map((f) => urlOfSrc(f.file)).sort();
    expect(all).toHaveLength(12);
    for (const file of pages) {
      const root = parse(readFileSync(join(DIST, file), 'utf8'));
      const preloads = root.querySelectorAll('link[rel="preload"]');
      // The form check and the offline page have no italic text and leave the italic faces to load if ever needed (FontPreloads).
      const expected = ['kiem-tra-bieu-mau/index.html', 'ngoai-tuyen/index.html'].includes(file) ? all.filter((url) => !/-italic-core\./.test(url!)) : all;
      expect(preloads.map((l) => l.getAttribute('href')).sort(), file).toEqual(expected);
      for (const link of preloads) {
        expect(link.getAttribute('as'), file).toBe('font');
        expect(link.getAttribute('type'), file).toBe('font/woff2');
        expect(link.hasAttribute('crossorigin'), file).toBe(true);
      }
    }
  });

  test('every character the pages show is in the preloaded core files, in each face (so no page fetches a whole file)', () => {
    const chars = new Map<number, string>();
    for (const file of pages) {
      const root = parse(readFileSync(join(DIST, file), 'utf8'), { blockTextElements: { script: false, style: false } });
      for (const ch of root.querySelector('body')?.textContent ?? '') if (!chars.has(ch.codePointAt(0)!)) chars.set(ch.codePointAt(0)!, file);
    }
    expect(chars.size).toBeGreaterThan(150);
    const missing = new Map<string, string[]>();
    for (const [family, weight, style] of FACES) {
      const lacking = [...chars.keys()].filter((cp) => cp > 0x20 && !(draws(family, weight, style, cp) && isCore(faceFor(family, weight, style, cp)))).map((cp) => String.fromCodePoint(cp));
      missing.set(`${family} ${weight} ${style}`, lacking);
    }
    // Eight symbols are not in the Latin and Vietnamese subsets of either font; they are drawn from
    // the reader's own fonts. Any other character missing fails here, naming the page it is on.
    const SYMBOLS = [...'←→▲▼◇○●✓'];
    for (const [face, lacking] of missing) {
      const unexpected = lacking.filter((c) => !SYMBOLS.includes(c)).map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase()}, ${chars.get(c.codePointAt(0)!)})`);
      expect(unexpected, face).toEqual([]);
    }
  });
});

/** Adobe's core-font widths (1/1000 em, by glyph name) and the glyph-name → code point list, as pdfjs-dist ships them. */
function coreFontMetrics(): { widths: (name: string) => Record<string, number>; unicode: Record<string, number> } {
  const source = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
  const table = (openings: string[], value: string) => {
    const start = Math.max(...openings.map((o) => source.indexOf(o)));
    if (start < 0) throw new Error(`pdfjs-dist has no ${openings[0]}: read the core-font metrics elsewhere`);
    const body = source.slice(start, source.indexOf('});', start));
    return Object.fromEntries([...body.matchAll(new RegExp(`t(?:\\.([A-Za-z0-9_]+)|\\["([^"]+)"\\]) = (${value});`, 'g'))].map((m) => [m[1] ?? m[2]!, Number(m[3])]));
  };
  return {
    widths: (name) => table([`t[${JSON.stringify(name)}] = getLookupTableFactory(function (t) {`, `t.${name} = getLookupTableFactory(function (t) {`], '\\d+'),
    unicode: table(['const getGlyphsUnicode = getLookupTableFactory(function (t) {'], '0x[0-9a-fA-F]+'),
  };
}

describe('the fonts break lines as Word does', () => {
  const { widths, unicode } = coreFontMetrics();
  // Where Times New Roman and Arial themselves differ from Adobe's Times and Helvetica, and so the
  // Liberation-metric clones Tinos and Arimo too: · ¯ ± ÷ µ.
  const KNOWN = new Set(['periodcentered', 'macron', 'divide', 'plusminus', 'mu']);
  test.each([
    ['Times-Roman', 'tinos-latin-400-normal'],
    ['Times-Bold', 'tinos-latin-700-normal'],
    ['Times-Italic', 'tinos-latin-400-italic'],
    ['Times-BoldItalic', 'tinos-latin-700-italic'],
    ['Helvetica', 'arimo-latin-400-normal'],
    ['Helvetica-Bold', 'arimo-latin-700-normal'],
  ])('%s widths: %s', (core, file) => {
    const f = fontkit.create(readFileSync(join(FONT_DIR, `${file}.woff2`))) as fontkit.Font;
    let compared = 0;
    const differ: string[] = [];
    for (const [name, width] of Object.entries(widths(core))) {
      const cp = unicode[name];
      if (cp === undefined || !f.hasGlyphForCodePoint(cp)) continue;
      compared += 1;
      const advance = (f.glyphForCodePoint(cp).advanceWidth * 1000) / f.unitsPerEm;
      if (Math.abs(advance - width) > 0.5 && !KNOWN.has(name)) differ.push(`${name} ${width} ≠ ${advance.toFixed(1)}`);
    }
    // Every letter, digit and punctuation mark of Latin-1 (211 glyphs of the subset) is compared.
    expect(compared).toBeGreaterThan(200);
    expect(differ).toEqual([]);
  });
});
