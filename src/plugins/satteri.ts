// The site's Markdown transforms as native Sätteri plugins: the same work as the unified pipeline
// (remark-vietnamese-anchors, remark-citations) written as Sätteri visitors,
// so only the nodes concerned cross from Rust to JavaScript. Citation logic is shared with the remark
// plugin (citation-linker.ts); tests/remark-citations.test.ts runs both pipelines on the same cases
// and tests/processor-parity.test.ts compares the built pages.
// An earlier version ran the remark transforms on a JSON copy of every tree: on 10,000 documents it
// cost 32 s and 2.4 GB of peak memory over the plugin-free build (docs/benchmarks.md).
import { fileURLToPath } from 'node:url';
import type { Parents } from 'mdast';
import { satteri, type SatteriFeatures } from '@astrojs/markdown-satteri';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { encodeCitationRecords, type CitationRecord } from '../lib/citations/citation-register.ts';
import { createSlugger } from '../lib/text/vietnamese.ts';
import { createCitationLinker, createParagraphAnchors, documentIdOf, type CitationLinkerOptions } from './citation-linker.ts';
import { listMarkerClass } from './remark-vietnamese-anchors.ts';

/** Containers a link cannot enclose: the walk up from a text node stops at the first of them. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'root']);

type AstroData = { astro?: { frontmatter?: Record<string, unknown> } };

/** One plugin instance per compiled document (a factory), so per-page state never mixes. */
function anchorsAndCitations(options: CitationLinkerOptions): (page: PluginFactoryContext) => MdastPluginDefinition {
  const linker = createCitationLinker(options);
  return (page) => {
    const path = page.fileURL ? fileURLToPath(page.fileURL) : '';
    const documentId = documentIdOf(path);
    const slug = createSlugger();
    const nextAnchor = createParagraphAnchors();
    const records: CitationRecord[] = [];
    let section = { anchor: '', title: '' };
    // Paragraphs and list items already given an anchor on this page (the tree is read-only here).
    const blockIds = new Map<object, string>();

    return {
      name: 'vietnamese-anchors-and-citations',
      // Positions: list markers are read from the source offset, and records carry their line.
      options: { position: true },
      // Visitors run in document order, so a heading is seen before the text under it.
      heading(node, ctx) {
        const title = ctx.textContent(node, { includeImageAlt: true, includeHtml: true });
        const id = slug(title);
        ctx.setProperty(node, 'data', { ...node.data, hProperties: { ...node.data?.hProperties, id } });
        section = { anchor: id, title: title.trim() };
      },
      list(node, ctx) {
        const className = listMarkerClass(node, ctx.source);
        if (className) ctx.setProperty(node, 'data', { ...node.data, hProperties: { ...node.data?.hProperties, className: [className] } });
      },
      link(node) {
        linker.checkLink(node.url, path, node.position?.start.line, node.position?.start.column);
      },
      text(node, ctx) {
        // Its parent is asked for only when the text holds a citation: each ctx.parent() is a call
        // into Sätteri's Rust side, and most text nodes hold none.
        const found = linker.find(node.value);
        if (found.length === 0) return;
        const parent = ctx.parent(node);
        // Text already inside a link is not linked again. A link sits inside its paragraph,
        // heading or table cell, so the search stops there rather than at the root.
        for (let ancestor: Parents | undefined = parent; ancestor && !BLOCK_TYPES.has(ancestor.type); ancestor = ctx.parent(ancestor)) {
          if (ancestor.type === 'link') return;
        }
        let anchor = section.anchor;
        if (parent.type === 'paragraph') {
          // A tight list renders its items' paragraphs without <p>: the anchor must go on the <li>.
          const item = ctx.parent(parent);
          const block = item?.type === 'listItem' ? item : parent;
          anchor = blockIds.get(block) ?? '';
          if (!anchor) {
            anchor = nextAnchor(found[0]!.label);
            blockIds.set(block, anchor);
            ctx.setProperty(block, 'data', { ...block.data, hProperties: { ...block.data?.hProperties, id: anchor } });
          }
        }
        const linked = linker.link(node.value, found, { documentId, anchor, sectionTitle: section.title, line: node.position?.start.line });
        records.push(...linked.records);
        if (linked.replacement) ctx.replaceNode(node, linked.replacement);
      },
      after(_root, ctx) {
        const data = ctx.data as AstroData;
        data.astro ??= {};
        data.astro.frontmatter ??= {};
        data.astro.frontmatter.citations = encodeCitationRecords(records);
      },
    };
  };
}

export function satteriPlugins(citations: CitationLinkerOptions) {
  return { mdastPlugins: [anchorsAndCitations(citations)] };
}

/** No smart punctuation: it would rewrite the quotes and dashes of an official text. */
const FEATURES: SatteriFeatures = { smartPunctuation: false };

/**
 * The site's Sätteri processor: the build's (astro.config.mjs) and the compile worker's
 * (compile-ahead-worker.ts, which passes the features the build's processor has by then).
 */
export function satteriProcessor(citations: CitationLinkerOptions, features: SatteriFeatures = FEATURES) {
  return satteri({ ...satteriPlugins(citations), features: { ...features } });
}
