// A document's MDX rendered to HTML once, while Astro loads the collection, instead of compiled to a
// JavaScript module that the bundler builds and every page build runs.
//
// The site's documents are official text: Markdown with two marks of the site's own, <EditorNote>
// and <Anchor id="…"/>, and a few HTML elements (<p className="kinh-gui">). Written here as the
// same HTML their Astro components write (src/components/EditorNote.astro, Anchor.astro), nothing
// dynamic is left, and Sätteri's MDX compiler (with `optimizeStatic`, as @astrojs/mdx runs it with
// `optimize`) gives the whole document as one HTML string: the bundler never sees the documents, and
// a rebuild renders only a changed one (src/plugins/documents-loader.ts). On 1,000 benchmark
// documents `astro build` took 5.5 s instead of 7.3 on a RAM disk (docs/benchmarks.md).
//
// A document using anything else MDX allows (another component, an expression, an import or export,
// an image, which Astro would optimise) is not rendered here: `unsupported` names the first such
// thing, and the loader hands that document to the module path, so its page is what it always was.
// The page is byte for byte the same either way: tests/processor-parity.test.ts compares the built
// pages with unified's, which keeps the module path for every document.
import { pathToFileURL } from 'node:url';
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { evaluate, type HastPluginDefinition, type MdastPluginDefinition } from 'satteri';
import { find, html as htmlSchema } from 'property-information';
import { satteriCreateHighlightFn, satteriHeadingIdsPlugin, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import type { Element, ElementContent, Properties } from 'hast';
import type { satteriProcessor } from './satteri.ts';
import type { CitationLinkerOptions } from './citation-linker.ts';

type Processor = ReturnType<typeof satteriProcessor>;
type Shared = Parameters<NonNullable<Processor['createMdxRenderer']>>[0];

/** What Astro keeps of a rendered entry (its `rendered` field) and reads back in `render(entry)`. */
export interface RenderedDocument {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    /** The front matter as the site's plugins leave it (the citation records are added to it). */
    frontmatter: Record<string, unknown>;
  };
}

/** Rendered, or why this document needs the module path (its first MDX feature with no static HTML). */
export type DocumentRendering = { rendered: RenderedDocument } | { unsupported: string };

// The rendering threads' protocol (documents-loader.ts, static-documents-worker.ts), here so that a
// thread loads only the renderer, not Astro's loaders.
/** A document's slot: nobody has it yet, a rendering thread renders it, the main thread does. */
export const SLOT = { free: 0, worker: 1, main: 2 } as const;

/** What a rendering thread is given: how to make the processor, @astrojs/mdx's settings, the documents' slots. */
export interface RenderWorkerData {
  citations: CitationLinkerOptions;
  features: Processor['options']['features'];
  shared: Shared;
  slots: SharedArrayBuffer;
}

/** A document for a rendering thread: its path (the thread reads the file) and its slot. */
export interface RenderRequest {
  id: number;
  filePath: string;
  slot: number;
}

/**
 * The thread's answer: the text it rendered and how, the error's message, or that the main thread
 * had taken the document first.
 */
export type RenderReply = { id: number; contents: string; result: DocumentRendering } | { id: number; error: string } | { id: number; taken: true };

/** Thrown inside Sätteri's plugins and the runtime below: the document is left to the module path. */
class Unsupported extends Error {}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: unknown[];
  position?: { start: { line: number } };
}

const where = (node: { position?: { start: { line: number } } }) => (node.position ? ` (dòng ${node.position.start.line})` : '');

/** A literal attribute's value (a name alone is `true`); an expression has no static value. */
function literal(element: JsxElement, attribute: JsxAttribute): string | true {
  if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') throw new Unsupported(`thuộc tính biểu thức trong <${element.name}>${where(element)}`);
  if (attribute.value === null || attribute.value === undefined) return true;
  if (typeof attribute.value !== 'string') throw new Unsupported(`thuộc tính ${attribute.name}={…} trong <${element.name}>${where(element)}`);
  return attribute.value;
}

