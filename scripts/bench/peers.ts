// The peers `npm run bench` builds beside the project and the bare Astro site, from the same
// synthetic documents: Starlight (the documentation framework most Astro users pick, with its own
// Pagefind search) and Hugo (Debian's package, with plain Pagefind over its output).
//
// Neither is a dependency of the project. Starlight's current npm release is installed at bench time
// into a folder of its own under node_modules/.cache (kept between runs, one folder per release),
// with the same Astro release the project uses, so the comparison is of the frameworks and not of
// two Astro versions. Hugo is installed with apt-get when it is missing (root only; otherwise the
// bench says which line to run).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeDocuments } from './corpus.ts';

export type Peer = 'starlight' | 'hugo';
export const PEERS: readonly Peer[] = ['starlight', 'hugo'];

/** npm as the bench was started (`npm run bench` sets npm_execpath), else the one on PATH. */
function npm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  return execPath && /\.c?js$/.test(execPath)
    ? spawnSync(process.execPath, [execPath, ...args], { cwd, encoding: 'utf8' })
    : spawnSync('npm', args, { cwd, encoding: 'utf8' });
}

function installedVersion(modules: string, name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * node_modules holding Starlight's current release (asked of the registry each run) and the
 * project's own Astro release; installed once per Starlight release under
 * node_modules/.cache/congdoan-soket/bench/. Without the registry, the newest release installed
 * before is used, and said so.
 */
export function starlightModules(projectRoot: string, log: (line: string) => void): { modules: string; version: string } {
  const cache = join(projectRoot, 'node_modules/.cache/congdoan-soket/bench');
  const astro = installedVersion(join(projectRoot, 'node_modules'), 'astro');
  if (!astro) throw new Error('Không thấy gói astro của dự án: chạy `npm ci` trước.');
  const asked = npm(['view', '@astrojs/starlight', 'version'], projectRoot);
  let version = asked.status === 0 ? asked.stdout.trim() : '';
  if (!/^\d+\.\d+\.\d+/.test(version)) {
    const earlier = existsSync(cache) ? readdirSync(cache).filter((name) => name.startsWith('starlight-')).sort() : [];
    if (!earlier.length) throw new Error(`Không hỏi được npm phiên bản mới nhất của @astrojs/starlight và chưa có bản nào cài sẵn: ${asked.stderr.trim().slice(0, 300)}`);
    version = earlier.at(-1)!.replace(/^starlight-/, '').replace(/-astro-.*$/, '');
    log(`  (không hỏi được npm: dùng Starlight ${version} đã cài trước)`);
  }
  const dir = join(cache, `starlight-${version}-astro-${astro}`);
  const modules = join(dir, 'node_modules');
  if (installedVersion(modules, '@astrojs/starlight') !== version) {
    log(`  cài Starlight ${version} (Astro ${astro}) vào ${dir} …`);
    // Installed in a temp folder beside it and renamed when whole: a stopped install leaves no half folder.
    const temp = `${dir}.cai-${process.pid}`;
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp, { recursive: true });
    writeFileSync(join(temp, 'package.json'), JSON.stringify({ name: 'bench-starlight', private: true, type: 'module', dependencies: { '@astrojs/starlight': version, astro } }, null, 2));
    const installed = npm(['install', '--no-audit', '--no-fund', '--loglevel=error'], temp);
    if (installed.status !== 0) {
      rmSync(temp, { recursive: true, force: true });
      throw new Error(`Không cài được Starlight ${version}: ${installed.stderr.trim().slice(-1000)}`);
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
  }
  return { modules, version };
}

/**
 * node_modules for a copy: a folder of links to another folder's packages, so that Astro's own
 * caches (node_modules/.astro, .vite) and the project's (node_modules/.cache) belong to that copy
 * and no build reuses another's.
 */
export function linkModules(dir: string, from: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(from, name), join(modules, name));
  }
}

