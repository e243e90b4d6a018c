// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { satteriProcessor } from './src/plugins/satteri.ts';
import { compileAhead } from './src/plugins/compile-ahead.ts';
import { compileCache, compileFingerprint } from './src/plugins/compile-cache.ts';
import { buildCacheDir } from './src/lib/fs/cached-file.ts';
import remarkVietnameseAnchors from './src/plugins/remark-vietnamese-anchors.ts';
import contentCheck from './src/integrations/content-check.ts';
import siteFiles from './src/integrations/site-files.ts';
import reportKit from './src/integrations/report-kit.ts';
import compileAheadIntegration from './src/integrations/compile-ahead.ts';
import compileCacheIntegration from './src/integrations/compile-cache.ts';
import documentsAhead from './src/integrations/documents-ahead.ts';
import { documentsLoader } from './src/plugins/documents-loader.ts';
import { shareDocumentsLoader } from './src/plugins/documents-bridge.ts';
import { siteInputs } from './src/plugins/site-inputs.ts';
import { contentPaths } from './src/lib/content/paths.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import { contentChunks } from './src/plugins/content-chunks.ts';
import { fileURLToPath } from 'node:url';
import { readContent } from './src/lib/gateway/content.ts';
import { formatProblems } from './src/lib/problems/problem.ts';

// content/ read once per process (src/lib/gateway/content.ts): the front-matter check, the citation
// plugins, the site's address and the pages' data all take this one reading.
const root = fileURLToPath(new URL('.', import.meta.url));
const content = readContent(root);
// The citation plugins' options, as the documents' loader and its threads make them (site-inputs.ts).
const { published } = siteInputs(root).citations;

// The same transforms (plain mdast/hast functions) under either Markdown processor. Sätteri is the
// default: on 10,000 documents it builds faster and in less memory than unified with identical
// pages (docs/benchmarks.md; tests/processor-parity.test.ts checks the identity on every build).
// MARKDOWN_PROCESSOR=unified selects the remark/rehype pipeline.
const useUnified = process.env.MARKDOWN_PROCESSOR === 'unified';
/**
 * A count from the environment (tests build a small site with a low threshold), or the default.
 * @template {number | undefined} T
 * @param {string} name
 * @param {T} fallback
 * @returns {number | T}
 */
function countFromEnv(name, fallback) {
  const value = process.env[name];
  if (value === undefined) return fallback;
  if (/^\d+$/.test(value)) return Number(value);
  console.warn(`${name}="${value}" không phải một số văn bản (số nguyên không âm): dùng ngưỡng mặc định.`);
  return fallback;
}
// With Sätteri, the documents (content/van-ban/) are rendered to HTML as Astro loads them
// (src/plugins/documents-loader.ts) and never reach the bundler. Programmes, notices and any document
// using an MDX feature with no static HTML are compiled as modules: with enough of them, in a worker
// thread as well as on the main thread (src/plugins/compile-ahead.ts), the second core's time.
// SOKET_COMPILE_AHEAD_MIN changes from how many of them.
const compileAheadMin = countFromEnv('SOKET_COMPILE_AHEAD_MIN', undefined);
const ahead = useUnified
  ? null
  : compileAhead(satteriProcessor({ published }), {
      workerUrl: new URL('./src/plugins/compile-ahead-worker.ts', import.meta.url),
      citations: { published },
      // The documents go to the loader: the programmes and notices are what the bundler compiles.
      capacity: content.files.filter((f) => f.collection !== 'van-ban').length,
      ...(compileAheadMin !== undefined ? { minDocuments: compileAheadMin } : {}),
    });
