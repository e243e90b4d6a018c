// Reads which documents the site publishes, straight from content/, so the remark plugins can link
// citations and check explicit links before Astro's collections exist (plugins run while they load).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

export interface PublishedDocument {
  /** Collection entry id (file name without .mdx). */
  id: string;
  collection: 'chuong-trinh' | 'van-ban';
  href: string;
  number?: string;
  symbol?: string;
  year?: number;
}

function frontMatter(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (block === undefined) return {};
  const data = yaml.load(block);
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function mdxFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort() : [];
}

export function loadPublishedDocuments(contentDir: string): PublishedDocument[] {
  const programmes = mdxFiles(join(contentDir, 'chuong-trinh')).map((file): PublishedDocument => {
    const data = frontMatter(join(contentDir, 'chuong-trinh', file));
    const id = file.replace(/\.mdx$/, '');
    const issueDate = typeof data.issueDate === 'string' ? data.issueDate : undefined;
    return {
      id,
      collection: 'chuong-trinh',
      href: `/chuong-trinh/${id}/`,
      number: typeof data.number === 'string' ? data.number : undefined,
      symbol: typeof data.symbol === 'string' ? data.symbol : undefined,
      year: issueDate ? Number(issueDate.slice(0, 4)) : undefined,
    };
  });
  const documents = mdxFiles(join(contentDir, 'van-ban')).map((file): PublishedDocument => {
    const data = frontMatter(join(contentDir, 'van-ban', file));
    const id = file.replace(/\.mdx$/, '');
    const [number, symbol] = typeof data.number === 'string' ? data.number.split(/\/(.*)/s) : [];
    const issueDate = typeof data.issueDate === 'string' ? data.issueDate : undefined;
    return {
      id,
      collection: 'van-ban',
      href: `/van-ban/${id}/`,
      number,
      symbol,
      year: issueDate ? Number(issueDate.slice(0, 4)) : undefined,
    };
  });
  return [...programmes, ...documents];
}
