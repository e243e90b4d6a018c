// The documents' collection loader: Astro's glob loader, with each MDX document rendered to HTML as
// it loads (static-documents.ts) rather than compiled to a module for the bundler.
//
// The HTML is kept for the next build in a pack (src/lib/fs/cache-pack.ts) in
// node_modules/.cache/congdoan-soket/van-ban/, by a key of the file's text, its path and everything
// else that decides it (the site's plugins and libraries, the lockfile and the published documents the
// citations link to: compileFingerprint; the Markdown settings): the next build renders only the
// documents whose text changed. Not Astro's content store: `npm run build` deletes it before each
// build (scripts/build.mjs), and the collection is loaded afresh here every time, so a document's
// entry is always parsed with the current schema.
//
// A document the static renderer cannot write (one using another component, an expression, an image)
// goes the module path, exactly as with the plain glob loader. With the unified processor
// (MARKDOWN_PROCESSOR=unified) every document does: the processor parity test then compares the
// two paths page by page.
//
// A cold `astro build` of a large site starts rendering in worker threads as soon as Astro's
// configuration is resolved (renderAhead, from src/integrations/documents-ahead.ts), while the main
// thread is still starting Vite and loading the content config; the loader takes each document's HTML
// from there when the file it reads is the one rendered.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { AstroConfig } from 'astro';
import { compiledSource, createDocumentRenderer, SLOT, type DocumentRendering, type RenderReply, type RenderRequest, type RenderWorkerData } from './static-documents.ts';
import { compileFingerprint, keyText } from './compile-cache.ts';
import { PackWriter, readPack, type PackReader } from '../lib/fs/cache-pack.ts';
import { buildCacheDir } from '../lib/fs/cached-file.ts';
import { satteriProcessor } from './satteri.ts';
import { documentHtmlStore } from './document-html.ts';
import type { CitationLinkerOptions } from './citation-linker.ts';

type Processor = ReturnType<typeof satteriProcessor>;
type Shared = Parameters<NonNullable<Processor['createMdxRenderer']>>[0];
/**
 * Astro's content entry types by file extension, as it hands them to its own glob loader: not part
 * of the public LoaderContext type. The loader gives glob an `.mdx` type that renders; the build test
 * (tests/documents-loader.test.ts) fails if Astro stops passing them.
 */
interface EntryType {
  getRenderFunction?: (config: AstroConfig) => Promise<(entry: { id: string; body?: string; filePath?: string; data: Record<string, unknown> }) => Promise<unknown>>;
  contentModuleTypes?: unknown;
}
type Context = LoaderContext & { entryTypes: Map<string, EntryType> };

/** What the site's Markdown plugins are made with (satteriProcessor), for the project at a root. */
export type SiteInputs = (root: string) => { citations: CitationLinkerOptions };

export interface DocumentsLoaderOptions {
  /** The folder, relative to the project (contentPaths.documents). */
  base: string;
  pattern: string;
  site: SiteInputs;
}


/** How the documents of a load were rendered (the build's log line says it). */
interface DocumentsLoadCounts {
  /** Rendered to HTML in this build (ahead or as loaded). */
  rendered: number;
  /** Of those, rendered ahead while Astro started. */
  ahead: number;
  /** Kept from the last build (their text and everything else unchanged). */
  kept: number;
  /** Left to the module path (a feature with no static HTML). */
  modules: number;
}

/** The settings @astrojs/mdx gives the processor's MDX renderer (its index.js, readProcessorFeatures). */
function mdxShared(config: AstroConfig, processor: Processor): Shared {
  const { gfm, smartPunctuation } = processor.options.features;
  return {
    syntaxHighlight: config.markdown.syntaxHighlight,
    shikiConfig: config.markdown.shikiConfig,
    gfm: typeof gfm === 'boolean' ? gfm : config.markdown.gfm,
    smartypants: typeof smartPunctuation === 'boolean' ? smartPunctuation : config.markdown.smartypants,
  } as Shared;
}

const isSatteri = (processor: unknown): processor is Processor =>
  typeof processor === 'object' && processor !== null && (processor as { name?: unknown }).name === 'satteri' && typeof (processor as Processor).options === 'object';

/** How this build renders its documents, or null: they take the module path (unified, or settings no key can hold). */
interface Plan {
  processor: Processor;
  shared: Shared;
  citations: CitationLinkerOptions;
  /** The key of the kept HTML: the site's fingerprint and the Markdown settings. */
  fingerprint: string;
  /** Whether threads can make the same processor: the build's has exactly the site's plugins (no integration added one). */
  threadsCan: boolean;
}

