// The HTTP headers the site is served with, in one place: dist/_headers (for static hosts that read
// it, written by src/integrations/site-files.ts) and the nginx snippets in deploy/snippets/ (written
// by `npm run deploy:nginx`) are both rendered from these lists, so the two cannot say different
// things; tests/http-headers.test.ts fails when a checked-in snippet is stale, and
// tests/deploy.test.ts compares what real nginx sends with what dist/_headers asks for.
import { CSP_HEADER } from './csp.ts';

export type Header = readonly [name: string, value: string];

/** Sent with every response, pages and files alike (and with the 404 page). */
export const SECURITY_HEADERS: readonly Header[] = [
  ['Content-Security-Policy', CSP_HEADER],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  // A year, the common minimum for preload lists. Browsers ignore it over plain HTTP, so it only
  // takes effect once the site answers over HTTPS; no includeSubDomains: other sites of the
  // federation's domain may still be HTTP-only.
  ['Strict-Transport-Security', 'max-age=31536000'],
];

/**
 * How long a browser may keep a file. A content-hashed name (Astro's /_astro/, Pagefind's index
 * pieces) changes whenever the content does, so it can be kept a year without asking again;
 * anything else (pages, downloads, Pagefind's entry file and scripts) is asked for again on every
 * use — an unchanged file costs a 304 without a body.
 */
export const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
} as const;

export type CachePolicy = keyof typeof CACHE_CONTROL;

/**
 * Folders whose every file has a content-hashed name. _headers can only match such prefixes (its
 * splat `*` is not a file-name pattern on every host), so there the other files are left to the
 * host's own default, which revalidates; nginx adds Pagefind's hashed metadata file by pattern.
 */
export const IMMUTABLE_PREFIXES = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'] as const;

/**
 * Files that must be asked for again on every use, said explicitly: the service worker (a copy
 * kept by a host's default caching would keep an old site on every phone: src/lib/site/offline.ts)
 * and the web app manifest. nginx revalidates every file without a hashed name already.
 */
export const REVALIDATE_PATHS = ['/sw.js', '/manifest.webmanifest'] as const;

/** dist/_headers in the format of Netlify and Cloudflare Pages: a path pattern, then its headers indented. */
export function headersFile(): string {
  const block = (pattern: string, headers: readonly Header[]) => `${pattern}\n${headers.map(([name, value]) => `  ${name}: ${value}\n`).join('')}`;
  return [
    block('/*', SECURITY_HEADERS),
    ...IMMUTABLE_PREFIXES.map((prefix) => block(`${prefix}*`, [['Cache-Control', CACHE_CONTROL.immutable]])),
    ...REVALIDATE_PATHS.map((path) => block(path, [['Cache-Control', CACHE_CONTROL.revalidate]])),
  ].join('\n');
}

/** A value as a double-quoted nginx string. */
export function nginxString(value: string): string {
  // In an nginx string `$` starts a variable and cannot be escaped; no header here needs one.
  if (value.includes('$')) throw new Error(`nginx: giá trị tiêu đề có ký tự $, nginx sẽ đọc thành biến — "${value}"`);
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * The nginx snippet for one cache policy: every header as `add_header … always` (so error responses
 * carry them too). A location that includes it must add no header of its own — in nginx, one
 * add_header in a block drops every add_header inherited from outside it — which is why each
 * snippet holds the full set.
 */
export function nginxHeadersSnippet(policy: CachePolicy): string {
  const headers: Header[] = [...SECURITY_HEADERS, ['Cache-Control', CACHE_CONTROL[policy]]];
  return [
    `# Sinh bởi \`npm run deploy:nginx\` từ src/lib/site/http-headers.ts; đừng sửa tay (tests/http-headers.test.ts so với nguồn).`,
    `# Tiêu đề cho ${policy === 'immutable' ? 'tệp có tên băm theo nội dung: trình duyệt giữ một năm' : 'tệp không có tên băm: trình duyệt hỏi lại máy chủ mỗi lần dùng'}.`,
    ...headers.map(([name, value]) => `add_header ${name} ${nginxString(value)} always;`),
    '',
  ].join('\n');
}

/** Where `npm run deploy:nginx` writes each snippet, relative to the project root. */
export const NGINX_SNIPPETS: Record<CachePolicy, string> = {
  immutable: 'deploy/snippets/congdoan-soket/headers-immutable.conf',
  revalidate: 'deploy/snippets/congdoan-soket/headers-revalidate.conf',
};
