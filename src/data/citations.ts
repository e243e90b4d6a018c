// Collects the citation records the remark plugin left on every rendered document. Astro-side
// (reads collections); the grouping logic itself is the pure src/lib/citation-register.ts.
import { getCollection, render } from 'astro:content';
import { decodeCitationRecords, type CitationRecord } from '../lib/citation-register';
import { sortDocuments } from '../lib/documents';

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
