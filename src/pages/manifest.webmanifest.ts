// The web app manifest, so the site installs on a phone (src/lib/site/web-manifest.ts).
import type { APIRoute } from 'astro';
import { site } from '../lib/site/site';
import { webManifest } from '../lib/site/web-manifest';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(webManifest({ name: site.name, shortName: site.shortName, description: site.description }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
