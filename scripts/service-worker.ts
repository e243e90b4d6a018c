// A step of `npm run build` (scripts/build.mjs), after the search index and before the compressed
// copies: writes the site's service worker, <DIST_DIR>/sw.js, for reading offline. What it keeps
// is decided by src/lib/site/offline.ts from the built files; the worker itself is workbox's:
// workbox-build checks the options (validateGenerateSWOptions) and writes the worker's code from
// them with its own template (populateSWTemplate, what generateSW does), and the workbox libraries
// that code calls go into sw.js as their packages publish them prebuilt (linkPrebuilt; the runtime
// inlined, no request leaves the site). generateSW would bundle and minify the same libraries
// again (rollup, babel, terser: about 2 s of CPU on a fresh clone, most of what issue 29 added to
// the first build); the prebuilt files are already minified. The generated worker, which holds
// placeholders for the precache list and the build id, is kept in
// node_modules/.cache/congdoan-soket/sw/ under a hash of workbox's version and the options (the
// build's one cache path, src/lib/fs/cached-file.ts), and only filled in on later builds.
// (Generating takes about 0.2 s of CPU now: the side process that generated it beside Astro's
// build while it took 2.5 s cost more CPU than it saved time.)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { checkGenerated, fillWorker, linkPrebuilt, planOffline, SERVICE_WORKER, wholeWorker, workboxOptions } from '../src/lib/site/offline.ts';
import { buildCacheDir, cachedFile } from '../src/lib/fs/cached-file.ts';
import { sweepCache } from '../src/lib/fs/cache-seal.ts';
import { fsReason } from '../src/lib/fs/transaction.ts';

const root = process.cwd();
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((p) => !/\.(gz|br)$/.test(p) && p !== '_headers');
}

/** The options as text: functions and patterns by their source, so that the cache key sees them. */
const serialise = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'function' || v instanceof RegExp ? String(v) : v));

/** How the worker is generated; part of the cache key, so a worker generated another way is not reused. */
const GENERATOR = 'template+prebuilt-1';

/** workbox-build's generateSW, short of bundling: its option check and template, linked to the prebuilt libraries. */
function generateWorker(): string {
  const workbox = createRequire(join(root, 'node_modules/workbox-build/package.json'));
  const { validateGenerateSWOptions } = workbox('./build/lib/validate-options.js') as { validateGenerateSWOptions: (o: unknown) => Record<string, unknown> & { mode?: string; additionalManifestEntries?: unknown[] } };
  const { populateSWTemplate } = workbox('./build/lib/populate-sw-template.js') as { populateSWTemplate: (o: unknown) => string };
  const options = validateGenerateSWOptions(workboxOptions('sw.js'));
  // Our precache list is one placeholder entry (generateSW's globbing would add nothing: planOffline globs).
  const unbundled = populateSWTemplate({ ...options, manifestEntries: options.additionalManifestEntries ?? [] });
  const build = options.mode === 'production' ? 'prod' : 'dev';
  return linkPrebuilt(unbundled, (pkg) => {
    const dir = dirname(workbox.resolve(`${pkg}/package.json`));
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    return { code: readFileSync(join(dir, 'build', `${pkg}.${build}.js`), 'utf8'), dependencies: Object.keys(meta.dependencies ?? {}).filter((d) => d.startsWith('workbox-')) };
  });
}

/**
 * The generated worker with these options: from the cache when a whole copy is there (a damaged
 * copy is generated again), otherwise generated, checked and kept, replacing workers generated
 * with earlier options, which are of no more use.
 */
async function generatedWorker(): Promise<string> {
  const workbox = JSON.parse(readFileSync(join(root, 'node_modules/workbox-build/package.json'), 'utf8')) as { version: string };
  const key = createHash('sha256').update(`workbox-build@${workbox.version}\n${GENERATOR}\n`).update(serialise(workboxOptions('sw.js'))).digest('hex').slice(0, 32);
  const cacheDir = buildCacheDir(root, 'sw');
  const make = () => {
    const text = generateWorker();
    // Only a fresh worker without its placeholders fails the build (a workbox upgrade that writes them differently).
    checkGenerated(text);
    return Buffer.from(text, 'utf8');
  };
  const worker = await cachedFile(cacheDir, key, 'js', make, wholeWorker);
  // Workers generated with earlier options (or a killed write's temp file) are of no more use.
  if (cacheDir) sweepCache(cacheDir, new Set([key]));
  return Buffer.from(worker).toString('utf8');
}

const started = performance.now();
try {
  const plan = planOffline(files(dist), (path) => readFileSync(join(dist, path)));
  const worker = fillWorker(await generatedWorker(), plan);
  writeFileSync(join(dist, SERVICE_WORKER.slice(1)), worker);
  const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('vi-VN')} KB`;
  console.log(
    `Service worker (sw.js, ${kb(Buffer.byteLength(worker))}): giữ sẵn ${plan.precache.length} tệp, ${kb(plan.precacheBytes)}` +
      `${plan.documentsLeft > 0 ? `; ${plan.documentsLeft} trang văn bản vượt hạn mức, được giữ khi mở` : ''}; bản dựng ${plan.buildId} (${Math.round(performance.now() - started)} ms).`,
  );
} catch (error) {
  // One Vietnamese line, never a stack: the build names the step and keeps dist/ (scripts/build.mjs).
  const { code } = (error ?? {}) as { code?: string };
  const reason = code ? fsReason({ code }) : error instanceof Error ? error.message : String(error);
  console.error(`Không tạo được service worker (sw.js): ${reason}.`);
  process.exit(1);
}
