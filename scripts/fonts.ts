// `npm run fonts`: the site's woff2 files (src/styles/fonts/), made from @fontsource/tinos and
// @fontsource/arimo by dropping their TrueType hinting (hb-subset, through subset-font): every
// glyph, character, advance width, kerning pair and layout rule is kept, only the instructions that
// snap outlines to a low-resolution pixel grid go. Phones and print never use them, and Tinos's
// were 40% of its bytes: the 12 files went from 138 KB to 90 KB, what Lighthouse mobile found
// holding the first paint (issue 29). The files are committed so a build costs nothing for them;
// this script reproduces them byte for byte from the installed packages, and tests/fonts.test.ts
// fails when a committed file is not what it makes (after a package update: `npm run fonts -- --write`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error subset-font ships no types; its one export is used as documented in its README.
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/** Where the site's font files are, beside src/styles/fonts.css. */
export const FONT_DIR = fileURLToPath(new URL('../src/styles/fonts/', import.meta.url));

/** The faces the site uses, as @fontsource names them: family, subset, weight and style. */
export const FONT_FILES: readonly string[] = ['tinos', 'arimo'].flatMap((family) =>
  ['latin', 'vietnamese'].flatMap((subset) =>
    (family === 'tinos' ? ['400-normal', '700-normal', '400-italic', '700-italic'] : ['400-normal', '700-normal']).map((face) => `${family}-${subset}-${face}`),
  ),
);

/** The @fontsource file a site font is made from. */
export const sourceOf = (name: string) => require.resolve(`@fontsource/${name.split('-')[0]}/files/${name}.woff2`);

/** Each site font's bytes, made from its @fontsource file: all glyphs kept, hinting dropped. */
export async function makeFonts(): Promise<Map<string, Buffer>> {
  const made = new Map<string, Buffer>();
  for (const name of FONT_FILES) {
    made.set(name, Buffer.from(await subsetFont(readFileSync(sourceOf(name)), '', { targetFormat: 'woff2', noHinting: true, keepAllGlyphs: true })));
  }
  return made;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const write = process.argv.includes('--write');
  const made = await makeFonts();
  const stale: string[] = [];
  if (write) mkdirSync(FONT_DIR, { recursive: true });
  for (const [name, bytes] of made) {
    const path = join(FONT_DIR, `${name}.woff2`);
    if (write) writeFileSync(path, bytes);
    else {
      let current: Buffer | undefined;
      try {
        current = readFileSync(path);
      } catch {
        current = undefined;
      }
      if (!current?.equals(bytes)) stale.push(`src/styles/fonts/${name}.woff2`);
    }
  }
  if (stale.length) {
    console.error(`Tệp phông chữ không khớp với gói @fontsource đã cài: ${stale.join(', ')}. Chạy \`npm run fonts -- --write\`.`);
    process.exit(1);
  }
  console.log(write ? `Đã ghi ${made.size} tệp phông chữ vào src/styles/fonts/.` : `${made.size} tệp phông chữ khớp với gói @fontsource đã cài.`);
}
