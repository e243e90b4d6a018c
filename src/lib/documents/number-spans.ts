// Numbers, symbols and dates kept on one line in a document's rendered text.

// A number and symbol ("231-KH/TU", "2494/CTr-TLĐ"), a date ("20/8/2020") or a span of years
// ("2015-2020"): digits, then letters or digits, joined by "-" or "/".
const NUMBER_TOKEN = /\d[\p{L}\p{N}]*(?:[-/][\p{L}\p{N}]+)+/gu;
// A tag (its name and attributes), a comment, a run of text, or a lone "<".
const PIECES = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>|<!--[\s\S]*?-->|[^<]+|</g;
// Text that is not read as prose: left exactly as it is.
const VERBATIM = new Set(['code', 'pre', 'script', 'style', 'textarea']);

/**
 * The rendered text with each number, symbol and date in a span that never wraps: browsers may
 * break a line after a hyphen or slash ("231-" / "KH/TU"), which a reader cannot take for one
 * number. Only text between tags changes (never an attribute), and not inside code or a span that
 * already keeps its text whole. Done on the page's HTML, once, rather than by the Markdown plugins:
 * there each span was a node of every compiled document, and on the 10,000-document benchmark the
 * compiled documents were what the bundler and the build's memory had to carry (docs/benchmarks.md).
 */
export function keepNumbersWhole(html: string): string {
  // For each open span, whether it already keeps its text whole.
  const spans: boolean[] = [];
  let kept = 0;
  let verbatim = 0;
  return html.replace(PIECES, (piece, closing: string | undefined, tag: string | undefined, attributes: string | undefined) => {
    if (tag) {
      const name = tag.toLowerCase();
      if (VERBATIM.has(name)) verbatim = Math.max(0, verbatim + (closing ? -1 : 1));
      else if (name === 'span' && !attributes?.trimEnd().endsWith('/')) {
        if (closing) {
          if (spans.pop()) kept -= 1;
        } else {
          const keeps = /\bclass="(?:[^"]*\s)?so-hieu[\s"]/.test(attributes ?? '');
          spans.push(keeps);
          if (keeps) kept += 1;
        }
      }
      return piece;
    }
    if (piece[0] === '<' || verbatim > 0 || kept > 0 || !/\d/.test(piece)) return piece;
    return piece.replace(NUMBER_TOKEN, (token) => `<span class="so-hieu">${token}</span>`);
  });
}
