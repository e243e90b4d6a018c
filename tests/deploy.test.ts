// The site online as deploy/ configures it: real nginx (the Debian package, with its brotli_static
// module) serves the built dist/ through deploy/container.conf and, over TLS, deploy/nginx.conf —
// both only changed to listen on free ports of 127.0.0.1 and to read this dist/. Every page type and
// file type is fetched with Node's HTTP client, with and without Accept-Encoding, and checked for
// status, type, encoding (the body decoded is the built file byte for byte), caching and the
// security headers — which must be exactly those dist/_headers gives a static host for that path.
// No nginx on the machine is a failure that says how to install it, never a silent pass.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CACHE_CONTROL, SECURITY_HEADERS, type CachePolicy } from '../src/lib/site/http-headers';
import { headersForPath, parseHeadersFile, type HeaderRule } from './helpers/headers-file';
import { findNginx, get, startNginx, type Nginx, type Response } from './helpers/nginx';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGEFIND_PIECE = 'application/octet-stream';

/** The Content-Type expected for each file extension of a built site. */
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  docx: DOCX,
  xlsx: XLSX,
  wasm: 'application/wasm',
  // The data package (/so-lieu/goi-du-lieu.zip).
  zip: 'application/zip',
  // Pagefind's index pieces and its WebAssembly are gzip data that pagefind.js unpacks itself.
  pf_fragment: PAGEFIND_PIECE,
  pf_index: PAGEFIND_PIECE,
  pf_meta: PAGEFIND_PIECE,
  pf_filter: PAGEFIND_PIECE,
  pagefind: PAGEFIND_PIECE,
};

const ACCEPT = {
  none: {},
  gzip: { 'accept-encoding': 'gzip' },
  'gzip, br': { 'accept-encoding': 'gzip, deflate, br' },
} as const;

/** Every file of dist/ as a path relative to it, without the compressed copies and _headers. */
function distFiles(dir = DIST, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return distFiles(dir, path);
    return /\.(gz|br)$/.test(entry.name) || path === '_headers' ? [] : [path];
  });
}

const files = distFiles();
const first = (pattern: RegExp) => {
  const file = files.filter((f) => pattern.test(f)).sort()[0];
  if (!file) throw new Error(`dist/ không có tệp nào khớp ${pattern}: hãy chạy npm run build`);
  return file;
};
/** The largest file matching, for a case that must have compressed copies (tiny files get none). */
const largest = (pattern: RegExp) => {
  const file = files.filter((f) => pattern.test(f)).sort((a, b) => statSync(join(DIST, b)).size - statSync(join(DIST, a)).size)[0];
  if (!file) throw new Error(`dist/ không có tệp nào khớp ${pattern}: hãy chạy npm run build`);
  return file;
};
const ext = (file: string) => extname(file).slice(1);