/**
 * A Starlight site of the synthetic documents, as its manual set-up page describes it: the docs
 * collection with Starlight's loader and schema, every option at its default (the sidebar lists
 * every page, Pagefind search on), the language Vietnamese.
 */
export function starlightCopy(dir: string, docs: number, modules: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  // Its dependencies named as in a real site: Astro bundles the packages a site depends on that
  // ship .astro components (Starlight's), and without them leaves `astro:` imports unresolved.
  writeFileSync(join(dir, 'package.json'), readFileSync(join(modules, '..', 'package.json')));
  writeFileSync(join(dir, 'astro.config.mjs'), [
    "import { defineConfig } from 'astro/config';",
    "import starlight from '@astrojs/starlight';",
    '',
    "export default defineConfig({ site: 'https://example.org', integrations: [starlight({ title: 'Văn bản', defaultLocale: 'root', locales: { root: { label: 'Tiếng Việt', lang: 'vi' } } })] });",
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'src/content.config.ts'), [
    "import { defineCollection } from 'astro:content';",
    "import { docsLoader } from '@astrojs/starlight/loaders';",
    "import { docsSchema } from '@astrojs/starlight/schema';",
    '',
    'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
    '',
  ].join('\n'));
  writeDocuments(join(dir, 'src/content/docs'), docs);
  // A home page, as the bare site and Hugo have.
  writeFileSync(join(dir, 'src/content/docs/index.mdx'), '---\ntitle: Văn bản\n---\n\nCác văn bản tổng hợp của bộ đo.\n');
  // A real folder, not links: Astro compiles Starlight's own components, and resolves a linked
  // package to its real path outside the site, which its build then fails to find
  // ("No cached compile metadata found for …/Page.astro"). Hard links cost no copy on one disk.
  const linked = spawnSync('cp', ['-al', modules, join(dir, 'node_modules')], { encoding: 'utf8' });
  if (linked.status !== 0) cpSync(modules, join(dir, 'node_modules'), { recursive: true });
}

/** Hugo's command, installed with apt-get when missing (as root, which CI and this machine are). */
export function ensureHugo(log: (line: string) => void): string {
  const found = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim();
  const install = 'apt-get update && apt-get install -y hugo';
  if (process.getuid?.() !== 0) throw new Error(`Chưa có Hugo (gói Debian \`hugo\`). Cài một lần (quyền root): ${install}`);
  log('  cài Hugo (gói Debian hugo) …');
  const done = spawnSync('sh', ['-c', `${install} >/dev/null`], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const after = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (done.status !== 0 || after.status !== 0) throw new Error(`Không cài được Hugo bằng \`${install}\`: ${done.stderr.trim().slice(-500)}`);
  return after.stdout.trim();
}

/**
 * A Hugo site of the synthetic documents, shaped like the bare Astro site: a page per document
 * with its title and body (the same `data-pagefind-body`), and a home page listing them; no
 * taxonomies, feeds or sitemap, which the bare site does not have either. Pagefind then indexes
 * public/ with the bare site's own script.
 */
export function hugoCopy(dir: string, docs: number, projectRoot: string): void {
  mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), [
    "baseURL = 'http://localhost/'",
    "languageCode = 'vi'",
    "title = 'Văn bản'",
    "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']",
    '',
  ].join('\n'));
  const page = (body: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body>${body}</body></html>\n`;
  writeFileSync(join(dir, 'layouts/_default/single.html'), page('<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main>'));
  writeFileSync(join(dir, 'layouts/_default/list.html'), page('<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'));
  writeFileSync(join(dir, 'layouts/index.html'), page('<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .File.BaseFileName }}</a></li>{{ end }}</ul>'));
  // The same documents; plain Markdown with YAML front matter, which the corpus is.
  writeDocuments(join(dir, 'content/van-ban'), docs, undefined, 'md');
  cpSync(join(projectRoot, 'scripts/bench/bare-site/scripts'), join(dir, 'scripts'), { recursive: true });
  linkModules(dir, join(projectRoot, 'node_modules'));
}
