// The installed site's icons (src/lib/site/app-icon.ts), drawn at build time.
import type { APIRoute } from 'astro';
import { APP_ICONS, drawAppIcon, type AppIcon } from '../../lib/site/app-icon';
import { THEME_COLOR } from '../../lib/site/web-manifest';

export function getStaticPaths() {
  return APP_ICONS.map((icon) => ({ params: { name: icon.name }, props: { icon } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(drawAppIcon((props as { icon: AppIcon }).icon, THEME_COLOR) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
