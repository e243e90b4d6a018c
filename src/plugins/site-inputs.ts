// What the site's Markdown plugins are made with, for the project at a root: one definition for
// astro.config.mjs (the processor, the compile cache, the rendering started ahead) and the content
// config (the documents' loader), which are separate module instances reading the same cached content.
import { join } from 'node:path';
import { readContent } from '../lib/gateway/content.ts';
import { publishedDocuments } from './known-documents.ts';
import type { CitationLinkerOptions } from './citation-linker.ts';

export function siteInputs(root: string): { citations: CitationLinkerOptions } {
  return { citations: { published: publishedDocuments(readContent(root).files) } };
}

/** The documents' files (content/van-ban/*.mdx), absolute, as the glob loader names them. */
export function documentFiles(root: string): string[] {
  return readContent(root).files.filter((f) => f.collection === 'van-ban' && !f.fileProblems).map((f) => join(root, f.file));
}