/** The two marks' HTML, as their Astro components write it. */
const COMPONENTS: Record<string, (element: JsxElement, children: ElementContent[]) => Element> = {
  // src/components/Anchor.astro
  Anchor(element, children) {
    if (children.length > 0) throw new Unsupported(`<Anchor> có nội dung${where(element)}`);
    const attributes = element.attributes.map((a) => [a.name, literal(element, a)] as const);
    const id = attributes.find(([name]) => name === 'id')?.[1];
    if (attributes.length !== 1 || typeof id !== 'string') throw new Unsupported(`<Anchor> không chỉ có id="…"${where(element)}`);
    return { type: 'element', tagName: 'span', properties: { className: ['moc'], id }, children: [] };
  },
  // src/components/EditorNote.astro
  EditorNote(element, children) {
    if (element.attributes.length > 0) throw new Unsupported(`<EditorNote> có thuộc tính${where(element)}`);
    return {
      type: 'element',
      tagName: 'span',
      properties: { className: ['editor-note'], role: 'note', dataEditorNote: true },
      children: [{ type: 'element', tagName: 'span', properties: { className: ['note-text'] }, children }],
    };
  },
};

/** An HTML element written as JSX (<p className="kinh-gui">): its attributes as hast properties. */
function htmlElement(element: JsxElement, children: ElementContent[]): Element {
  const properties: Properties = {};
  for (const attribute of element.attributes) {
    const value = literal(element, attribute);
    // JSX spells `class` as `className`; property-information knows both, and `data-*` and the rest.
    const info = find(htmlSchema, attribute.name === 'className' ? 'class' : attribute.name!);
    properties[info.property] = value === true ? true : info.spaceSeparated || info.commaSeparated ? value.split(info.commaSeparated ? /\s*,\s*/ : /\s+/).filter(Boolean) : value;
  }
  return { type: 'element', tagName: element.name!, properties, children };
}

/** A JSX element and everything in it as plain hast, or Unsupported. */
function toHast(node: unknown): ElementContent {
  const n = node as { type: string } & Partial<JsxElement>;
  if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
    const element = n as JsxElement;
    const children = element.children.map(toHast);
    if (element.name === null) throw new Unsupported(`phân đoạn <>…</>${where(element)}`);
    const component = COMPONENTS[element.name];
    if (component) return component(element, children);
    // Lower-case names are HTML elements; any other capitalised or dotted name is a component.
    if (!/^[a-z][a-z0-9]*$/.test(element.name)) throw new Unsupported(`thành phần <${element.name}>${where(element)}`);
    return htmlElement(element, children);
  }
  if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') throw new Unsupported(`biểu thức {…}${where(n as JsxElement)}`);
  if (n.type === 'mdxjsEsm') throw new Unsupported(`import/export${where(n as JsxElement)}`);
  if ('children' in n && Array.isArray((n as { children: unknown[] }).children)) {
    const parent = n as unknown as Element;
    return { ...parent, children: parent.children.map(toHast) };
  }
  return n as ElementContent;
}

/** The hast pass: every JSX element becomes plain HTML, the outermost first (it converts its own). */
const staticElements: HastPluginDefinition = {
  name: 'static-document-elements',
  mdxJsxFlowElement: { filter: [], visit: (node, ctx) => replace(node, ctx) },
  mdxJsxTextElement: { filter: [], visit: (node, ctx) => replace(node, ctx) },
  mdxFlowExpression: (node) => { throw new Unsupported(`biểu thức {…}${where(node as never)}`); },
  mdxTextExpression: (node) => { throw new Unsupported(`biểu thức {…}${where(node as never)}`); },
  mdxjsEsm: (node) => { throw new Unsupported(`import/export${where(node as never)}`); },
  element: {
    filter: ['img'],
    visit(node) {
      // Astro optimises a document's images on the module path (its <Image>): left to it.
      throw new Unsupported(`ảnh${where(node as never)}`);
    },
  },
};

function replace(node: unknown, ctx: { replaceNode: (n: never, m: never) => void; parent: (n: never) => unknown }) {
  // A JSX element inside another was converted with it.
  for (let up = ctx.parent(node as never) as { type?: string } | undefined; up; up = ctx.parent(up as never) as { type?: string } | undefined) {
    if (up.type === 'mdxJsxFlowElement' || up.type === 'mdxJsxTextElement') return;
  }
  ctx.replaceNode(node as never, toHast(node) as never);
}

/** The static HTML the compiled document hands to `<Fragment set:html>`. */
const RAW = Symbol('static-html');
const FRAGMENT = Symbol('fragment');
class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

