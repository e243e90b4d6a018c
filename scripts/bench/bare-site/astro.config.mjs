// The bare comparison site: Astro + MDX with no project plugins, same Markdown processor choice.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  markdown: { processor: process.env.MARKDOWN_PROCESSOR === 'unified' ? unified() : satteri() },
  integrations: [mdx()],
});
