// Reading offline (src/lib/site/offline.ts, scripts/service-worker.ts): what the service worker
// keeps at install and why, the build id that renames the runtime caches, the generated worker's
// options, and the worker of the real build (dist/sw.js). In Chromium: tests/browser/offline.test.ts.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createContext, runInNewContext } from 'node:vm';
import { routes } from '../src/lib/site/routes';
import { DOCUMENT_PRECACHE_BUDGET, fillWorker, wholeWorker, isKeptOnceOpened, linkPrebuilt, workboxNamespace, MANIFEST_PLACEHOLDER, planOffline, referencesOf, runtimeCleanup, workboxOptions, BUILD_ID_PLACEHOLDER } from '../src/lib/site/offline';

const DIST = process.env.DIST_DIR ?? 'dist';
const enc = new TextEncoder();

/** A small built site in memory. */
function site(overrides: Record<string, string> = {}): Record<string, string> {
  const page = (body: string, extra = '') => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/base.css"><link rel="alternate" href="/thong-bao/atom.xml"><link rel="canonical" href="https://example.vn/x/"><link rel="manifest" href="/manifest.webmanifest">${extra}</head><body><script type="module" src="/_astro/register.js"></script>${body}</body></html>`;
  return {
    'index.html': page('<a href="/van-ban/a/">a</a>'),
    'ngoai-tuyen/index.html': page('Không có kết nối mạng'),
    'don-vi/index.html': page('<a href="/don-vi/u/">u</a>'),
    'don-vi/u/index.html': page('u', '<link rel="stylesheet" href="/_astro/trang-rieng.css">'),
    'don-vi/u/so-lieu.csv': 'a,b',
    'tai-ve/bieu-mau/u.xlsx': 'xlsx',
    'tai-ve/bao-cao/u.docx': 'docx',
    'kiem-tra-bieu-mau/index.html': page('', '<script type="module" src="/_astro/check.js"></script>'),
    'kiem-tra-bieu-mau/du-lieu.json': '{}',
    'kiem-tra-bieu-mau/form-check-worker-AbC123_x.js': 'self.onmessage=()=>{}',
    'van-ban/index.html': page('<a href="/van-ban/b/">b</a><a href="/van-ban/a/">a</a>'),
    'van-ban/a/index.html': page('A'.repeat(1000)),
    'van-ban/b/index.html': page('B'.repeat(1000)),
    'chi-tieu/index.html': page('', '<script type="module" src="/_astro/charts.js"></script>'),
    '_astro/base.css': '@font-face{src:url(/_astro/tinos.woff2)}',
    '_astro/trang-rieng.css': '.x{}',
    '_astro/tinos.woff2': 'font',
    '_astro/register.js': 'navigator.serviceWorker.register("/sw.js")',
    '_astro/check.js': 'import{a}from"./shared.js";const w=new URL("/kiem-tra-bieu-mau/form-check-worker-AbC123_x.js",import.meta.url);const d=()=>__vite__mapDeps(["_astro/lazy.js"]);const m=()=>import(`./split.js`)',
    // A chunk loaded only when needed (the size message and its catalogue), and what it imports in turn.
    '_astro/split.js': 'import{a}from"./check.js";import{c}from"./catalogue.js";export const m=c',
    '_astro/catalogue.js': 'export const c="quá giới hạn"',
    '_astro/shared.js': 'export const a=1',
    '_astro/lazy.js': 'export const b=2',
    '_astro/charts.js': 'chart',
    'manifest.webmanifest': JSON.stringify({ icons: [{ src: '/bieu-tuong/app-192.png' }] }),
    'bieu-tuong/app-192.png': 'png',
    'favicon.svg': '<svg/>',
    'thong-bao/atom.xml': '<feed/>',
    ...overrides,
  };
}
const plan = (files: Record<string, string>, budget?: number) => planOffline(Object.keys(files), (p) => enc.encode(files[p]!), budget);
const urls = (files: Record<string, string>, budget?: number) => plan(files, budget).precache.map((e) => e.url);

