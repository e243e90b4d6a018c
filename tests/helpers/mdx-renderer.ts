// Documents as @astrojs/mdx hands them to the Markdown processor, and the renderer options the site's
// build passes, for the tests of the processor's wrappers (compile-ahead, compile-cache): each
// compares what a wrapper gives with what the processor alone compiles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { writeDocuments } from '../../scripts/bench/corpus';
import { readContentFiles } from '../../src/lib/content/content-files';
import { publishedDocuments } from '../../src/plugins/known-documents';
import { satteriProcessor } from '../../src/plugins/satteri';

/** The citation plugin's options for the project's own content. */
export const citations = { published: publishedDocuments(readContentFiles('.')) };

type CreateMdxRenderer = NonNullable<ReturnType<typeof satteriProcessor>['createMdxRenderer']>;
export type Renderer = Awaited<ReturnType<CreateMdxRenderer>>;
/** What @astrojs/mdx hands the processor in the site's build (Astro's defaults; smartypants from the processor's features). */
export const SHARED: Parameters<CreateMdxRenderer>[0] = {
  syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
  shikiConfig: { langs: [], theme: 'github-dark', themes: {}, wrap: false, transformers: [], langAlias: {} },
  gfm: true,
  smartypants: false,
};
export const MDX = { optimize: true, srcDir: pathToFileURL(join(process.cwd(), 'src/')), sourcemap: false };

export interface Doc {
  filePath: string;
  content: string;
  frontmatter: Record<string, unknown>;
}

/** A document as @astrojs/mdx passes it: its body, and its front matter parsed. */
export function docOf(filePath: string): Doc {
  const text = readFileSync(filePath, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
  return { filePath, content: text.slice(match[0].length), frontmatter: load(match[1]!) as Record<string, unknown> };
}

/** What a renderer gives for a document: its compiled code and metadata as JSON, or its error's message. */
export const outcome = (renderer: Renderer, doc: Doc) =>
  renderer.process(doc.content, doc.filePath, structuredClone(doc.frontmatter)).then(
    (result) => JSON.stringify(result),
    (error: Error) => `error: ${error.message}`,
  );

/** A document the site's plugin refuses (a link to a document that does not exist). */
export const broken: Doc = {
  filePath: join(process.cwd(), 'content/van-ban/lien-ket-hong.mdx'),
  content: '## I. MỤC ĐÍCH\n\nXem [kế hoạch](/van-ban/khong-co-van-ban-nay/).\n',
  frontmatter: {},
};

/**
 * The project's documents and `count` synthetic ones written to `dir` (the benchmark's generator),
 * and what the processor alone gives for each of them and for `broken`, by file path.
 */
export async function documentsCompiled(dir: string, count: number): Promise<{ docs: Doc[]; expected: Map<string, string> }> {
  writeDocuments(dir, count);
  const real = readdirSync('content/van-ban').map((name) => join(process.cwd(), 'content/van-ban', name));
  const docs = [...real, ...readdirSync(dir).sort().map((name) => join(dir, name))].map(docOf);
  const plain = await satteriProcessor(citations).createMdxRenderer!(SHARED, MDX);
  const expected = new Map<string, string>();
  for (const doc of [...docs, broken]) expected.set(doc.filePath, await outcome(plain, doc));
  return { docs, expected };
}