interface Case { name: string; file: string; cache: CachePolicy; precompressed: boolean }
const page = (name: string, file: string): Case => ({ name, file, cache: 'revalidate', precompressed: true });
const CASES: Case[] = [
  page('home', 'index.html'),
  page('a document', 'van-ban/ke-hoach-so-ket/index.html'),
  page('a programme', first(/^chuong-trinh\/[^/]+\/index\.html$/)),
  page('the register', 'van-ban-dan-chieu/index.html'),
  page('an indicator', first(/^chi-tieu\/[^/]+\/index\.html$/)),
  page('a unit', first(/^don-vi\/[^/]+\/index\.html$/)),
  page('search', 'tim-kiem/index.html'),
  { name: 'a Word draft (.docx)', file: first(/\.docx$/), cache: 'revalidate', precompressed: false },
  { name: 'an Excel form (.xlsx)', file: first(/\.xlsx$/), cache: 'revalidate', precompressed: false },
  { name: 'figures (.csv)', file: 'so-lieu/toan-bo.csv', cache: 'revalidate', precompressed: true },
  { name: 'a calendar (.ics)', file: 'lich/toan-bo.ics', cache: 'revalidate', precompressed: true },
  { name: 'a hashed stylesheet', file: largest(/^_astro\/.+\.css$/), cache: 'immutable', precompressed: true },
  { name: 'a hashed script', file: largest(/^_astro\/.+\.js$/), cache: 'immutable', precompressed: true },
  { name: 'a font (hashed .woff2, already compressed)', file: first(/^_astro\/.+\.woff2$/), cache: 'immutable', precompressed: false },
  { name: 'a Pagefind fragment', file: first(/^pagefind\/fragment\/.+\.pf_fragment$/), cache: 'immutable', precompressed: false },
  { name: 'the Pagefind index', file: first(/^pagefind\/index\/.+\.pf_index$/), cache: 'immutable', precompressed: false },
  { name: 'a Pagefind filter', file: first(/^pagefind\/filter\/.+\.pf_filter$/), cache: 'immutable', precompressed: false },
  { name: 'the Pagefind metadata (hashed name)', file: first(/^pagefind\/pagefind\.[^/]+\.pf_meta$/), cache: 'immutable', precompressed: false },
  { name: 'the Pagefind entry file (fixed name)', file: 'pagefind/pagefind-entry.json', cache: 'revalidate', precompressed: false },
  { name: 'the Pagefind script (fixed name)', file: 'pagefind/pagefind.js', cache: 'revalidate', precompressed: true },
  { name: 'the Pagefind WebAssembly (fixed name)', file: first(/^pagefind\/wasm\.[^/]+\.pagefind$/), cache: 'revalidate', precompressed: false },
  { name: 'the sitemap', file: 'sitemap.xml', cache: 'revalidate', precompressed: true },
  { name: 'robots.txt', file: 'robots.txt', cache: 'revalidate', precompressed: false },
  { name: 'the icon', file: 'favicon.svg', cache: 'revalidate', precompressed: false },
  // Never kept long: a kept old worker would keep serving the old site offline (src/lib/site/offline.ts).
  { name: 'the service worker', file: 'sw.js', cache: 'revalidate', precompressed: true },
  { name: 'the web app manifest', file: 'manifest.webmanifest', cache: 'revalidate', precompressed: true },
  { name: 'an app icon', file: 'bieu-tuong/app-512.png', cache: 'revalidate', precompressed: false },
  page('the offline page', 'ngoai-tuyen/index.html'),
];

/** "van-ban/x/index.html" → "/van-ban/x/" (the address a visitor uses). */
const urlPath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** The body as the browser sees it once it has undone the Content-Encoding. */
function decoded(res: Response): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  expect(encoding, 'unexpected Content-Encoding').toBeUndefined();
  return res.body;
}

let rules: HeaderRule[] = [];

/** Security headers as src/lib/site/http-headers.ts says, and exactly what dist/_headers gives a static host for this path. */
function expectPolicyHeaders(res: Response, path: string, cache: CachePolicy) {
  for (const [name, value] of SECURITY_HEADERS) expect(res.headers[name.toLowerCase()], `${path}: ${name}`).toBe(value);
  expect(res.headers['cache-control'], `${path}: Cache-Control`).toBe(CACHE_CONTROL[cache]);
  const fromFile = headersForPath(rules, path);
  for (const [name, value] of fromFile) expect(res.headers[name], `${path}: ${name} (dist/_headers)`).toBe(value);
  // Beyond _headers, nginx adds only the caching a static host decides by itself for paths _headers leaves open.
  const policyNames = [...SECURITY_HEADERS.map(([name]) => name.toLowerCase()), 'cache-control'];
  const extra = policyNames.filter((name) => res.headers[name] !== undefined && !fromFile.has(name));
  expect(extra, `${path}: headers nginx sends that dist/_headers does not`).toEqual(fromFile.has('cache-control') ? [] : ['cache-control']);
}

function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`"${from}" xuất hiện ${count} lần (cần đúng 1) trong tệp cấu hình deploy/`);
  return text.replace(from, to);
}

