// A document compiled with MDX's `optimize` (its static parts serialised to HTML by Sätteri) prints
// with the same escapes as Astro's rendering of the same document compiled without it; the whole
// site is compared under both processors in tests/processor-parity.test.ts.
import { describe, expect, test } from 'vitest';
import { mdxToJs } from 'satteri';
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { astroEscapes } from '../src/lib/documents/astro-escapes';

/** The HTML Sätteri's `optimize` serialises for a one-paragraph MDX source. */
async function optimized(source: string): Promise<string> {
  const { code } = await mdxToJs(source, { optimizeStatic: { component: 'Fragment', prop: 'set:html' }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
  const literal = /"set:html": ("(?:[^"\\]|\\.)*")/.exec(code)?.[1];
  if (!literal) throw new Error(`no static HTML in:\n${code}`);
  return JSON.parse(literal) as string;
}

describe('astroEscapes', () => {
  test('quotes in text and <, >, \' in attribute values are escaped as Astro escapes them', async () => {
    const text = `Chương trình "Mái ấm Công đoàn" và 'Tết Sum vầy', a > b & c`;
    const title = `Mở "trang" > 'x' & <y>`;
    const html = await optimized(`${text.replace('<', '\\<')}\n\n[liên kết](/x "${title.replace(/"/g, '\\"')}")`);
    // What Sätteri writes differs from Astro's rendering, which escapes every text and value with escapeHTML.
    expect(html).toContain(`"Mái ấm Công đoàn"`);
    expect(astroEscapes(html)).toBe(`<p>${escapeHTML(text)}</p>\n<p><a href="/x" title="${escapeHTML(title)}">liên kết</a></p>`);
  });

  test('text in code keeps its escapes too, as Astro escapes it there', async () => {
    const html = await optimized("`a \"b\" > 'c'`");
    expect(astroEscapes(html)).toBe(`<p><code>${escapeHTML(`a "b" > 'c'`)}</code></p>`);
  });

  test('HTML Astro rendered, comments, scripts and styles are left as they are', () => {
    const rendered = `<p class="x" title="${escapeHTML(`"q" <a> 'b'`)}">${escapeHTML(`"q" & 'b' > c`)}</p><span class="moc" id="a"></span>`;
    expect(astroEscapes(rendered)).toBe(rendered);
    const verbatim = `<!-- "x" 'y' --><script>const a = "b" > 'c';</script><style>a[title="x"]::after { content: 'y'; }</style><p>"z"</p>`;
    expect(astroEscapes(verbatim)).toBe(`<!-- "x" 'y' --><script>const a = "b" > 'c';</script><style>a[title="x"]::after { content: 'y'; }</style><p>&quot;z&quot;</p>`);
  });

  test('running it twice changes nothing more', async () => {
    const once = astroEscapes(await optimized(`"a" 'b' [c](/d "e 'f' > g")`));
    expect(astroEscapes(once)).toBe(once);
  });
});
