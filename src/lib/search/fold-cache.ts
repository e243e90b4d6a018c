// The fold pass's cache between builds (scripts/pagefind-fold-worker.mjs): for each page, its folded
// body and its folded word counts for the vocabulary, kept under a hash of the page's bytes and of
// src/lib's sources (the fold code), so a rebuild after one content file changed folds and counts
// again only the pages whose HTML changed. Lives in node_modules/.cache/congdoan-soket/gap-dau/,
// like the build's other caches: `<key>.trang` (the folded body), written as the page is folded, and
// `<key>.tu` (the word counts), written when the worker counts the vocabulary (while Pagefind runs,
// as before the cache). Each file is sealed with its SHA-256 (fs/cache-seal.ts): a damaged or missing
// one makes the page be folded and counted again, never half used. Files the build did not use are
// swept after the pass (scripts/pagefind.mjs).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readSealed, writeSealed } from '../fs/cache-seal.ts';
import { foldBody } from './fold-html.ts';

/** Folder of the cache for a project folder. `CHART_PNG_CACHE=off` turns every build cache off (cold-build timings). */
export function foldCacheDir(projectDir: string): string | null {
  return process.env.CHART_PNG_CACHE === 'off' ? null : join(projectDir, 'node_modules', '.cache', 'congdoan-soket', 'gap-dau');
}

/** A page's Pagefind body once folded: where it starts and ends in the page (string offsets) and its folded text. */
export type FoldedBody = [start: number, end: number, folded: string];

/** The cache key of a page: its bytes and the fold code (`fingerprint`: fs/source-fingerprint.ts). */
export function foldKey(fingerprint: string, bytes: Uint8Array): string {
  return createHash('sha256').update(fingerprint).update(bytes).digest('hex').slice(0, 40);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function readJson<T>(file: string, valid: (value: unknown) => boolean): T | undefined {
  const payload = readSealed(file);
  if (!payload) return undefined;
  try {
    const value: unknown = JSON.parse(decoder.decode(payload));
    return valid(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

const isBody = (v: unknown) => v === null || (Array.isArray(v) && v.length === 3 && typeof v[0] === 'number' && typeof v[1] === 'number' && typeof v[2] === 'string');
const isCounts = (v: unknown) => Array.isArray(v) && v.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');

/** A page's cached fold: its body (null: no Pagefind body) and word counts, or undefined unless both are there and whole. */
export function readFold(dir: string, key: string): { body: FoldedBody | null; words: [string, number][] } | undefined {
  const words = readJson<[string, number][]>(join(dir, `${key}.tu`), isCounts);
  if (!words) return undefined;
  const body = readJson<FoldedBody | null>(join(dir, `${key}.trang`), isBody);
  return body === undefined ? undefined : { body, words };
}

/** Keeps a page's folded body (written as the page is folded). */
export function writeFoldedBody(dir: string, key: string, body: FoldedBody | null): void {
  writeSealed(join(dir, `${key}.trang`), encoder.encode(JSON.stringify(body)));
}

/** Keeps a page's word counts (written once they are counted); with its body, the page's fold is whole. */
export function writeFoldedWords(dir: string, key: string, words: ReadonlyMap<string, number>): void {
  writeSealed(join(dir, `${key}.tu`), encoder.encode(JSON.stringify([...words])));
}

/** The page's folded body, counting its texts into `texts` (foldedPage's work, kept in parts). */
export function foldPage(html: string, texts: Map<string, number>): FoldedBody | null {
  const body = foldBody(html, texts);
  return body ? [body.start, body.end, body.folded] : null;
}

/** The whole page as Pagefind should read it (foldedPage): the folded body in place of the original. */
export function pageWith(html: string, body: FoldedBody): string {
  return html.slice(0, body[0]) + body[2] + html.slice(body[1]);
}
