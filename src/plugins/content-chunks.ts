// The server build's chunks for the edition's MDX entries, a few shared files instead of several a
// document. Left to itself, Astro's prerender build gives each document its own chunks (the compiled
// document and its propagated-assets module): 3,000 files at 1,000 documents, 30,000 at 10,000, each
// written to dist/.prerender/, imported once while the pages are generated and deleted with that
// folder. Creating and deleting thousands of files is what a disk does slowest (docs/benchmarks.md),
// and importing thousands of modules costs Node more than importing the same code as a few. The pages
// are byte for byte the same either way: chunks decide where the code lives, not what it renders.
import { relative, sep } from 'node:path';
import { contentPaths } from '../lib/content/paths.ts';

/**
 * How many chunks the documents share. A document's chunk comes from a hash of its path, so adding or
 * changing one document changes one chunk, and Node's compile cache keeps the others on a rebuild.
 */
export const CONTENT_CHUNKS = 16;

/** 32-bit FNV-1a: small, stable across Node versions and machines, enough to spread paths evenly. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The chunk a module of the build goes to: `content-<n>` for an MDX file inside the edition's
 * content folder (with or without a query, as Vite names a document's derived modules), null for
 * every other module, which the bundler places as it would. `root` is the project folder.
 */
export function contentChunkName(moduleId: string, root: string, chunks = CONTENT_CHUNKS): string | null {
  const file = moduleId.replace(/[?#].*$/s, '');
  if (!file.endsWith('.mdx')) return null;
  const path = relative(root, file).split(sep).join('/');
  if (!path.startsWith(`${contentPaths.root}/`)) return null;
  return `content-${fnv1a(path) % chunks}`;
}

/**
 * Rolldown's output option that groups the documents' modules (`build.rolldownOptions.output` in the
 * Vite config, which Astro passes to both the server and the browser build; the browser build has
 * no MDX module, so nothing there changes).
 */
export function contentChunks(root: string, chunks = CONTENT_CHUNKS) {
  return {
    codeSplitting: {
      groups: [{ name: (moduleId: string) => contentChunkName(moduleId, root, chunks), test: /\.mdx(?:$|[?#])/ }],
    },
  };
}
