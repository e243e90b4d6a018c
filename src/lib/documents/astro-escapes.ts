// A document's HTML with the character escapes Astro's own JSX rendering writes.
//
// With MDX's `optimize` (astro.config.mjs), the Sätteri processor serialises each static part of a
// document to HTML once, at compile time, instead of compiling it to a call per element that Astro
// renders on every build (docs/benchmarks.md). Its serialiser escapes a few characters differently
// from Astro: `"` and `'` stay raw in text, `'` is `&#x27;` and `<`, `>` stay raw in attribute
// values. Both are valid HTML with the same text, but the published pages stay byte for byte as
// before and as the unified pipeline (no `optimize`) writes them: tests/processor-parity.test.ts.

// A comment, a tag with its attributes (a quoted value may hold ">"), a run of text, or a lone "<".
const PIECES = /<!--[\s\S]*?-->|<[a-zA-Z/](?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;
const ATTRIBUTE_VALUE = /="([^"]*)"/g;
// Text Astro leaves as it is: the content of these elements is not escaped by it either.
const VERBATIM = /^<(\/?)(script|style)\b/i;

const TEXT_ESCAPES: Record<string, string> = { '"': '&quot;', "'": '&#39;' };
const VALUE_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', "'": '&#39;', '&#x27;': '&#39;' };

/**
 * `html` with `"` and `'` in text and `<`, `>`, `'` in double-quoted attribute values escaped as
 * Astro escapes them (`&quot;`, `&#39;`, `&lt;`, `&gt;`). HTML that Astro rendered is returned
 * unchanged, so this may run over a whole page whatever rendered its parts.
 */
export function astroEscapes(html: string): string {
  let verbatim = false;
  return html.replace(PIECES, (piece) => {
    if (piece[0] !== '<' || piece === '<') return verbatim ? piece : piece.replace(/["']/g, (c) => TEXT_ESCAPES[c]!);
    if (piece.startsWith('<!--')) return piece;
    const tag = VERBATIM.exec(piece);
    if (tag) verbatim = tag[1] !== '/';
    return piece.replace(ATTRIBUTE_VALUE, (whole, value: string) => (/[<>']|&#x27;/.test(value) ? `="${value.replace(/&#x27;|[<>']/g, (c) => VALUE_ESCAPES[c]!)}"` : whole));
  });
}