describe('what is kept at install', () => {
  test('entry pages, the unit list, the documents, the form check with its data and worker, the manifest and icons, and what they load', () => {
    expect(urls(site())).toEqual([
      '/', '/_astro/base.css', '/_astro/catalogue.js', '/_astro/check.js', '/_astro/lazy.js', '/_astro/register.js', '/_astro/shared.js', '/_astro/split.js', '/_astro/tinos.woff2',
      '/bieu-tuong/app-192.png', '/don-vi/', '/favicon.svg', '/kiem-tra-bieu-mau/', '/kiem-tra-bieu-mau/du-lieu.json',
      '/kiem-tra-bieu-mau/form-check-worker-AbC123_x.js', '/manifest.webmanifest', '/ngoai-tuyen/', '/van-ban/', '/van-ban/a/', '/van-ban/b/',
    ]);
  });

  test('not kept: unit pages and downloads (kept once opened), other pages, what only they load, feeds and canonical links', () => {
    const kept = urls(site());
    for (const url of ['/don-vi/u/', '/tai-ve/bieu-mau/u.xlsx', '/chi-tieu/', '/_astro/charts.js', '/_astro/trang-rieng.css', '/thong-bao/atom.xml']) expect(kept).not.toContain(url);
    // Nor the worker itself, named by the registration script, when it is already in the folder.
    expect(urls(site({ 'sw.js': 'old worker' }))).not.toContain('/sw.js');
    expect(kept.some((u) => u.startsWith('http'))).toBe(false);
  });

  test('revisions: a hash of the content, none for names that carry their own hash', () => {
    const entries = new Map(plan(site()).precache.map((e) => [e.url, e.revision]));
    expect(entries.get('/_astro/base.css')).toBeNull();
    expect(entries.get('/kiem-tra-bieu-mau/form-check-worker-AbC123_x.js')).toBeNull();
    expect(entries.get('/van-ban/a/')).toMatch(/^[0-9a-f]{16}$/);
    const changed = new Map(plan(site({ 'van-ban/a/index.html': 'changed' })).precache.map((e) => [e.url, e.revision]));
    expect(changed.get('/van-ban/a/')).not.toBe(entries.get('/van-ban/a/'));
    expect(changed.get('/van-ban/b/')).toBe(entries.get('/van-ban/b/'));
  });

  test('documents beyond the byte budget are left to be kept once opened, in the order the list shows them', () => {
    const base = site();
    const small = plan(base, base['van-ban/index.html']!.length + base['van-ban/b/index.html']!.length + 10);
    expect(small.precache.map((e) => e.url)).toContain('/van-ban/b/');
    expect(small.precache.map((e) => e.url)).not.toContain('/van-ban/a/');
    expect(small.documentsLeft).toBe(1);
    expect(plan(base).documentsLeft).toBe(0);
    expect(DOCUMENT_PRECACHE_BUDGET).toBe(3 * 1024 * 1024);
  });

  test('the build id changes with any kept file or any file kept once opened, and only then', () => {
    const id = plan(site()).buildId;
    const base = site();
    // A document beyond the budget, kept once opened.
    const small = base['van-ban/index.html']!.length + base['van-ban/b/index.html']!.length + 10;
    expect(plan(site({ 'van-ban/a/index.html': 'y'.repeat(2000) }), small).buildId).not.toBe(plan(site({ 'van-ban/a/index.html': 'z'.repeat(2000) }), small).buildId);
    expect(plan(site()).buildId).toBe(id);
    expect(plan(site({ 'van-ban/a/index.html': 'x' })).buildId).not.toBe(id);
    expect(plan(site({ 'don-vi/u/index.html': 'x' })).buildId).not.toBe(id);
    expect(plan(site({ 'tai-ve/bieu-mau/u.xlsx': 'x' })).buildId).not.toBe(id);
    expect(plan(site({ 'chi-tieu/index.html': 'x' })).buildId).toBe(id);
  });

  test('a calendar made again, its DTSTAMP the only difference, keeps the build id; a changed event does not', () => {
    // DTSTAMP is the time the calendar was made: every build writes a new one (src/data/calendars.ts).
    const ics = (stamp: string, summary = 'Gửi báo cáo') =>
      ['BEGIN:VCALENDAR', 'METHOD:PUBLISH', 'BEGIN:VEVENT', 'UID:a@example.vn', `DTSTAMP:${stamp}`, 'DTSTART;VALUE=DATE:20210315', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const first = plan(site({ 'lich/u.ics': ics('20261204T080000Z') })).buildId;
    expect(plan(site({ 'lich/u.ics': ics('20261205T173000Z') })).buildId).toBe(first);
    expect(plan(site({ 'lich/u.ics': ics('20261204T080000Z', 'Gửi biểu mẫu') })).buildId).not.toBe(first);
    expect(plan(site({ 'lich/u.ics': ics('20261204T080000Z').replace('DTSTART;VALUE=DATE:20210315', 'DTSTART;VALUE=DATE:20210316') })).buildId).not.toBe(first);
  });

  test('references: script, loaded links and images of a page, fonts of a stylesheet, files a script names', () => {
    expect(referencesOf('a.html', '<link rel="preload" href="/f.woff2" as="font"><link rel="alternate" href="/feed.xml"><img src="/i.png" alt=""><script src="/s.js"></script>')).toEqual(['/f.woff2', '/i.png', '/s.js']);
    expect(referencesOf('a.css', '@font-face{src:url("./x.woff2") format("woff2")}')).toEqual(['./x.woff2']);
    expect(referencesOf('a.js', 'import"./b.js";fetch("/d.json")')).toEqual(['./b.js', '/d.json']);
    expect(['don-vi/u/index.html', 'tai-ve/bao-cao/u.docx', 'tai-ve/de-cuong-bao-cao.docx', 'lich/u.ics', 'van-ban/x/index.html'].every(isKeptOnceOpened)).toBe(true);
    expect(['don-vi/index.html', 'tai-ve/chia-se/x.png', 'chi-tieu/x/index.html'].some(isKeptOnceOpened)).toBe(false);
  });
});

describe('the generated worker', () => {
  const options = workboxOptions('sw.js');
  /** A route's URL test, as workbox copies it into the worker: from its source text. */
  const matcher = (i: number) => new Function(`return (${String(options.runtimeCaching[i]!.urlPattern)})`)() as (a: { url: URL; sameOrigin: boolean; request: { mode: string } }) => boolean;
  const at = (i: number, path: string, mode = 'navigate') => matcher(i)({ url: new URL(path, 'https://x.vn'), sameOrigin: true, request: { mode } });

  test('workbox inlined, revisioned precache, old precaches cleaned, the new worker takes over at once', () => {
    expect(options).toMatchObject({ inlineWorkboxRuntime: true, skipWaiting: true, clientsClaim: true, cleanupOutdatedCaches: true, mode: 'production' });
    expect(options).not.toHaveProperty('importScripts');
    expect(options.additionalManifestEntries).toEqual([MANIFEST_PLACEHOLDER]);
  });

  test('runtime routes: unit pages, their downloads, further documents, hashed code; any other page gets the offline page', () => {
    const names = options.runtimeCaching.map((r) => (r.options as { cacheName?: string }).cacheName ?? r.handler);
    expect(names).toEqual([`soket-don-vi-${BUILD_ID_PLACEHOLDER}`, `soket-tai-ve-${BUILD_ID_PLACEHOLDER}`, `soket-van-ban-${BUILD_ID_PLACEHOLDER}`, `soket-astro-${BUILD_ID_PLACEHOLDER}`, 'NetworkOnly']);
    expect([at(0, routes.unit('bien-hoa')), at(0, routes.units()), at(0, routes.unitRowsCsv('bien-hoa'))]).toEqual([true, false, false]);
    const downloads = [routes.form('u', 'xlsx'), routes.draftReport('u'), routes.form('u', 'csv'), routes.unitRowsCsv('u'), routes.calendar('u'), routes.outlineTemplate()];
    expect(downloads.map((p) => at(1, p))).toEqual(downloads.map(() => true));
    expect([at(1, `${routes.shareImages()}x.png`), at(1, routes.dataPackage())]).toEqual([false, false]);
    expect([at(2, routes.document('x')), at(2, routes.documents())]).toEqual([true, false]);
    expect([at(3, '/_astro/x.js'), at(3, routes.indicators())]).toEqual([true, false]);
    expect([at(4, routes.indicators()), at(4, routes.indicators(), 'cors')]).toEqual([true, false]);
    for (const route of options.runtimeCaching.filter((r) => r.handler !== 'CacheFirst')) expect(route.options).toMatchObject({ precacheFallback: { fallbackURL: '/ngoai-tuyen/' } });
    for (const route of options.runtimeCaching.slice(0, 3)) expect(route.handler).toBe('NetworkFirst');
  });

  test('filled in: the list and the build id written, earlier builds\' runtime caches removed; a worker without the placeholder fails', () => {
    const p = plan(site());
    const generated = `precacheAndRoute([{url:"/__SOKET_PRECACHE__",revision:"__SOKET_REVISION__"}],{});new NetworkFirst({cacheName:"soket-don-vi-${BUILD_ID_PLACEHOLDER}"})`;
    const filled = fillWorker(generated, p);
    expect(filled).toContain(`precacheAndRoute(${JSON.stringify(p.precache.map(({ url, revision }) => ({ url, revision })))},{})`);
    expect(filled).toContain(`soket-don-vi-${p.buildId}`);
    expect(filled).not.toContain('__SOKET');
    expect(filled.startsWith(runtimeCleanup(p.buildId))).toBe(true);
    expect(() => fillWorker('precacheAndRoute([],{})', p)).toThrow(/cần đúng 1/);
  });

  test('a generated worker kept in the cache is whole only with its placeholders, so a damaged copy is generated again', () => {
    const generated = `precacheAndRoute([{url:"/__SOKET_PRECACHE__",revision:"__SOKET_REVISION__"}],{});new NetworkFirst({cacheName:"soket-don-vi-${BUILD_ID_PLACEHOLDER}"})`;
    expect(wholeWorker(enc.encode(generated))).toBe(true);
    // Cut short by a crash while it was written, or without the build id.
    expect(wholeWorker(enc.encode(generated.slice(0, 40)))).toBe(false);
    expect(wholeWorker(enc.encode(generated.replace(BUILD_ID_PLACEHOLDER, 'x')))).toBe(false);
    expect(wholeWorker(new Uint8Array())).toBe(false);
  });

  test('the clean-up keeps this build\'s runtime caches and removes the others of the site', async () => {
    const deleted: string[] = [];
    let onActivate: ((e: { waitUntil: (p: Promise<unknown>) => void }) => void) | undefined;
    let done: Promise<unknown> = Promise.resolve();
    const self = { addEventListener: (_: string, f: typeof onActivate) => { onActivate = f; } };
    const caches = {
      keys: async () => ['soket-don-vi-aaa', 'soket-don-vi-bbb', 'soket-tai-ve-aaa', 'soket-astro-aaa', 'soket-precache-v2-x', 'other'],
      delete: async (n: string) => { deleted.push(n); return true; },
    };
    new Function('self', 'caches', runtimeCleanup('bbb'))(self, caches);
    onActivate!({ waitUntil: (p) => { done = p; } });
    await done;
    expect(deleted).toEqual(['soket-don-vi-aaa', 'soket-tai-ve-aaa', 'soket-astro-aaa']);
  });
});

describe('the worker linked to workbox\'s prebuilt libraries, not bundled (linkPrebuilt)', () => {
  const libraries: Record<string, { code: string; dependencies: string[] }> = {
    'workbox-core': { code: 'this.workbox=this.workbox||{},this.workbox.core=function(t){return t.clientsClaim=function(){},t}({});\n//# sourceMappingURL=workbox-core.prod.js.map\n', dependencies: [] },
    'workbox-cacheable-response': { code: 'this.workbox.cacheableResponse=function(s){return s.CacheableResponsePlugin=class{},s}({});', dependencies: [] },
    'workbox-routing': { code: 'this.workbox.routing=function(t,e){return t.registerRoute=function(){},t}({},workbox.core._private);', dependencies: ['workbox-core'] },
  };
  const loaded: string[] = [];
  const load = (pkg: string) => {
    loaded.push(pkg);
    return libraries[pkg]!;
  };
  const template = [
    "import {registerRoute as workbox_routing_registerRoute} from '/x/node_modules/workbox-routing/registerRoute.mjs';",
    "import {CacheableResponsePlugin as workbox_cacheable_response_CacheableResponsePlugin} from '/x/node_modules/workbox-cacheable-response/CacheableResponsePlugin.mjs';",
    "import {clientsClaim as workbox_core_clientsClaim} from '/x/node_modules/workbox-core/clientsClaim.mjs';/**",
    ' * Welcome to your Workbox-powered service worker!',
    ' * See https://goo.gl/nhQhGp',
    ' */',
    '',
    '',
    '',
    'workbox_core_clientsClaim();',
    'workbox_routing_registerRoute(({ url }) => /^\\/a\\/$/.test(url.pathname), new workbox_cacheable_response_CacheableResponsePlugin());',
  ].join('\n');

  test('each library once, dependencies first, as published (without its source map\'s comment); each import read from its namespace; the template\'s comments dropped', () => {
    const linked = linkPrebuilt(template, load);
    expect(new Set(loaded)).toEqual(new Set(['workbox-core', 'workbox-routing', 'workbox-cacheable-response']));
    expect(loaded).toHaveLength(3);
    const at = (text: string) => linked.indexOf(text);
    expect(at('this.workbox.core=')).toBeGreaterThanOrEqual(0);
    expect(at('this.workbox.core=')).toBeLessThan(at('this.workbox.routing='));
    expect(linked.match(/this\.workbox\.core=/g)).toHaveLength(1);
    expect(linked).not.toMatch(/sourceMappingURL|^\s*import\b|goo\.gl|\/\*\*|\n{3}/m);
    expect(linked).toContain('const workbox_routing_registerRoute = workbox.routing.registerRoute;');
    expect(linked).toContain('const workbox_cacheable_response_CacheableResponsePlugin = workbox.cacheableResponse.CacheableResponsePlugin;');
    expect(linked.indexOf('const workbox_core_clientsClaim')).toBeGreaterThan(at('this.workbox.cacheableResponse='));
    expect(linked).toContain("workbox_routing_registerRoute(({ url }) => /^\\/a\\/$/.test(url.pathname)");
  });

  test('an import a prebuilt library does not export, or one it cannot read, fails instead of shipping a broken worker', () => {
    expect(() => linkPrebuilt("import {NetworkFirst as workbox_routing_NetworkFirst} from '/x/workbox-routing/NetworkFirst.mjs';\nx();", load)).toThrow(/workbox-routing dựng sẵn không có NetworkFirst/);
    expect(() => linkPrebuilt("import * as routing from 'workbox-routing';\nx();", load)).toThrow(/import không nối được/);
    expect(workboxNamespace('workbox-cacheable-response')).toBe('cacheableResponse');
    expect(workboxNamespace('workbox-core')).toBe('core');
  });
});

describe('dist/sw.js of the real build', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const list = JSON.parse(/\[\{"url":.*?\}\]/s.exec(sw)![0]) as { url: string; revision: string | null }[];
  const all = (dir: string): string[] => readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => relative(DIST, join(e.parentPath, e.name)));

  test('every page registers it from one small external script, at the address routes.ts gives', () => {
    expect(readFileSync('src/scripts/offline.ts', 'utf8')).toContain(`const SERVICE_WORKER = '${routes.serviceWorker()}';`);
    const register = readdirSync(join(DIST, '_astro')).filter((n) => /^BaseLayout\.astro_astro_type_script.*\.js$/.test(n));
    expect(register).toHaveLength(1);
    const code = readFileSync(join(DIST, '_astro', register[0]!), 'utf8');
    expect(code.replace(/[`']/g, '"')).toContain(`register("${routes.serviceWorker()}")`);
    expect(code.length).toBeLessThan(600);
    for (const file of ['index.html', 'van-ban/ke-hoach-so-ket/index.html', 'ngoai-tuyen/index.html']) {
      expect(readFileSync(join(DIST, file), 'utf8'), file).toContain(`<script type="module" src="/_astro/${register[0]}"></script>`);
    }
  });

  test('workbox\'s prebuilt libraries inside, each once, dependencies first; it runs and hands install, activate and fetch to workbox', () => {
    const order = [...sw.matchAll(/this\.workbox\.(\w+)=/g)].map((m) => m[1]);
    expect(order).toEqual(['core', 'routing', 'cacheableResponse', 'strategies', 'precaching']);
    expect(sw).not.toMatch(/sourceMappingURL|^\s*import\b/m);
    // In a bare worker scope: what the worker registers at its start.
    const events: string[] = [];
    const scope: Record<string, unknown> = { addEventListener: (type: string) => events.push(type), skipWaiting: () => events.push('skipWaiting'), location: new URL('https://x.vn/sw.js'), registration: { scope: 'https://x.vn/' }, URL };
    scope.self = scope;
    runInNewContext(sw, createContext(scope));
    expect(Object.keys(scope.workbox as object)).toEqual(order);
    expect(new Set(events)).toEqual(new Set(['activate', 'skipWaiting', 'install', 'fetch', 'message']));
  });

  test('workbox inside, nothing fetched from elsewhere, one worker for the site', () => {
    expect(sw).toMatch(/workbox:precaching/);
    // The one address in it is a link inside a console warning's text, never fetched.
    const addresses = sw.match(/importScripts|https?:\/\/[^\s"'`]*|storage\.googleapis|__SOKET/g) ?? [];
    expect(addresses).toEqual(['https://bit.ly/wb-precache']);
    // Beside it only the stand-in that retires the form check's own worker of earlier builds: it
    // answers no request and keeps nothing.
    expect(all(DIST).filter((f) => /(^|\/)sw\.js$/.test(f)).sort()).toEqual(['kiem-tra-bieu-mau/sw.js', 'sw.js']);
    const retired = readFileSync(join(DIST, 'kiem-tra-bieu-mau/sw.js'), 'utf8');
    expect(retired).not.toMatch(/'fetch'|cache\.(put|add)|caches\.open/);
    expect(retired).toMatch(/registration\.unregister\(\)/);
  });

  test('keeps the documents, the unit list, the form check with its code, data and fonts; a sensible size', () => {
    const urls = list.map((e) => e.url);
    for (const url of ['/', '/ngoai-tuyen/', '/van-ban/', '/van-ban/ke-hoach-so-ket/', '/van-ban/de-cuong-bao-cao/', '/van-ban/cong-van-xin-y-kien/', '/don-vi/', '/kiem-tra-bieu-mau/', '/kiem-tra-bieu-mau/du-lieu.json', '/manifest.webmanifest']) expect(urls).toContain(url);
    expect(urls.some((u) => /^\/kiem-tra-bieu-mau\/form-check-worker-[\w-]+\.js$/.test(u))).toBe(true);
    expect(urls.filter((u) => u.endsWith('.woff2')).length).toBeGreaterThanOrEqual(8);
    expect(urls.filter((u) => u.endsWith('.css')).length).toBeGreaterThanOrEqual(1);
    const scripts = [...readFileSync(join(DIST, 'kiem-tra-bieu-mau/index.html'), 'utf8').matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    for (const s of scripts) expect(urls).toContain(s);
    const file = (url: string) => join(DIST, url.endsWith('/') ? `${url}index.html` : url);
    const bytes = list.reduce((n, e) => n + statSync(file(e.url)).size, 0);
    console.log(`Giữ sẵn khi cài service worker: ${list.length} tệp, ${(bytes / 1024).toFixed(0)} KB (chưa nén); sw.js ${(sw.length / 1024).toFixed(0)} KB`);
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  test('keeps every chunk the form check\'s script loads, at once or later (the size message\'s catalogue), so the check works offline', () => {
    const urls = new Set(list.map((e) => e.url));
    const script = /<script[^>]+src="(\/_astro\/index\.astro_astro_type_script[^"]+)"/.exec(readFileSync(join(DIST, 'kiem-tra-bieu-mau/index.html'), 'utf8'))![1]!;
    const code = readFileSync(join(DIST, script), 'utf8');
    expect(code, 'the size message is loaded by a dynamic import').toMatch(/\bimport\(\s*["'`]\.\/[\w.-]+\.js["'`]\s*\)/);
    // Every script the page's script names, and what those name in turn.
    const seen = new Set<string>();
    const walk = (url: string) => {
      if (seen.has(url)) return;
      seen.add(url);
      for (const ref of referencesOf(url.slice(1), readFileSync(join(DIST, url), 'utf8'))) {
        if (!ref.endsWith('.js') || ref.includes('form-check-worker')) continue;
        walk(ref.startsWith('./') ? `/_astro/${ref.slice(2)}` : ref.startsWith('/') ? ref : `/${ref}`);
      }
    };
    walk(script);
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (const url of seen) expect(urls, url).toContain(url);
    expect([...seen].some((url) => readFileSync(join(DIST, url), 'utf8').includes('quá giới hạn'))).toBe(true);
  });

  test('every revision is the file\'s own (a rebuild with a changed file changes its entry)', async () => {
    const { createHash } = await import('node:crypto');
    for (const e of list.filter((x) => x.revision)) {
      const path = join(DIST, e.url.endsWith('/') ? `${e.url}index.html` : e.url);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16), e.url).toBe(e.revision);
    }
  });
});
