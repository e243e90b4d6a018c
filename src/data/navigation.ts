// Links between documents, computed once per build: the header menu's documents (the first of each
// kind, in the edition's order), each document's previous and next, and the review's timeline.
// Every page renders the menu and every document page its neighbours; sorting every document for
// each page is quadratic work on a large site (10,000 documents: 10,000 sorts of 10,000).
import { getCollection } from 'astro:content';
import { docTypeLabels } from '../lib/documents/content-schemas';
import { sortDocuments, timelineOf } from '../lib/documents/documents';
import { routes } from '../lib/site/routes';
import { sequenceOf, type Neighbours } from '../lib/documents/sequence';

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

interface SequenceItem { id: string; order: number; title: string }
let sequence: Promise<Map<string, Neighbours<SequenceItem>>> | undefined;

/** The documents before and after `id` in reading order (the plan, the outline, the memo). */
export async function documentNeighbours(id: string): Promise<Neighbours<SequenceItem>> {
  sequence ??= (async () => {
    const items = (await getCollection('van-ban')).map((v) => ({ id: v.id, order: v.data.order, title: v.data.shortTitle }));
    return sequenceOf(items);
  })();
  return (await sequence).get(id) ?? {};
}

let timeline: Promise<ReturnType<typeof timelineOf>> | undefined;

/** Every dated task of the edition's documents, in their order: the home page, the plan, each unit's page and the unit list. */
export function reviewTimeline(): Promise<ReturnType<typeof timelineOf>> {
  // timelineOf puts the documents in their order itself.
  timeline ??= (async () => timelineOf(await getCollection('van-ban')))();
  return timeline;
}
