// The documents' loader (documents-loader.ts), made in astro.config.mjs and handed to the content
// config through this module. Imported by the content config itself, the loader and everything under
// it (Sätteri, the site's plugins, Astro's loaders) went through Vite's module runner a second time,
// beside the instances Node had already loaded for astro.config.mjs: 0.2 s of every build, a rebuild
// of the real site included (docs/benchmarks.md). Astro always evaluates astro.config.mjs first, in
// the same process; the hand-over is on globalThis, as the two are separate module instances.
import type { Loader } from 'astro/loaders';

const KEY = Symbol.for('congdoan-soket.documents-loader');
const slot = globalThis as Record<symbol, Loader | undefined>;

export function shareDocumentsLoader(loader: Loader): void {
  slot[KEY] = loader;
}

export function sharedDocumentsLoader(): Loader {
  const loader = slot[KEY];
  if (!loader) throw new Error('Bộ nạp văn bản chưa có: astro.config.mjs tạo nó (src/plugins/documents-bridge.ts); hãy chạy qua astro build, astro dev hay npm run build.');
  return loader;
}
