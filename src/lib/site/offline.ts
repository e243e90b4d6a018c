// Reading offline (issue 29): what the site's service worker keeps, decided from the built site, and
// the workbox-build options that generate it (scripts/service-worker.ts runs workbox's template and
// links it to workbox's prebuilt libraries, linkPrebuilt below: the worker only configures
// workbox). Pure: the built files come in as a list of paths and a reader, so tests can hand it a
// site in memory.
//
// Kept at install (precache, revisioned, so a new build fetches only what changed and drops what is
// gone): the home page, the offline page, the unit list, the form check with its data and worker,
// the document pages (/van-ban/…) within a byte budget, the web app manifest and its icons, and every
// script, stylesheet and font those pages load, with the chunks those scripts import later (the form
// check's size message and its catalogue, loaded only for a file over the limit). Kept once opened (network first, so online readers
// always get the published copy): each unit's page and its downloads, documents beyond the budget,
// and the hashed scripts and stylesheets those pages load.
// Any other page asked for offline gets the offline page.
import { createHash } from 'node:crypto';
import { routes } from './routes.ts';

/** The page shown for anything not kept (src/pages/ngoai-tuyen.astro). */
export const OFFLINE_PAGE = routes.offline();
/** The service worker's file. */
export const SERVICE_WORKER = routes.serviceWorker();

/**
 * Document pages are kept at install up to this many bytes (HTML): the real edition's three
 * documents and their lists take a few hundred KB; an edition of thousands of documents keeps the
 * first ones of the list and leaves the rest to be kept once opened, so a first visit on a phone
 * never downloads tens of megabytes.
 */
export const DOCUMENT_PRECACHE_BUDGET = 3 * 1024 * 1024;

/** Pages kept at install whatever the budget: entry points and the form check. */
const FIXED_PAGES = [routes.home(), OFFLINE_PAGE, routes.units(), routes.formCheck(), routes.documents()].map((url) => `${url.slice(1)}index.html`);
/** Files kept at install besides pages and what they load. */
const FIXED_FILES = [routes.formCheckData(), routes.webManifest(), '/favicon.svg'].map((url) => url.slice(1));

/** Runtime caches: a name per kind, suffixed with the build's id so that a new build starts empty ones. */
export const RUNTIME_CACHES = { units: 'soket-don-vi', downloads: 'soket-tai-ve', documents: 'soket-van-ban', assets: 'soket-astro' } as const;
/** Stands for the build's id in the generated worker (cached between builds), replaced when written. */
export const BUILD_ID_PLACEHOLDER = '__SOKET_BUILD_ID__';
/** Stands for the precache list in the generated worker, replaced when written. */
export const MANIFEST_PLACEHOLDER = { url: '/__SOKET_PRECACHE__', revision: '__SOKET_REVISION__' } as const;

export interface PrecacheEntry {
  /** The address asked for ("/van-ban/x/" for van-ban/x/index.html). */
  url: string;
  /** A hash of the content, or null when the name already changes with the content (/_astro/…). */
  revision: string | null;
  /** Bytes of the file. */
  size: number;
}

export interface OfflinePlan {
  precache: PrecacheEntry[];
  /** Bytes downloaded at install. */
  precacheBytes: number;
  /** Document pages left to be kept once opened (over DOCUMENT_PRECACHE_BUDGET). */
  documentsLeft: number;
  /** Changes whenever a precached file or one kept once opened changes: names the runtime caches. */
  buildId: string;
}