function planFor(config: AstroConfig, site: SiteInputs): Plan | null {
  const processor = config.markdown.processor as unknown;
  if (!isSatteri(processor)) return null;
  const root = fileURLToPath(config.root);
  const { citations } = site(root);
  const base = compileFingerprint(root, citations);
  const shared = mdxShared(config, processor);
  const settings = keyText({ shared, features: processor.options.features, plugins: [processor.options.mdastPlugins.length, processor.options.hastPlugins.length] });
  // Plugins are functions no key can hold: the fingerprint covers the site's own (their source).
  if (base === undefined || settings === undefined) return null;
  const own = satteriProcessor(citations);
  return {
    processor,
    shared,
    citations,
    fingerprint: createHash('sha256').update(base).update('\0').update(settings).digest('hex'),
    threadsCan: processor.options.mdastPlugins.length === own.options.mdastPlugins.length && processor.options.hastPlugins.length === own.options.hastPlugins.length,
  };
}

/**
 * Rendering threads, each with its own processor: a document goes to the least busy. A thread that
 * stops hands its documents back (undefined), and the caller renders them on the main thread.
 */
function renderPool(count: number, data: RenderWorkerData) {
  const url = new URL('./static-documents-worker.ts', import.meta.url);
  const waiting = new Map<number, { resolve: (reply: RenderReply | undefined) => void; worker: number }>();
  const busy = new Array<number>(count).fill(0);
  const alive = new Array<boolean>(count).fill(true);
  let nextId = 0;
  const workers = Array.from({ length: count }, (_, index) => {
    const worker = new Worker(url, { workerData: data });
    worker.on('message', (reply: RenderReply) => {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      busy[index]!--;
      entry.resolve(reply);
    });
    const stop = () => {
      alive[index] = false;
      for (const [id, entry] of waiting) {
        if (entry.worker !== index) continue;
        waiting.delete(id);
        entry.resolve(undefined);
      }
    };
    worker.on('error', stop);
    worker.on('exit', stop);
    return worker;
  });
  return {
    render(request: Omit<RenderRequest, 'id'>): Promise<RenderReply | undefined> {
      let index = -1;
      for (let i = 0; i < count; i++) if (alive[i] && (index < 0 || busy[i]! < busy[index]!)) index = i;
      if (index < 0) return Promise.resolve(undefined);
      const id = nextId++;
      busy[index]!++;
      return new Promise((resolve) => {
        waiting.set(id, { resolve, worker: index });
        workers[index]!.postMessage({ ...request, id } satisfies RenderRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Renderings started ahead, by absolute file path, with each document's slot (whichever thread takes a
 * free slot first renders it: the loader renders on the main thread any document the threads have not
 * reached, and the two meet in the middle); on globalThis, as Astro's config and the content config
 * are separate module instances.
 */
interface Ahead {
  fingerprint: string;
  replies: Map<string, { slot: number; reply: Promise<RenderReply | undefined> }>;
  slots: Int32Array;
  close: () => Promise<void>;
}
const AHEAD = Symbol.for('congdoan-soket.documents-ahead');
const aheadSlot = globalThis as Record<symbol, Ahead | undefined>;

/** The pack of HTML kept under this fingerprint (one pack per fingerprint: a new one replaces the rest); null with the build caches off. */
function packFile(root: string, fingerprint: string): string | null {
  const dir = buildCacheDir(root, 'van-ban');
  return dir === null ? null : join(dir, `goi-${fingerprint.slice(0, 16)}`);
}

/** A kept rendering's key: the fingerprint, the file (from the project) and its text. */
const keyOf = (fingerprint: string, file: string, contents: string) => createHash('sha256').update(fingerprint).update('\0').update(file).update('\0').update(contents).digest('hex');

/**
 * Starts rendering these documents in worker threads, one per core but the main thread's (at least
 * one, at most four: on the benchmark's two cores, a second thread slowed Astro's start more than it
 * saved), for the loader to take when it reaches them. Nothing is started when the documents will take the module path, or
 * when the last build left their HTML under the same fingerprint (a rebuild renders what changed).
 */
export function renderAhead(config: AstroConfig, site: SiteInputs, files: string[]): number {
  const plan = planFor(config, site);
  if (!plan?.threadsCan || files.length === 0) return 0;
  const pack = packFile(fileURLToPath(config.root), plan.fingerprint);
  if (pack !== null && existsSync(pack)) return 0;
  const threads = Math.max(1, Math.min(4, availableParallelism() - 1, files.length));
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * files.length);
  const pool = renderPool(threads, { citations: plan.citations, features: { ...plan.processor.options.features }, shared: plan.shared, slots: buffer });
  const replies = new Map(files.map((filePath, slot) => [filePath, { slot, reply: pool.render({ filePath, slot }) }] as const));
  void aheadSlot[AHEAD]?.close();
  aheadSlot[AHEAD] = { fingerprint: plan.fingerprint, replies, slots: new Int32Array(buffer), close: () => pool.close() };
  return threads;
}

export function documentsLoader(options: DocumentsLoaderOptions): Loader {
  const inner = glob({ base: options.base, pattern: options.pattern });
  return {
    name: 'congdoan-soket-documents',
    async load(loaderContext) {
      const context = loaderContext as Context;
      const mdx = context.entryTypes.get('.mdx');
      const plan = mdx ? planFor(context.config, options.site) : null;
      const ahead = aheadSlot[AHEAD];
      aheadSlot[AHEAD] = undefined;
      if (!plan || !mdx) {
        await ahead?.close();
        return inner.load(context);
      }
      // Every entry loaded afresh, the glob loader's kept ones too: their HTML comes from the pack.
      context.store.clear();
      const html = documentHtmlStore();
      html.clear();
      const current = ahead?.fingerprint === plan.fingerprint ? ahead : undefined;
      const render = createDocumentRenderer(plan.processor, plan.shared);
      const root = fileURLToPath(context.config.root);
      const pack = packFile(root, plan.fingerprint);
      const kept: PackReader = pack === null ? { get: () => undefined, size: 0 } : readPack(pack);
      const writer = pack === null ? null : new PackWriter(pack);
      // By absolute path: the documents to leave to the module path.
      const toModules = new Set<string>();
      const failures: string[] = [];
      const counts: DocumentsLoadCounts = { rendered: 0, ahead: 0, kept: 0, modules: 0 };

      const fresh = async (body: string, filePath: string, contents: string, source: string): Promise<DocumentRendering> => {
        // What the glob loader parsed is what @astrojs/mdx would compile; if not, its body is rendered.
        if (source.trim() !== body) return render(body, filePath);
        const waiting = current?.replies.get(filePath);
        current?.replies.delete(filePath);
        // Not yet taken by a thread: the main thread renders it now rather than wait.
        if (!waiting || Atomics.compareExchange(current!.slots, waiting.slot, SLOT.free, SLOT.main) === SLOT.free) return render(source, filePath);
        const reply = await waiting.reply;
        if (reply && 'error' in reply) throw new Error(reply.error);
        if (reply && 'result' in reply && reply.contents === contents) {
          counts.ahead++;
          return reply.result;
        }
        return render(source, filePath);
      };
      const renderOne = async (body: string, filePath: string): Promise<DocumentRendering> => {
        const contents = readFileSync(filePath, 'utf8');
        const key = keyOf(plan.fingerprint, relative(root, filePath), contents);
        const old = kept.get(key);
        if (old) {
          try {
            const result = JSON.parse(old.toString('utf8')) as DocumentRendering;
            if ('rendered' in result && typeof result.rendered?.html === 'string') {
              counts.kept++;
              writer?.add(key, old);
              return result;
            }
          } catch {
            // Not what this code writes: rendered again below.
          }
        }
        const result = await fresh(body, filePath, contents, compiledSource(contents));
        if ('rendered' in result) {
          counts.rendered++;
          writer?.add(key, JSON.stringify(result));
        }
        return result;
      };

      const entryType: EntryType = {
        ...mdx,
        getRenderFunction: async () => async ({ id, body, filePath, data }) => {
          try {
            html.delete(id);
            const result = await renderOne(body ?? '', filePath!);
            if ('unsupported' in result) {
              toModules.add(filePath!);
              return undefined;
            }
            const { metadata } = result.rendered;
            html.set(id, result.rendered.html);
            // The HTML stays out of the store (document-html.ts); the front matter as @astrojs/mdx
            // gives it: the document's own with what the site's plugins added.
            return { html: '', metadata: { ...metadata, frontmatter: { ...data, ...metadata.frontmatter } } };
          } catch (error) {
            // As the module path would stop the build with it: the message is the site's own (a broken link, file:line).
            failures.push(error instanceof Error ? error.message : String(error));
            // Outside a build load (the dev server's watcher), the module path reports it on the page.
            toModules.add(filePath!);
            return undefined;
          }
        },
      };
      // Without `contentModuleTypes`, the glob loader keeps what the render function returns as the entry's HTML.
      delete entryType.contentModuleTypes;
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set('.mdx', entryType);
      const store: LoaderContext['store'] = {
        ...context.store,
        set(entry) {
          if (entry.filePath && toModules.has(resolve(root, entry.filePath))) {
            const { rendered: _none, ...rest } = entry;
            return context.store.set({ ...rest, deferredRender: true });
          }
          return context.store.set(entry);
        },
      };
      try {
        await inner.load({ ...context, entryTypes, store } as LoaderContext);
      } catch (error) {
        writer?.abort();
        throw error;
      } finally {
        await ahead?.close();
      }
      if (failures.length > 0) {
        // The last build's pack stays as it was; nothing of this one is kept.
        writer?.abort();
        context.store.clear();
        throw new Error(failures.join('\n'));
      }
      writer?.finish();
      counts.modules = context.store.values().filter((entry) => entry.deferredRender).length;
      context.logger.info(
        `Văn bản: ${counts.rendered} dựng thành HTML (${counts.ahead} làm sẵn ở luồng riêng), ${counts.kept} lấy lại từ lần dựng trước, ${counts.modules} qua mô-đun MDX.`,
      );
    },
  };
}
