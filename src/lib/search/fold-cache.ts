// The fold pass's cache between builds (scripts/pagefind-fold-worker.mjs): for each page, the edits
// that fold it (fold-html.ts's FoldEdit: the folded copies put in, the ids taken out; a few hundred
// characters, not the page) and its folded word counts for the vocabulary, kept under a hash of the
// page's bytes and of src/lib's sources (the fold code), so a rebuild after one content file changed
// folds and counts again only the pages whose HTML changed. Lives in
// node_modules/.cache/congdoan-soket/gap-dau/, like the build's other caches, one file a page
// written when the worker counts the vocabulary (while Pagefind runs, as before the cache), so a
// first build's fold before Pagefind writes nothing more. Each file is sealed with its SHA-256
// (fs/cache-seal.ts): a damaged one makes the page be folded and counted again, never half used.
// Files the build did not use are swept after the pass (scripts/pagefind.mjs).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSealed, writeSealed } from '../fs/cache-seal.ts';
import type { FoldEdit } from './fold-html.ts';

/** Folder of the cache for a project folder. `CHART_PNG_CACHE=off` turns every build cache off (cold-build timings). */
export function foldCacheDir(projectDir: string): string | null {
  return process.env.CHART_PNG_CACHE === 'off' ? null : join(projectDir, 'node_modules', '.cache', 'congdoan-soket', 'gap-dau');
}

/** The cache key of a page: its bytes and the fold code (`fingerprint`: fs/source-fingerprint.ts). */
export function foldKey(fingerprint: string, bytes: Uint8Array): string {
  return createHash('sha256').update(fingerprint).update(bytes).digest('hex').slice(0, 40);
}

/** What the cache keeps of a page: its edits (null: no Pagefind body, not indexed) and its folded word counts. */
export interface CachedFold {
  edits: FoldEdit[] | null;
  words: [string, number][];
}

const isEdits = (v: unknown) => v === null || (Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 3 && Number.isInteger(e[0]) && Number.isInteger(e[1]) && typeof e[2] === 'string'));
const isCounts = (v: unknown) => Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'number');

const fileOf = (dir: string, key: string) => join(dir, `${key}.gap`);

/**
 * The keys the cache holds a file for, listed once: a first build would otherwise try (and fail)
 * to open a file for every page, and each failed open throws.
 */
export function cachedKeys(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir).filter((name) => name.endsWith('.gap')).map((name) => name.slice(0, -'.gap'.length)));
  } catch {
    return new Set();
  }
}

/** A page's cached fold, or undefined when there is none or it is damaged (then the page is folded again). */
export function readFold(dir: string, key: string): CachedFold | undefined {
  const payload = readSealed(fileOf(dir, key));
  if (!payload) return undefined;
  try {
    const value = JSON.parse(new TextDecoder().decode(payload)) as CachedFold;
    return value && isEdits(value.edits) && isCounts(value.words) ? { edits: value.edits, words: value.words } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a page's fold: its edits and its word counts (once counted). */
export function writeFold(dir: string, key: string, edits: readonly FoldEdit[] | null, words: ReadonlyMap<string, number>): void {
  writeSealed(fileOf(dir, key), new TextEncoder().encode(JSON.stringify({ edits, words: [...words] })));
}