// The documents' collection loader (src/content.config.ts takes it from here: src/plugins/documents-bridge.ts):
// each document rendered to HTML as it loads, kept between builds (src/plugins/documents-loader.ts).
shareDocumentsLoader(documentsLoader({ base: `./${contentPaths.documents}`, pattern: '**/*.mdx', site: siteInputs }));
// In front of the worker and the main thread, the compiled documents of the last `astro build`, kept
// by a key of everything that decides them (src/plugins/compile-cache.ts): a rebuild compiles only
// what changed.
const fingerprint = ahead ? compileFingerprint(root, { published }) : undefined;
const cache = ahead && fingerprint ? compileCache(ahead.processor, { dir: buildCacheDir(root, 'bien-dich'), fingerprint }) : null;
const processor = cache
  ? cache.processor
  : ahead
  ? ahead.processor
  : unified({
      // Anchors first: the citation plugin records the heading id each citation sits under.
      remarkPlugins: [remarkVietnameseAnchors, [remarkCitations, { published }]],
      // No SmartyPants: it would rewrite the quotes and dashes of an official text.
      smartypants: false,
    });

// The site address comes from the edition file; a bad file stops here with its file:line message.
if (!content.edition) {
  console.error(formatProblems(content.problems.edition));
  process.exit(1);
}

export default defineConfig({
  site: content.edition.site.url,
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: the Content-Security-Policy allows styles from the site only.
  // Four pages at a time: a page waiting for a chart or share image from its worker thread, or for a
  // file write, no longer holds up the next one. Output is byte for byte that of one at a time;
  // 1,000 benchmark documents generate in about 5.5 s instead of 6.5 s (docs/benchmarks.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Astro's whitespace collapsing can glue words across inline elements; the documents'
  // fidelity and the search index depend on every space surviving.
  compressHTML: false,
  markdown: { processor },
  // `optimize`: Sätteri writes each document's static parts as HTML once, at compile time, rather than a
  // call per element that every build bundles and renders: the 1,000 benchmark documents compile to
  // 8.8 MB instead of 12.8 MB, with about 5% less CPU for `astro build` (docs/benchmarks.md). Its serialiser escapes quotes
  // differently from Astro; RenderedText and AstroEscaped restore Astro's escapes, so pages stay byte
  // for byte the same and the same as unified's (tests/processor-parity.test.ts), which keeps the
  // plain compile: its serialiser writes `&#x26;` for `&`.
  integrations: [contentCheck(), mdx({ optimize: !useUnified }), siteFiles(), reportKit(), ...(ahead ? [compileAheadIntegration(ahead)] : []), ...(cache ? [compileCacheIntegration(cache)] : []),
    // A cold build of 100 documents or more starts rendering them in worker threads while Astro starts
    // (src/integrations/documents-ahead.ts); SOKET_RENDER_AHEAD_MIN changes from how many.
    documentsAhead({ minDocuments: countFromEnv('SOKET_RENDER_AHEAD_MIN', 100) })],
  devToolbar: { enabled: false },
  // The built site registers a service worker that serves the pages it keeps before asking the
  // network (src/lib/site/offline.ts): previewed on the dev server's port, it would keep serving the
  // built pages to `npm run dev` afterwards. Two ports, two origins, two sets of kept pages.
  server: ({ command }) => ({ port: command === 'preview' ? 4322 : 4321 }),
  vite: {
    build: {
      // Scripts as files, never inlined (Astro inlines a small script without imports otherwise):
      // the Content-Security-Policy allows scripts from the site only.
      assetsInlineLimit: 0,
      // Vite 8's name for the bundler's options (with both, it drops `rollupOptions`). Astro passes
      // `output` on to the server and the browser build.
      rolldownOptions: {
        // Chart.js's unused scales (logarithmic, radial, time) are classes whose static defaults
        // read properties; without this the bundler keeps them "for side effects".
        treeshake: { propertyReadSideEffects: false },
        // Astro marks every MDX page's assets module "use astro:head-inject"; the bundler warns once
        // per document that it cannot keep the directive (10,000 multi-line warnings on a large site),
        // though Astro handles head injection itself. Every other warning still shows.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
        // The documents' modules in 16 shared chunks rather than their own each (3,000 files at
        // 1,000 documents): src/plugins/content-chunks.ts.
        output: contentChunks(root),
      },
    },
    // The form check's Web Worker (its only worker) is emitted beside its page, /kiem-tra-bieu-mau/,
    // where the site's service worker (sw.js, src/lib/site/offline.ts) finds and keeps it with the page.
    worker: { rolldownOptions: { output: { entryFileNames: 'kiem-tra-bieu-mau/[name]-[hash].js' } } },
  },
});
