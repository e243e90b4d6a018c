// A document's HTML as the loader rendered it (src/plugins/documents-loader.ts), or undefined for a
// document compiled as an MDX module (one using a feature with no static HTML, or every document
// under the unified processor): the page then renders its `Content`.
import type { CollectionEntry } from 'astro:content';
import { documentHtmlStore } from '../plugins/document-html';

export function documentHtml(doc: CollectionEntry<'van-ban'>): string | undefined {
  if (!doc.rendered) return undefined;
  const html = documentHtmlStore().get(doc.id);
  // Never a page without its text: a rendered entry whose HTML this process does not hold stops the build.
  if (html === undefined) throw new Error(`Văn bản ${doc.id}: không có HTML đã dựng của văn bản trong lần dựng này (bộ nạp văn bản, src/plugins/documents-loader.ts).`);
  return html;
}
