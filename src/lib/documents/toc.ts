// Table of contents from the headings Astro collects while rendering a document.

export interface HeadingLike {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  /** A heading set as several lines ("PHẦN THỨ HAI" / "Nhiệm vụ…" / "Những đề xuất…"), one per line. */
  lines: string[];
}

export interface TocItem extends TocEntry {
  children: TocEntry[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The lines of headings written as a title followed by `<span className="heading-sub">` parts in
 * the MDX source, keyed by their text as Astro reports it (the parts run together with spaces).
 */
export function headingLines(mdxBody: string): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const line of mdxBody.split('\n')) {
    if (!/^#{2,4} /.test(line) || !line.includes('heading-sub')) continue;
    const subs = [...line.matchAll(/<span className="heading-sub">([^<]*)<\/span>/g)].map((m) => squash(m[1]));
    const main = squash(line.replace(/^#+ /, '').replace(/<span className="heading-sub">[^<]*<\/span>/g, ''));
    const parts = [main, ...subs].filter(Boolean);
    lines.set(squash(parts.join(' ')), parts);
  }
  return lines;
}

/**
 * Two levels: h2 entries with their h3 children; deeper headings stay out of the way. `extra`
 * entries (sections the page adds after the document, like its timeline) come last.
 */
export function buildToc(headings: HeadingLike[], options: { lines?: Map<string, string[]>; extra?: { slug: string; text: string }[] } = {}): TocItem[] {
  const toc: TocItem[] = [];
  const entryOf = (slug: string, raw: string): TocEntry => {
    const text = squash(raw);
    return { slug, text, lines: options.lines?.get(text) ?? [text] };
  };
  for (const heading of headings) {
    const entry = entryOf(heading.slug, heading.text);
    if (heading.depth === 2) toc.push({ ...entry, children: [] });
    else if (heading.depth === 3) {
      const parent = toc.at(-1);
      if (parent) parent.children.push(entry);
      else toc.push({ ...entry, children: [] });
    }
  }
  for (const extra of options.extra ?? []) toc.push({ ...entryOf(extra.slug, extra.text), children: [] });
  return toc;
}
