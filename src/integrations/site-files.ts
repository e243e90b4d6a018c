// After the build: sitemap.xml of every published page, robots.txt pointing at it, and _headers
// carrying the Content-Security-Policy, the other security headers and the caching of hashed files
// for hosts that read it (src/lib/site/http-headers.ts, which renders the nginx rules too).
// Before it: tells the pages' scripts whether this is a build (SERVICE_WORKER_FLAG), since only
// `npm run build` writes the service worker that src/scripts/offline.ts registers.
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { headersFile } from '../lib/site/http-headers.ts';
import { routes } from '../lib/site/routes.ts';
import { contentFileOf, lastCommitDate } from '../lib/documents/last-updated.ts';
import { fileURLToPath } from 'node:url';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * True in code built by `astro build` (which `npm run build` runs, then writes sw.js), false under
 * `astro dev`, where there is no worker to register. Decided by Astro's command, not by
 * import.meta.env.PROD: Vite derives PROD from NODE_ENV, and a build started from a test (NODE_ENV=test)
 * would ship a page that never registers its worker.
 */
export const SERVICE_WORKER_FLAG = 'import.meta.env.SOKET_SERVICE_WORKER';

export default function siteFiles(): AstroIntegration {
  let site = '';
  let root = process.cwd();
  return {
    name: 'congdoan-soket:site-files',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { [SERVICE_WORKER_FLAG]: JSON.stringify(command === 'build') } } });
      },
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const urls = pages
          .map((page) => `/${page.pathname}`.replace(/\/+$/, '/'))
          .filter((path) => path !== '/404/' && !path.startsWith('/404') && path !== routes.offline())
          .sort();
        // <lastmod> where a page comes from one content file with a commit: its last commit's day.
        const body = urls.map((path) => {
          const file = contentFileOf(path);
          const updated = file ? lastCommitDate(file, root) : null;
          return `  <url><loc>${escapeXml(new URL(path, site).href)}</loc>${updated ? `<lastmod>${updated.iso}</lastmod>` : ''}</url>`;
        }).join('\n');
        writeFileSync(new URL('sitemap.xml', dir), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
        writeFileSync(new URL('robots.txt', dir), `User-agent: *\nAllow: /\nSitemap: ${new URL('/sitemap.xml', site).href}\n`);
        writeFileSync(new URL('_headers', dir), headersFile());
        logger.info(`sitemap.xml: ${urls.length} trang.`);
      },
    },
  };
}
