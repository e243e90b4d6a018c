// The HTML of the documents the loader rendered (documents-loader.ts), by entry id, kept in this
// process for the pages (src/data/document-html.ts) rather than in Astro's content store. Astro turns
// its whole store into one JavaScript module that the build bundles and V8 compiles before the first
// page: with each document's HTML in it, at 10,000 documents that compile alone took 15 s of page
// generation and the bundling 10 s more (docs/benchmarks.md). The store keeps each document's
// headings and front matter, and an empty `html`. The loader and the pages run in one process in
// `astro build` and `astro dev` alike, and on globalThis, as Astro's config, the content config and the
// pages are separate module instances.
const KEY = Symbol.for('congdoan-soket.document-html');

export function documentHtmlStore(): Map<string, string> {
  const slot = globalThis as Record<symbol, Map<string, string> | undefined>;
  return (slot[KEY] ??= new Map());
}
