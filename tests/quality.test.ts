// Quality bars on the real built site: page weight and JavaScript budgets, the Content-Security-
// Policy and no inline script, style or handler, metadata for sharing, a sitemap, every internal
// link and #anchor resolving, and valid HTML.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { CSP_META } from '../src/lib/site/csp';
import { htmlFiles, urlOf } from './helpers/dist';
import { htmlProblems } from './helpers/html';
import { checkLinks, SITE } from './helpers/links';

const DIST = process.env.DIST_DIR ?? 'dist';

const pages = htmlFiles(DIST).sort();
const cache = new Map<string, HTMLElement>();
const dom = (file: string) => {
  let root = cache.get(file);
  if (!root) {
    root = parse(readFileSync(join(DIST, file), 'utf8'));
    cache.set(file, root);
  }
  return root;
};
const scriptsOf = (file: string) => dom(file).querySelectorAll('script[src]').map((s) => s.getAttribute('src') as string);
const bytes = (path: string) => readFileSync(join(DIST, path));

/** The service worker's registration, on every page (src/scripts/offline.ts); budgeted on its own below. */
const isRegistration = (src: string) => /^\/_astro\/BaseLayout\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(src);
/** A page's own scripts, without the registration every page carries. */
const ownScripts = (file: string) => dom(file).querySelectorAll('script:not([type="application/json"])').filter((s) => !isRegistration(s.getAttribute('src') ?? ''));

/** JS a page loads up front for itself: its module scripts and what they import statically, transitively (the registration apart). */
function staticJs(file: string): string[] {
  const seen = new Set<string>();
  const visit = (src: string) => {
    const path = src.replace(/^\//, '');
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(DIST, path), 'utf8');
    for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)) {
      visit(`/_astro/${match[1]!.slice(2)}`);
    }
  };
  scriptsOf(file).filter((src) => !isRegistration(src)).forEach(visit);
  return [...seen];
}

describe('budgets', () => {
  test('the site has every page type', () => {
    for (const url of ['/', '/van-ban/', '/van-ban/ke-hoach-so-ket/', '/chuong-trinh/2494-ctr-tld-2018/', '/van-ban-dan-chieu/', '/chi-tieu/', '/chi-tieu/phat-trien-doan-vien/', '/don-vi/cam-my/', '/tim-kiem/', '/404.html']) {
      expect(pages.map(urlOf)).toContain(url);
    }
  });

  test.each(pages)('%s: HTML under 100 KB', (file) => {
    expect(statSync(join(DIST, file)).size).toBeLessThan(100 * 1024);
  });

  test('every page carries one script of its own kind: the service worker\'s registration, deferred, under 512 bytes gzip with nothing imported', () => {
    for (const file of pages) {
      const registrations = scriptsOf(file).filter(isRegistration);
      expect(registrations, file).toHaveLength(1);
    }
    const src = scriptsOf('index.html').find(isRegistration)!;
    expect(dom('index.html').querySelector(`script[src="${src}"]`)?.getAttribute('type')).toBe('module');
    const code = bytes(src).toString('utf8');
    expect(code).not.toMatch(/\bimport\b/);
    expect(gzipSync(bytes(src)).length).toBeLessThan(512);
  });

  test('document, programme and home pages ship no JavaScript beyond the registration (search code loads on /tim-kiem/ only)', () => {
    // Issue 16 allows one script on a document page with contents: the highlighter, deferred, < 1 KB gzip.
    const tocScript = (file: string) => /^van-ban\/[^/]+\/index\.html$/.test(file) && dom(file).querySelector('.toc') !== null;
    const noJs = pages.filter((f) => /^(index\.html|404\.html|van-ban\/|chuong-trinh\/[^/]+\/)/.test(f) && !tocScript(f));
    expect(noJs.length).toBeGreaterThanOrEqual(11);
    for (const file of noJs) expect(ownScripts(file), file).toHaveLength(0);
    const withToc = pages.filter(tocScript);
    expect(withToc.length).toBeGreaterThanOrEqual(2);
    for (const file of withToc) {
      const scripts = ownScripts(file);
      expect(scripts, file).toHaveLength(1);
      // A module script: deferred by definition, never blocking the page.
      expect(scripts[0]!.getAttribute('type'), file).toBe('module');
      expect(scripts[0]!.getAttribute('src'), file).toMatch(/^\/_astro\/TocHighlight\./);
      const js = staticJs(file);
      expect(js.reduce((n, p) => n + gzipSync(bytes(p)).length, 0), file).toBeLessThan(1024);
    }
    // The memo has no headings, no contents and so no script.
    expect(ownScripts('van-ban/cong-van-xin-y-kien/index.html')).toHaveLength(0);
    // The search page loads its own small script; Pagefind (JS and wasm) only once a search starts.
    const search = staticJs('tim-kiem/index.html');
    expect(search.join(' ')).not.toMatch(/pagefind/);
    expect(search.reduce((n, p) => n + gzipSync(bytes(p)).length, 0)).toBeLessThan(4 * 1024);
  });

  test('lists with sortable tables (register, programmes, indicators, units) ship only the 1 KB sorter', () => {
    for (const file of ['van-ban-dan-chieu/index.html', 'chuong-trinh/index.html', 'don-vi/cam-my/index.html']) {
      const js = staticJs(file);
      expect(js.reduce((n, p) => n + gzipSync(bytes(p)).length, 0), file).toBeLessThan(1024);
    }
  });

  test('an indicator page loads Chart.js only on demand, with only the parts it uses', () => {
    const upFront = staticJs('chi-tieu/phat-trien-doan-vien/index.html');
    const upFrontGz = upFront.reduce((n, p) => n + gzipSync(bytes(p)).length, 0);
    expect(upFrontGz).toBeLessThan(3 * 1024);
    for (const path of upFront) expect(readFileSync(join(DIST, path), 'utf8'), path).not.toMatch(/Chart\.register|BarController/);
    const chunk = readdirSync(join(DIST, '_astro')).find((n) => n.startsWith('chart-render'))!;
    const code = readFileSync(join(DIST, '_astro', chunk), 'utf8');
    // Registered: bar and line charts on category and linear scales, legend and tooltip.
    for (const used of ['bar', 'line', 'category', 'linear', 'legend', 'tooltip']) expect(code, used).toMatch(new RegExp(`id[=:]\\s*["'\`]${used}["'\`]`));
    for (const unused of ['doughnut', 'pie', 'polarArea', 'radar', 'bubble', 'scatter', 'radialLinear', 'logarithmic', 'time', 'timeseries', 'filler', 'title', 'subtitle', 'decimation']) {
      expect(code, unused).not.toMatch(new RegExp(`id[=:]\\s*["'\`]${unused}["'\`]`));
    }
    expect(gzipSync(bytes(`_astro/${chunk}`)).length).toBeLessThan(56 * 1024);
  });
});