let nginx: Nginx & { ports: number[] };
let origin = '';

beforeAll(async () => {
  rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  let conf = readFileSync('deploy/container.conf', 'utf8');
  nginx = await startNginx(([port]) => {
    conf = replaceOnce(conf, 'listen 80 default_server;', `listen 127.0.0.1:${port} default_server;`);
    conf = replaceOnce(conf, 'listen [::]:80 default_server;', '');
    return replaceOnce(conf, 'root /var/www/congdoan-soket;', `root ${DIST};`);
  });
  origin = `http://127.0.0.1:${nginx.ports[0]}`;
});
afterAll(async () => {
  await nginx?.stop();
});

describe('nginx (deploy/container.conf) serves every kind of page and file', () => {
  test.each(CASES.flatMap((c) => Object.keys(ACCEPT).map((accept) => [c.name, accept, c] as const)))('%s, Accept-Encoding: %s', async (_name, accept, c) => {
    const path = urlPath(c.file);
    const file = join(DIST, c.file);
    const res = await get(`${origin}${path}`, ACCEPT[accept as keyof typeof ACCEPT]);
    expect(res.status, path).toBe(200);
    expect(res.headers['content-type'], path).toBe(TYPES[ext(c.file)]);
    expectPolicyHeaders(res, path, c.cache);

    const hasBr = existsSync(`${file}.br`);
    const hasGz = existsSync(`${file}.gz`);
    if (c.precompressed) expect([hasGz, hasBr], `${c.file}: .gz and .br written by npm run build`).toEqual([true, true]);
    else expect([hasGz, hasBr], `${c.file}: no compressed copy (already compressed, or too small to gain)`).toEqual([false, false]);
    const wanted = accept === 'gzip, br' && hasBr ? 'br' : accept !== 'none' && hasGz ? 'gzip' : undefined;
    expect(res.headers['content-encoding'], path).toBe(wanted);
    expect(decoded(res).equals(readFileSync(file)), `${path}: the decoded body is the built file`).toBe(true);
    // A shared cache must keep the encodings apart.
    if (hasGz || hasBr) expect(res.headers.vary, path).toBe('Accept-Encoding');
  });

  test('every file type in dist/ is served with its own type (none falls back to application/octet-stream by accident)', async () => {
    const byExt = new Map<string, string>();
    for (const file of files) if (!byExt.has(ext(file))) byExt.set(ext(file), file);
    expect([...byExt.keys()].filter((e) => !(e in TYPES)), 'file types of dist/ without an expected Content-Type here and in site.conf').toEqual([]);
    for (const [e, file] of byExt) {
      const res = await get(`${origin}${urlPath(file)}`);
      expect([res.status, res.headers['content-type']], file).toEqual([200, TYPES[e]]);
    }
  });

  test('site.conf maps the types a later build may add (.png, .wasm) too', () => {
    const block = /\btypes\s*\{([^}]*)\}/.exec(readFileSync('deploy/snippets/congdoan-soket/site.conf', 'utf8'))![1]!;
    const mapped = new Map<string, string>();
    for (const line of block.split(';')) {
      const [type, ...exts] = line.trim().split(/\s+/);
      for (const e of exts) mapped.set(e, type!);
    }
    for (const [e, type] of Object.entries(TYPES)) expect(mapped.get(e), `.${e}`).toBe(type.replace(/; charset=utf-8$/, ''));
  });

  test.each([
    ['a missing page', '/khong-co-trang-nay/'],
    ['a missing file', '/tai-ve/khong-co.docx'],
    ['a missing hashed asset (not cached for a year)', '/_astro/khong-co.js'],
    ['a folder without a page', '/pagefind/'],
    ['the static-host rules file', '/_headers'],
  ])('%s → 404 with the site\'s 404 page', async (_name, path) => {
    for (const accept of Object.values(ACCEPT)) {
      const res = await get(`${origin}${path}`, accept);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toBe(TYPES.html);
      expectPolicyHeaders(res, '/404.html', 'revalidate');
      expect(decoded(res).equals(readFileSync(join(DIST, '404.html'))), `${path}: the body is dist/404.html`).toBe(true);
    }
  });

  test('a folder without its slash redirects, relative to the host the visitor used', async () => {
    const res = await get(`${origin}/van-ban`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/van-ban/');
    expectPolicyHeaders(res, '/van-ban', 'revalidate');
  });

  test('revalidation: a page that has not changed costs a 304 without a body, for each encoding', async () => {
    for (const accept of Object.values(ACCEPT)) {
      const first = await get(`${origin}/van-ban/ke-hoach-so-ket/`, accept);
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^"/);
      const again = await get(`${origin}/van-ban/ke-hoach-so-ket/`, { ...accept, 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers['cache-control']).toBe(CACHE_CONTROL.revalidate);
    }
  });

  test('no error beyond the expected missing files in nginx\'s log', () => {
    const lines = nginx.errorLog().split('\n').filter((line) => /\[(emerg|alert|crit|error)\]/.test(line));
    expect(lines.filter((line) => !/forbidden|No such file/.test(line))).toEqual([]);
  });
});

test('without nginx the deploy tests fail, naming the packages to install (never a silent pass)', () => {
  expect(() => findNginx(['/khong-co/nginx'])).toThrow(/Không tìm thấy nginx.*apt-get install -y nginx libnginx-mod-http-brotli-static/s);
});

describe('nginx with deploy/nginx.conf, the server install: HTTP → HTTPS, the same rules over TLS', () => {
  let tls: Nginx & { ports: number[] };
  const HOST = 'soket.example.vn';
  beforeAll(async () => {
    let conf = readFileSync('deploy/nginx.conf', 'utf8');
    tls = await startNginx(
      ([http, https]) => {
        conf = replaceOnce(conf, 'listen 80;', `listen 127.0.0.1:${http};`);
        conf = replaceOnce(conf, 'listen [::]:80;', '');
        conf = replaceOnce(conf, 'listen 443 ssl http2;', `listen 127.0.0.1:${https} ssl http2;`);
        conf = replaceOnce(conf, 'listen [::]:443 ssl http2;', '');
        conf = replaceOnce(conf, `/etc/letsencrypt/live/${HOST}/fullchain.pem`, resolve('tests/fixtures/tls/test-only.crt'));
        conf = replaceOnce(conf, `/etc/letsencrypt/live/${HOST}/privkey.pem`, resolve('tests/fixtures/tls/test-only.key'));
        return replaceOnce(conf, 'root /var/www/congdoan-soket;', `root ${DIST};`);
      },
      2,
    );
  });
  afterAll(async () => {
    await tls?.stop();
  });

  test('plain HTTP answers only with a redirect to the same address over HTTPS', async () => {
    const res = await get(`http://127.0.0.1:${tls.ports[0]}/van-ban/ke-hoach-so-ket/?q=1`, { host: HOST });
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`https://${HOST}/van-ban/ke-hoach-so-ket/?q=1`);
  });

  test.each([CASES[1]!, CASES.find((c) => c.cache === 'immutable')!])('over HTTPS: $name with HSTS and the rules of site.conf', async (c) => {
    const path = urlPath(c.file);
    const res = await get(`https://127.0.0.1:${tls.ports[1]}${path}`, { host: HOST, 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(TYPES[ext(c.file)]);
    expect(res.headers['content-encoding']).toBe('br');
    expectPolicyHeaders(res, path, c.cache);
    expect(decoded(res).equals(readFileSync(join(DIST, c.file)))).toBe(true);
  });

  test('over HTTPS: a missing page → 404 with the site\'s 404 page', async () => {
    const res = await get(`https://127.0.0.1:${tls.ports[1]}/khong-co/`, { host: HOST });
    expect(res.status).toBe(404);
    expectPolicyHeaders(res, '/404.html', 'revalidate');
    expect(res.body.equals(readFileSync(join(DIST, '404.html')))).toBe(true);
  });
});
