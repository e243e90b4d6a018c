// Loads the real Pagefind client (dist/pagefind/pagefind.js) in Node, serving its fetches from disk.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGEFIND_OPTIONS, RESULTS_PER_PAGE, runSearch, type PagefindLike, type SearchHit } from '../../src/lib/search/run.ts';

export interface NodePagefind extends PagefindLike {
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const instances = new Map<string, Promise<NodePagefind>>();

export function loadPagefind(dist = process.env.DIST_DIR ?? 'dist'): Promise<NodePagefind> {
  const root = resolve(dist);
  let instance = instances.get(root);
  if (!instance) {
    instance = (async () => {
      const realFetch = globalThis.fetch;
      globalThis.fetch = (async (input: string | URL | Request) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const path = new URL(url, 'http://localhost/').pathname;
        if (!path.startsWith('/pagefind/')) return realFetch(input);
        const body = readFileSync(join(root, decodeURIComponent(path)));
        return new Response(body, { headers: { 'content-type': path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
      }) as typeof fetch;
      const module = (await import(/* @vite-ignore */ pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href)) as NodePagefind & {
        options: (o: Record<string, unknown>) => Promise<void>;
        init: () => Promise<void>;
      };
      await module.options(PAGEFIND_OPTIONS);
      await module.init();
      return module;
    })();
    instances.set(root, instance);
  }
  return instance;
}

/** The results a reader sees after one "Xem thêm kết quả": the first two pages, twenty at most. */
export async function search(query: string, options: { filters?: Record<string, string[]>; dist?: string } = {}): Promise<SearchHit[]> {
  return runSearch(await loadPagefind(options.dist), query, { filters: options.filters, depth: 2 * RESULTS_PER_PAGE });
}
