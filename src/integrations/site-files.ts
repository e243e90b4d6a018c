// After the build: sitemap.xml of every published page, robots.txt pointing at it, and _headers
// carrying the Content-Security-Policy, the other security headers and the caching of hashed files
// for hosts that read it (src/lib/site/http-headers.ts, which renders the nginx rules too).
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { headersFile } from '../lib/site/http-headers';
import { routes } from '../lib/site/routes';
import { contentFileOf, lastCommitDate } from '../lib/documents/last-updated';
import { fileURLToPath } from 'node:url';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export default function siteFiles(): AstroIntegration {
  let site = '';
  let root = process.cwd();
  return {
    name: 'congdoan-soket:site-files',
    hooks: {
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