/** "van-ban/x/index.html" → "/van-ban/x/"; "a/b.js" → "/a/b.js". */
export function urlOf(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * A file the worker keeps once opened (the runtime routes of workboxOptions): a unit's page, a
 * download (draft, form, figures, calendar, the outline's template), a document page. Their
 * contents go into the build id, so that a change to any of them renames the runtime caches.
 */
export function isKeptOnceOpened(path: string): boolean {
  return /^don-vi\/[^/]+\/(index\.html|so-lieu\.csv)$/.test(path) || /^tai-ve\/.+\.(docx|xlsx|csv)$/.test(path) || /^lich\/[^/]+\.ics$/.test(path) || /^van-ban\/.+\/index\.html$/.test(path);
}

const hashed = (path: string) => path.startsWith('_astro/') || /^kiem-tra-bieu-mau\/form-check-worker-[\w-]+\.js$/.test(path);

/** Resolves a reference written in `from` to a path of the site, or null when it leaves the site. */
function resolveRef(ref: string, from: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) return null;
  const clean = ref.replace(/[?#].*$/, '');
  if (!clean) return null;
  const base = clean.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of clean.replace(/^\//, '').split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.' && part !== '') base.push(part);
  }
  return base.join('/');
}

const LOADED_LINKS = new Set(['stylesheet', 'preload', 'modulepreload', 'icon', 'manifest', 'apple-touch-icon']);

/** What a page, stylesheet, script or manifest loads, as written (the caller keeps those that exist). */
export function referencesOf(path: string, text: string): string[] {
  const refs: string[] = [];
  if (path.endsWith('.html')) {
    for (const tag of text.matchAll(/<(script|link|img)\b[^>]*>/gi)) {
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag[0])?.[1];
      const kind = tag[1]!.toLowerCase();
      if (kind === 'link' && !(attr('rel') ?? '').split(/\s+/).some((rel) => LOADED_LINKS.has(rel.toLowerCase()))) continue;
      const ref = kind === 'link' ? attr('href') : attr('src');
      if (ref) refs.push(ref);
    }
  } else if (path.endsWith('.css')) {
    for (const m of text.matchAll(/url\(\s*['"]?([^'")\s]+)['"]?\s*\)/g)) refs.push(m[1]!);
  } else if (path.endsWith('.js')) {
    // Static and dynamic imports, the bundler's preload lists and the worker's URL are all string
    // literals naming a built file.
    for (const m of text.matchAll(/["'`]((?:\.{1,2}\/|\/)?[\w@./-]+\.(?:js|css|json|woff2|wasm))["'`]/g)) refs.push(m[1]!);
  } else if (path.endsWith('.webmanifest')) {
    try {
      const manifest = JSON.parse(text) as { icons?: { src?: string }[] };
      for (const icon of manifest.icons ?? []) if (icon.src) refs.push(icon.src);
    } catch {
      // A manifest that is not JSON keeps no icon; the manifest's own test says why.
    }
  }
  return refs;
}

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * A file's digest as its revision and the build id see it: a calendar's without its DTSTAMP lines.
 * DTSTAMP is when the calendar was made (RFC 5545, METHOD:PUBLISH), new in every build; hashed with
 * it, every build had a new id, and its worker dropped what readers had kept from the last one
 * (unit pages, downloads, documents) though nothing in them had changed.
 */
function contentDigest(path: string, bytes: Uint8Array): string {
  if (!path.endsWith('.ics')) return sha(bytes);
  return sha(new TextDecoder().decode(bytes).replace(/^DTSTAMP:[^\r\n]*\r?\n/gm, ''));
}

/**
 * The precache list of a built site. `paths`: every file of dist/ relative to it (compressed
 * copies excluded); `read`: a file's bytes.
 */
export function planOffline(paths: readonly string[], read: (path: string) => Uint8Array, budget = DOCUMENT_PRECACHE_BUDGET): OfflinePlan {
  // The worker itself is never in its own list (a second run over the same folder finds it there).
  const exists = new Set(paths.filter((p) => p !== SERVICE_WORKER.slice(1)));
  const kept = new Map<string, Uint8Array>();
  const keep = (path: string) => {
    if (kept.has(path) || !exists.has(path)) return;
    const bytes = read(path);
    kept.set(path, bytes);
    // Only text files name other files; Buffer and Uint8Array both decode here.
    if (/\.(html|css|js|webmanifest)$/.test(path)) {
      for (const ref of referencesOf(path, new TextDecoder().decode(bytes))) {
        // A bare name ("_astro/x.js" in the bundler's preload lists) is relative to the site's root.
        const bare = /^[\w@]/.test(ref) ? [resolveRef(`/${ref}`, path)] : [];
        for (const target of [resolveRef(ref, path), ...bare]) {
          if (target === null) continue;
          const file = target === '' || target.endsWith('/') ? `${target}index.html` : target;
          if (exists.has(file)) keep(file);
        }
      }
    }
  };
  for (const path of [...FIXED_PAGES, ...FIXED_FILES]) keep(path);

  // Documents in the order the lists show them (/van-ban/, then its further pages), then the rest.
  const documentPages = paths.filter((p) => /^van-ban\/.+\/index\.html$/.test(p) && !kept.has(p));
  const listPages = documentPages.filter((p) => /^van-ban\/trang\/\d+\/index\.html$/.test(p)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const order: string[] = [];
  for (const list of ['van-ban/index.html', ...listPages]) {
    if (!exists.has(list)) continue;
    order.push(list);
    const html = new TextDecoder().decode(read(list));
    for (const m of html.matchAll(/href="\/(van-ban\/[^"#?]+\/)"/g)) order.push(`${m[1]}index.html`);
  }
  order.push(...documentPages.slice().sort());
  // The first page over the budget ends the list: the rest are not even read (10,000 documents).
  let documentBytes = 0;
  let full = false;
  const left = new Set<string>();
  for (const page of order) {
    if (kept.has(page) || !exists.has(page)) continue;
    if (!full) {
      const size = read(page).length;
      if (documentBytes + size <= budget) {
        documentBytes += size;
        keep(page);
        continue;
      }
      full = true;
    }
    left.add(page);
  }
  const documentsLeft = left.size;

  const precache = [...kept.entries()]
    .map(([path, bytes]) => ({ url: urlOf(path), revision: hashed(path) ? null : contentDigest(path, bytes).slice(0, 16), size: bytes.length }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const id = createHash('sha256');
  for (const entry of precache) id.update(`${entry.url}\0${entry.revision ?? ''}\n`);
  for (const path of paths.filter((p) => isKeptOnceOpened(p) && !kept.has(p)).sort()) id.update(`${path}\0${contentDigest(path, read(path))}\n`);
  return { precache, precacheBytes: precache.reduce((n, e) => n + e.size, 0), documentsLeft, buildId: id.digest('hex').slice(0, 12) };
}

/** A runtime cache's name for a build. */
export const runtimeCacheName = (kind: keyof typeof RUNTIME_CACHES, buildId: string) => `${RUNTIME_CACHES[kind]}-${buildId}`;

/**
 * The options of workbox-build's generateSW (checked by its validateGenerateSWOptions and written
 * into the worker by its template, then linked to the prebuilt libraries: linkPrebuilt), with the
 * precache list and the build id left as placeholders (so the generated worker can be kept between
 * builds and filled in by `fillWorker`).
 * The URL tests are functions workbox copies into the worker as source text: they use nothing
 * from this module.
 */
export function workboxOptions(swDest: string) {
  const fallback = { fallbackURL: OFFLINE_PAGE };
  const ok = { statuses: [200] };
  return {
    swDest,
    // The workbox runtime goes into sw.js itself: no request to a CDN, no second file.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // The placeholder stands for the real list, filled in by fillWorker; globbing is ours (planOffline).
    globDirectory: '.',
    globPatterns: [],
    additionalManifestEntries: [MANIFEST_PLACEHOLDER],
    // Page addresses are precached as the visitor writes them ("/van-ban/x/"); a query
    // (?don-vi=… on the form check) still finds the page.
    ignoreURLParametersMatching: [/.*/],
    cacheId: 'soket',
    // A new build's worker takes over at once (see docs in README "Đọc khi không có mạng"):
    // waiting for every tab to close would keep an old site alive on phones for weeks.
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // A unit's page: the published copy when online (within 5 s on a weak signal), else the one kept.
        urlPattern: ({ url, sameOrigin }: { url: URL; sameOrigin: boolean }) => sameOrigin && /^\/don-vi\/[^/]+\/$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: { cacheName: `${RUNTIME_CACHES.units}-${BUILD_ID_PLACEHOLDER}`, networkTimeoutSeconds: 5, cacheableResponse: ok, precacheFallback: fallback },
      },
      {
        // A unit's downloads: its draft report (Word), form (Excel, CSV), figures and calendar; the
        // outline's Word template too. The patterns follow routes.ts (tests/offline.test.ts checks them).
        urlPattern: ({ url, sameOrigin }: { url: URL; sameOrigin: boolean }) =>
          sameOrigin && (/^\/tai-ve\/.+\.(docx|xlsx|csv)$/.test(url.pathname) || /^\/don-vi\/[^/]+\/so-lieu\.csv$/.test(url.pathname) || /^\/lich\/[^/]+\.ics$/.test(url.pathname)),
        handler: 'NetworkFirst',
        options: { cacheName: `${RUNTIME_CACHES.downloads}-${BUILD_ID_PLACEHOLDER}`, networkTimeoutSeconds: 10, cacheableResponse: ok, precacheFallback: fallback },
      },
      {
        // Documents beyond the precache budget, once opened.
        urlPattern: ({ url, sameOrigin }: { url: URL; sameOrigin: boolean }) => sameOrigin && /^\/van-ban\/.+\/$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: { cacheName: `${RUNTIME_CACHES.documents}-${BUILD_ID_PLACEHOLDER}`, networkTimeoutSeconds: 5, cacheableResponse: ok, precacheFallback: fallback },
      },
      {
        // Scripts and stylesheets of the pages above that are not precached (a unit page's table
        // sorter and its stylesheet): their names change with their content, so a kept copy is exact.
        urlPattern: ({ url, sameOrigin }: { url: URL; sameOrigin: boolean }) => sameOrigin && url.pathname.startsWith('/_astro/'),
        handler: 'CacheFirst',
        options: { cacheName: `${RUNTIME_CACHES.assets}-${BUILD_ID_PLACEHOLDER}`, cacheableResponse: ok },
      },
      {
        // Any other page: the network, or the offline page.
        urlPattern: ({ request }: { request: Request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: fallback },
      },
    ],
  };
}

/**
 * Removes the runtime caches of earlier builds when this build's worker activates: their names
 * carry another build's id. Prepended to the generated worker (workbox's own clean-up only knows
 * precaches).
 */
export function runtimeCleanup(buildId: string): string {
  const current = (Object.keys(RUNTIME_CACHES) as (keyof typeof RUNTIME_CACHES)[]).map((kind) => runtimeCacheName(kind, buildId));
  const prefixes = Object.values(RUNTIME_CACHES).map((name) => `${name}-`);
  return [
    `// Sinh bởi npm run build (src/lib/site/offline.ts); bản dựng ${buildId}. Xoá bản sao trang đơn vị, tệp tải về, văn bản của các bản dựng trước.`,
    `self.addEventListener('activate', (event) => { const keep = ${JSON.stringify(current)}; const prefixes = ${JSON.stringify(prefixes)};`,
    `  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((n) => prefixes.some((p) => n.startsWith(p)) && !keep.includes(n)).map((n) => caches.delete(n))))); });`,
    '',
  ].join('\n');
}

/** A workbox library as its package ships it prebuilt (build/<name>.prod.js), and the workbox libraries it needs first. */
export interface PrebuiltLibrary {
  code: string;
  dependencies: readonly string[];
}

/** The namespace a prebuilt workbox library fills on `self.workbox`, as workbox-sw loads it: "workbox-cacheable-response" → "cacheableResponse". */
export const workboxNamespace = (pkg: string) => pkg.replace(/^workbox-/, '').replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

/** An import workbox-build's template writes: `import {registerRoute as workbox_routing_registerRoute} from '…/workbox-routing/registerRoute.mjs';`. */
const TEMPLATE_IMPORT = /import\s*\{\s*(\w+)\s+as\s+(\w+)\s*\}\s*from\s*'[^'\n]*?\/(workbox-[a-z-]+)\/\1\.mjs'\s*;?/g;

/**
 * The worker from workbox-build's own template (populateSWTemplate: the options turned into calls
 * of workbox's modules, the same code generateSW bundles) and the prebuilt production files of the
 * workbox libraries it imports, without bundling: each library's file, dependencies first, goes
 * into the worker as it is published (the files workbox-sw would load with importScripts, so the
 * runtime stays inside sw.js and nothing is fetched), and each import becomes a read of the
 * library's namespace. All caching behaviour is workbox's; this only joins its published parts.
 * Bundling them (rollup, babel, terser) cost the first build of a clone about 2 s of CPU.
 * Throws when the template imports something a prebuilt library does not export, or in a form not
 * recognised (a workbox upgrade that changes either must fail the build, never ship a broken worker).
 */
export function linkPrebuilt(unbundled: string, load: (pkg: string) => PrebuiltLibrary): string {
  const libraries = new Map<string, PrebuiltLibrary>();
  const library = (pkg: string) => {
    let found = libraries.get(pkg);
    if (!found) libraries.set(pkg, (found = load(pkg)));
    return found;
  };
  const bindings: string[] = [];
  const body = unbundled.replace(TEMPLATE_IMPORT, (_m, name: string, local: string, pkg: string) => {
    // A prebuilt library exports a name by setting it on its namespace object ("t.registerRoute=").
    if (!new RegExp(`[\\w$]\\.${name}=`).test(library(pkg).code)) throw new Error(`thư viện ${pkg} dựng sẵn không có ${name} mà mẫu service worker của workbox dùng`);
    bindings.push(`const ${local} = workbox.${workboxNamespace(pkg)}.${name};`);
    return '';
  });
  if (/^\s*import\b/m.test(body)) throw new Error('mẫu service worker của workbox có lệnh import không nối được với thư viện dựng sẵn');
  const order: string[] = [];
  const visit = (pkg: string, path: readonly string[]) => {
    if (order.includes(pkg)) return;
    if (path.includes(pkg)) throw new Error(`thư viện workbox phụ thuộc vòng: ${[...path, pkg].join(' → ')}`);
    for (const dependency of library(pkg).dependencies) visit(dependency, [...path, pkg]);
    order.push(pkg);
  };
  for (const pkg of [...libraries.keys()]) visit(pkg, []);
  // The source map each file names is not shipped: the comment would only send devtools to a 404.
  const runtime = order.map((pkg) => `${library(pkg).code.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '')}\n`);
  // The template's explanatory comments (they link workbox's docs) are dropped, as generateSW's minifier did.
  const code = body.replace(/^\/\*\*\n(?: \*.*\n)*? \*\/\n/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  return [...runtime, ...bindings, code, ''].join('\n');
}

const PLACEHOLDER = /\[\s*\{\s*"?url"?\s*:\s*"\/__SOKET_PRECACHE__"\s*,\s*"?revision"?\s*:\s*"__SOKET_REVISION__"\s*\}\s*\]/g;

/** Throws unless the generated worker holds the precache placeholder exactly once and the build id's. */
export function checkGenerated(generated: string): void {
  const found = generated.match(PLACEHOLDER)?.length ?? 0;
  if (found !== 1) throw new Error(`sw.js do workbox sinh ra có ${found} chỗ giữ danh sách tệp giữ sẵn (cần đúng 1)`);
  if (!generated.includes(BUILD_ID_PLACEHOLDER)) throw new Error('sw.js do workbox sinh ra không có chỗ giữ mã bản dựng');
}

/** A generated worker kept in the build's cache is whole when checkGenerated accepts it; a damaged copy is generated again. */
export function wholeWorker(bytes: Uint8Array): boolean {
  try {
    checkGenerated(new TextDecoder().decode(bytes));
    return true;
  } catch {
    return false;
  }
}

/**
 * The worker of this build from the generated one (with placeholders): the precache list and the
 * build id written in, the clean-up of earlier builds' runtime caches in front. Throws when the
 * generated worker does not hold the placeholders exactly as expected (a workbox upgrade that
 * writes them differently must fail the build, never ship a worker without its list).
 */
export function fillWorker(generated: string, plan: OfflinePlan): string {
  checkGenerated(generated);
  const list = JSON.stringify(plan.precache.map(({ url, revision }) => ({ url, revision })));
  return runtimeCleanup(plan.buildId) + generated.replace(PLACEHOLDER, () => list).replaceAll(BUILD_ID_PLACEHOLDER, plan.buildId);
}
