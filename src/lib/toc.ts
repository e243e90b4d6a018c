// Table of contents from the headings Astro collects while rendering a document.

export interface HeadingLike {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: { slug: string; text: string }[];
}

/** Two levels: h2 entries with their h3 children; deeper headings stay out of the way. */
export function buildToc(headings: HeadingLike[]): TocItem[] {
  const toc: TocItem[] = [];
  for (const heading of headings) {
    const entry = { slug: heading.slug, text: heading.text.trim() };
    if (heading.depth === 2) toc.push({ ...entry, children: [] });
    else if (heading.depth === 3) {
      const parent = toc.at(-1);
      if (parent) parent.children.push(entry);
      else toc.push({ ...entry, children: [] });
    }
  }
  return toc;
}
