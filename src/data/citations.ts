// Collects the citation records the remark plugin left on every rendered document. Astro-side
// (reads collections); the grouping logic itself is the pure src/lib/citations/citation-register.ts.
import { getCollection, render } from 'astro:content';
import { backlinksFor, buildRegister, decodeCitationRecords, type CitationRecord, type CitedAt, type RegisterEntry } from '../lib/citations/citation-register';
import { sortDocuments } from '../lib/documents/documents';

let cached: Promise<{ records: CitationRecord[]; titles: Map<string, string> }> | undefined;

export function citationRecords(): Promise<{ records: CitationRecord[]; titles: Map<string, string> }> {
  cached ??= (async () => {
    const docs = sortDocuments(await getCollection('van-ban'));
    const records: CitationRecord[] = [];
    for (const doc of docs) {
      const { remarkPluginFrontmatter } = await render(doc);
      records.push(...decodeCitationRecords((remarkPluginFrontmatter as { citations?: unknown }).citations, doc.id));
    }
    return { records, titles: new Map(docs.map((d) => [d.id, d.data.shortTitle])) };
  })();
  return cached;
}

let register: Promise<RegisterEntry[]> | undefined;

/** The register of cited documents, grouped once for the register page and its whole lists. */
export function citationRegister(): Promise<RegisterEntry[]> {
  register ??= citationRecords().then(({ records }) => buildRegister(records));
  return register;
}

const backlinks = new Map<string, Promise<CitedAt[]>>();

/** Where a published document is cited, grouped once for its page and its whole list. */
export function citedAtOf(publishedId: string): Promise<CitedAt[]> {
  let places = backlinks.get(publishedId);
  if (!places) {
    places = citationRecords().then(({ records }) => backlinksFor(records, publishedId));
    backlinks.set(publishedId, places);
  }
  return places;
}
