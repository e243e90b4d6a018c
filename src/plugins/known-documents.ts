// Which documents the site publishes, from the content files read before the build
// (src/lib/content/content-files.ts), so the Markdown plugins can link citations and check explicit links
// before Astro's collections exist (plugins run while they load).
import type { ContentFile } from '../lib/content/content-files';
import { routes } from '../lib/site/routes.ts';

export interface PublishedDocument {
  /** Collection entry id (file name without .mdx). */
  id: string;
  collection: 'chuong-trinh' | 'van-ban';
  href: string;
  number?: string;
  symbol?: string;
  year?: number;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function publishedDocuments(files: ContentFile[]): PublishedDocument[] {
  const published = (collection: PublishedDocument['collection']) =>
    files
      .filter((f) => f.collection === collection)
      .map((f): PublishedDocument => {
        const data = (f.frontMatter.data && typeof f.frontMatter.data === 'object' ? f.frontMatter.data : {}) as Record<string, unknown>;
        // A programme gives its number and symbol apart; a document as one "56/KH-TLĐ".
        const [number, symbol] = collection === 'chuong-trinh' ? [text(data.number), text(data.symbol)] : (text(data.number)?.split(/\/(.*)/s) ?? []);
        const issueDate = text(data.issueDate);
        return { id: f.id, collection, href: collection === 'van-ban' ? routes.document(f.id) : routes.programme(f.id), number, symbol, year: issueDate ? Number(issueDate.slice(0, 4)) : undefined };
      });
  return [...published('chuong-trinh'), ...published('van-ban')];
}
