// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import { satteriPlugins } from './src/plugins/satteri.ts';
import remarkVietnameseAnchors from './src/plugins/remark-vietnamese-anchors.ts';
import rehypeSectionLinks from './src/plugins/rehype-section-links.ts';
import contentCheck from './src/integrations/content-check.ts';
import siteFiles from './src/integrations/site-files.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import { loadPublishedDocuments } from './src/plugins/known-documents.ts';

const published = loadPublishedDocuments('./content');

// The same transforms under either Markdown processor; `npm run bench` measures both
// (docs/benchmarks.md). MARKDOWN_PROCESSOR=satteri selects Astro's native one.
const processor =
  process.env.MARKDOWN_PROCESSOR === 'satteri'
    ? satteri({ ...satteriPlugins({ published }), features: { smartPunctuation: false } })
    : unified({
        // Anchors first: the citation plugin records the heading id each citation sits under.
        remarkPlugins: [remarkVietnameseAnchors, [remarkCitations, { published }]],
        rehypePlugins: [rehypeSectionLinks],
        // No SmartyPants: it would rewrite the quotes and dashes of an official text.
        smartypants: false,
      });

export default defineConfig({
  site: 'https://congdoan-soket.example.vn',
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: the Content-Security-Policy allows styles from the site only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Astro's whitespace collapsing can glue words across inline elements; the documents'
  // fidelity and the search index depend on every space surviving.
  compressHTML: false,
  markdown: { processor },
  integrations: [contentCheck(), mdx(), siteFiles()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // Chart.js's unused scales (logarithmic, radial, time) are classes whose static defaults
        // read properties; without this the bundler keeps them "for side effects".
        treeshake: { propertyReadSideEffects: false },
      },
    },
  },
});