describe('security', () => {
  test.each(pages)('%s: CSP meta, no inline script, style or event handler', (file) => {
    const root = dom(file);
    expect(root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(CSP_META);
    for (const script of root.querySelectorAll('script')) {
      if (script.getAttribute('type') === 'application/json') {
        expect(script.innerHTML, 'JSON data never closes its script element').not.toMatch(/<\//);
      } else {
        expect(script.getAttribute('src'), `${file}: inline script`).toMatch(/^\/_astro\//);
      }
    }
    expect(root.querySelectorAll('style'), `${file}: <style>`).toHaveLength(0);
    for (const element of root.querySelectorAll('*')) {
      const attributes = Object.keys(element.attributes);
      expect(attributes.filter((a) => a === 'style' || /^on[a-z]+$/.test(a)), `${file}: <${element.tagName.toLowerCase()}>`).toEqual([]);
    }
  });

  test('the policy allows only the site itself, plus WebAssembly compilation for Pagefind', () => {
    expect(CSP_META).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CSP_META).toContain("style-src 'self'");
    expect(CSP_META).toContain("connect-src 'self'");
    expect(CSP_META).not.toMatch(/unsafe-inline|https?:|\*/);
    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${CSP_META}; frame-ancestors 'none'`);
  });
});

describe('sharing and indexing', () => {
  test.each(pages)('%s: canonical URL, description and Open Graph title, description, URL', (file) => {
    const root = dom(file);
    const url = new URL(urlOf(file), SITE).href;
    if (file !== '404.html') expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(root.querySelector('meta[property="og:title"]')?.getAttribute('content')?.length).toBeGreaterThan(3);
    expect(root.querySelector('meta[property="og:description"]')?.getAttribute('content')?.length).toBeGreaterThan(20);
    expect(root.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(root.querySelector('meta[property="og:description"]')?.getAttribute('content'));
    expect(root.querySelector('meta[property="og:site_name"]')).not.toBeNull();
    expect(root.querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('vi_VN');
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('vi');
  });

  test('sitemap.xml lists every page but 404 and the offline page, by its canonical URL; robots.txt points to it', () => {
    const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    // Nor the offline page, which only the service worker shows.
    expect(listed.sort()).toEqual(pages.filter((f) => f !== '404.html' && f !== 'ngoai-tuyen/index.html').map((f) => new URL(urlOf(f), SITE).href).sort());
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});

describe('integrity', () => {
  test('every internal link, asset and #anchor resolves; nothing points to another origin', () => {
    const { broken, checked } = checkLinks(DIST, pages, dom);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1_000);
  });

  test('ids are unique within each page', () => {
    for (const file of pages) {
      const all = dom(file).querySelectorAll('[id]').map((e) => e.getAttribute('id'));
      expect(all.filter((id, i) => all.indexOf(id) !== i), file).toEqual([]);
    }
  });

  test('every page is valid HTML (html-validate, recommended rules)', async () => {
    const problems = await htmlProblems(DIST, pages);
    expect(problems).toEqual([]);
  });
});
