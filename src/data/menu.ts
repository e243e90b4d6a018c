// The header menu's documents: the first of each kind (plan, outline, memo) in the edition's order.
// Computed once per build: every page renders the menu, and sorting every document for each page
// is quadratic work on a large site.
import { getCollection } from 'astro:content';
import { docTypeLabels } from '../lib/site/site';
import { sortDocuments } from '../lib/documents/documents';
import { routes } from '../lib/site/routes';

let links: Promise<{ href: string; label: string }[]> | undefined;

export function documentMenu(): Promise<{ href: string; label: string }[]> {
  links ??= (async () => {
    const firstOfKind = new Map<string, { id: string }>();
    for (const doc of sortDocuments(await getCollection('van-ban'))) if (!firstOfKind.has(doc.data.docType)) firstOfKind.set(doc.data.docType, doc);
    return (Object.keys(docTypeLabels) as (keyof typeof docTypeLabels)[])
      .flatMap((kind) => { const doc = firstOfKind.get(kind); return doc ? [{ href: routes.document(doc.id), label: docTypeLabels[kind] }] : []; });
  })();
  return links;
}
