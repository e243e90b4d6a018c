// The documents' compiled MDX kept between builds, so `astro build` after one content file changed
// compiles that file alone. Astro's bundler asks for every document again on every build and the
// Markdown processor (Sätteri's parse and the site's plugins) was most of what a rebuild redid of the
// project's own work (docs/benchmarks.md, rebuild after one content file). The processor handed to
// @astrojs/mdx is wrapped: a document whose key — its path, text and front matter, the renderer's
// options, and everything else that decides the compiled code (compileFingerprint) — is in the pack
// the last build wrote gets that compiled code back; any other is compiled and added. The pack holds
// exactly this build's documents (src/lib/fs/cache-pack.ts), in node_modules/.cache/congdoan-soket/
// like the other build caches, and `CHART_PNG_CACHE=off` turns it off with them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackWriter, readPack, type PackReader } from '../lib/fs/cache-pack.ts';
import { sourceFiles } from '../lib/fs/source-files.ts';
import type { satteriProcessor } from './satteri.ts';

type Processor = ReturnType<typeof satteriProcessor>;
type MdxRenderer = Awaited<ReturnType<NonNullable<Processor['createMdxRenderer']>>>;
type Compiled = Awaited<ReturnType<MdxRenderer['process']>>;

/** What a build took from the pack and what it compiled. */
export interface CompileCacheCounts {
  /** Documents whose compiled code came from the last build's pack. */
  reused: number;
  /** Documents compiled (not in the pack, or no pack). */
  compiled: number;
  /** Whether this build's pack was written for the next one. */
  written: boolean;
}

export interface CompileCacheOptions {
  /** The cache's folder (buildCacheDir(root, 'bien-dich')); null: no cache, every document compiled. */
  dir: string | null;
  /** Everything besides a document and the renderer's options that decides its compiled code (compileFingerprint). */
  fingerprint: string;
}

export interface CompileCache {
  /** The processor for `markdown.processor` (or for compileAhead): the wrapped one's, with a cache in front of its renderer. */
  processor: Processor;
  /** Turns the cache on: only `astro build` (the dev server's documents change as they are edited). */
  enable(): void;
  /** The build is done: this build's pack replaces the last one. Says what came from where. */
  finish(): CompileCacheCounts;
}

const PACK = 'goi';

/**
 * A value as a key's text: plain objects with their keys sorted, a URL by its address, a date by
 * its ISO text (marked, so it differs from the same text as a string), a regular expression by its
 * source. Anything else a function or class instance (a Shiki transformer, say) cannot be keyed:
 * undefined, and then nothing is cached.
 */
export function keyText(value: unknown): string | undefined {
  const seen = new Set<object>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (v === undefined) return { undefined: true };
    if (typeof v !== 'object') throw new Error('unkeyable');
    if (seen.has(v)) throw new Error('unkeyable');
    seen.add(v);
    try {
      if (v instanceof URL) return { url: v.href };
      if (v instanceof Date) return { date: v.toISOString() };
      if (v instanceof RegExp) return { regexp: v.source, flags: v.flags };
      if (Array.isArray(v)) return v.map(walk);
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new Error('unkeyable');
      return Object.keys(v)
        .sort()
        .map((k) => [k, walk((v as Record<string, unknown>)[k])]);
    } finally {
      seen.delete(v);
    }
  };
  try {
    return JSON.stringify(walk(value));
  } catch {
    return undefined;
  }
}

/**
 * What decides a document's compiled code besides the document and the renderer's options: every
 * source file of src/plugins and src/lib (all of them rather than a list of imports that could
 * drift: a code change costs one build without the cache), the Astro config, package-lock.json
 * (the exact version of Sätteri, @astrojs/mdx and everything under them) and the processor's options
 * (the published documents the citation plugin links to). Undefined when options cannot be keyed.
 */
export function compileFingerprint(root: string, options: unknown): string | undefined {
  const optionsText = keyText(options);
  if (optionsText === undefined) return undefined;
  const hash = createHash('sha256');
  const files = [...sourceFiles(join(root, 'src', 'plugins')), ...sourceFiles(join(root, 'src', 'lib')), join(root, 'astro.config.mjs'), join(root, 'package-lock.json')];
  for (const file of files) {
    hash.update(file.slice(root.length)).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(không có)');
    }
    hash.update('\0');
  }
  hash.update(optionsText);
  return hash.digest('hex');
}

export function compileCache(processor: Processor, options: CompileCacheOptions): CompileCache {
  const { dir, fingerprint } = options;
  let enabled = false;
  let old: PackReader | null = null;
  let writer: PackWriter | null = null;
  const counts = { reused: 0, compiled: 0 };
  // A document asked for twice in one build is written once.
  const written = new Set<string>();
  const inner = processor.createMdxRenderer?.bind(processor);
  // Plugins are functions, which no key can hold: the fingerprint covers the site's own (their
  // source); one another integration adds later turns the cache off, as it turns off compileAhead.
  const plugins = { mdast: processor.options.mdastPlugins.length, hast: processor.options.hastPlugins.length };

  const cached = async (...args: Parameters<NonNullable<Processor['createMdxRenderer']>>): Promise<MdxRenderer> => {
    const local = await inner!(...args);
    const [shared, mdx] = args;
    const { mdastPlugins, hastPlugins, features } = processor.options;
    const same = mdastPlugins.length === plugins.mdast && hastPlugins.length === plugins.hast;
    const rendererText = keyText({ shared, mdx, features });
    if (!enabled || !writer || !old || !same || rendererText === undefined) return local;
    const pack = old;
    const out = writer;
    const rendererKey = createHash('sha256').update(fingerprint).update('\0').update(rendererText).digest();
    return {
      async process(content, filePath, frontmatter) {
        const frontText = keyText(frontmatter);
        if (frontText === undefined) {
          counts.compiled++;
          return local.process(content, filePath, frontmatter);
        }
        const key = createHash('sha256').update(rendererKey).update(filePath).update('\0').update(content).update('\0').update(frontText).digest('hex');
        const kept = pack.get(key);
        if (kept) {
          try {
            const compiled = JSON.parse(kept.toString('utf8')) as Compiled;
            if (typeof compiled?.code === 'string') {
              counts.reused++;
              if (!written.has(key)) {
                written.add(key);
                out.add(key, kept);
              }
              return compiled;
            }
          } catch {
            // Not what this code writes: compiled again below.
          }
        }
        const compiled = await local.process(content, filePath, frontmatter);
        counts.compiled++;
        if (!written.has(key)) {
          written.add(key);
          out.add(key, JSON.stringify(compiled));
        }
        return compiled;
      },
    };
  };

  return {
    processor: inner ? { ...processor, createMdxRenderer: cached } : processor,
    enable() {
      if (enabled || dir === null) return;
      enabled = true;
      counts.reused = 0;
      counts.compiled = 0;
      written.clear();
      old = readPack(join(dir, PACK));
      writer = new PackWriter(join(dir, PACK));
    },
    finish() {
      const result = { ...counts, written: writer?.finish() ?? false };
      writer = null;
      old = null;
      enabled = false;
      return result;
    },
  };
}
