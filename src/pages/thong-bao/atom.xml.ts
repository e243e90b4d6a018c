import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { atomFeed, documentFeedEntry, plainSummary } from '../../lib/views/notices';
import { lastCommitDate } from '../../lib/documents/last-updated';
import { site } from '../../lib/site/site';

/** New and changed documents and the office's notices, as Atom 1.0 (notices.ts, written by the `feed` library). */
export const GET: APIRoute = async () => {
  const changed = (path: string | undefined) => (path ? lastCommitDate(path, process.cwd())?.iso : undefined);
  const documents = (await getCollection('van-ban')).map((d) => documentFeedEntry(d, changed(d.filePath)));
  const notices = (await getCollection('thong-bao')).map((n) => ({ ...n, ...(changed(n.filePath) ? { updated: changed(n.filePath)! } : {}), summary: plainSummary(n.body ?? n.data.title) }));
  const xml = atomFeed({ siteUrl: site.url, title: site.name, publisher: site.publisher, documents, notices });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