function htmlOf(children: unknown): string {
  if (children === undefined || children === null || children === false) return '';
  if (Array.isArray(children)) return children.map(htmlOf).join('');
  if (children instanceof Html) return children.value;
  // A string child as Astro writes text.
  if (typeof children === 'string') return escapeHTML(children);
  throw new Unsupported('nội dung động');
}

function jsx(type: unknown, input: unknown): Html {
  const props = input as Record<string, unknown>;
  if (type === RAW) return new Html(String(props['set:html'] ?? ''));
  if (type === FRAGMENT) return new Html(htmlOf(props.children));
  // Every element is static HTML by now: anything else the document built at run time.
  throw new Unsupported(`phần tử ${typeof type === 'string' ? `<${type}>` : 'động'}`);
}

/** The features and options @astrojs/mdx gives Sätteri's MDX renderer (its create-processor). */
function compileFeatures(processor: Processor, shared: Shared) {
  const { gfm, smartPunctuation } = processor.options.features;
  return {
    ...processor.options.features,
    gfm: typeof gfm === 'object' ? gfm : (shared.gfm ?? gfm ?? true) !== false,
    smartPunctuation: typeof smartPunctuation === 'object' ? smartPunctuation : (shared.smartypants ?? smartPunctuation ?? true) !== false,
  };
}

// Astro's front-matter block, as @astrojs/internal-helpers/frontmatter finds it.
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/**
 * A document's file as @astrojs/mdx compiles it: the front matter blanked with spaces, each line
 * kept, so the positions the site's plugins report (a broken link's line) are the file's.
 */
export function compiledSource(contents: string): string {
  const match = FRONTMATTER.exec(contents);
  if (!match) return contents;
  const block = match[0].slice(match[0].length - match[1]!.length - 6);
  const delimiter = block.slice(0, 3);
  return contents.replace(`${delimiter}${match[1]}${delimiter}`, `   ${match[1]!.replace(/[^\r\n]/g, ' ')}   `);
}

/**
 * A renderer for the documents: the processor's own plugins (the site's anchors and citations), then
 * the same passes @astrojs/mdx runs for Sätteri (code highlighting, heading ids), with every JSX
 * element written as HTML before the compiler folds the document into static HTML. The source is
 * the file as compiledSource gives it. The site's plugins read no front matter, only add to it:
 * `metadata.frontmatter` holds what they added (the citation records), which the loader lays over
 * the document's own.
 */
export function createDocumentRenderer(processor: Processor, shared: Shared) {
  let highlight: Promise<Awaited<ReturnType<typeof satteriCreateHighlightFn>>> | undefined;
  const features = compileFeatures(processor, shared);
  return async function render(source: string, filePath: string): Promise<DocumentRendering> {
    highlight ??= satteriCreateHighlightFn(shared.syntaxHighlight, shared.shikiConfig);
    const highlightFn = await highlight;
    const excludeLangs = typeof shared.syntaxHighlight === 'object' && shared.syntaxHighlight ? shared.syntaxHighlight.excludeLangs : undefined;
    const astro = { frontmatter: {} as Record<string, unknown>, headings: [] as RenderedDocument['metadata']['headings'], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
    try {
      const exports = await evaluate(source, {
        mdastPlugins: [...processor.options.mdastPlugins] as MdastPluginDefinition[],
        hastPlugins: [
          ...(highlightFn ? [satteriHighlightPlugin(highlightFn, excludeLangs)] : []),
          ...processor.options.hastPlugins,
          staticElements,
          satteriHeadingIdsPlugin(),
        ] as HastPluginDefinition[],
        optimizeStatic: { component: 'Fragment', prop: 'set:html' },
        features,
        fileURL: pathToFileURL(filePath),
        elementAttributeNameCase: 'html',
        data: { astro },
        Fragment: FRAGMENT,
        jsx,
        jsxs: jsx,
      });
      const Content = exports.default as (props: { components: Record<string, unknown> }) => Html;
      const html = htmlOf(Content({ components: { Fragment: RAW } }));
      return { rendered: { html, metadata: { headings: astro.headings, frontmatter: astro.frontmatter } } };
    } catch (error) {
      if (error instanceof Unsupported) return { unsupported: error.message };
      throw error;
    }
  };
}
