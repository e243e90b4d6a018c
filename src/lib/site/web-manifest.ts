// The web app manifest (/manifest.webmanifest): names from the edition file through site.ts, so
// another edition installs under its own name; icons drawn at build time (app-icon.ts).
import { APP_ICONS } from './app-icon.ts';
import { routes } from './routes.ts';

/** The site's accent colour (src/styles/global.css --accent): the browser's bar and the icons. */
export const THEME_COLOR = '#8b1a1a';

export interface ManifestNames {
  /** The review's full title (review.title). */
  name: string;
  /** Its short title, under the icon on a phone's home screen (review.shortTitle). */
  shortName: string;
  description: string;
}

export function webManifest(names: ManifestNames) {
  return {
    id: routes.home(),
    name: names.name,
    short_name: names.shortName,
    description: names.description,
    lang: 'vi',
    dir: 'ltr',
    start_url: routes.home(),
    scope: routes.home(),
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: APP_ICONS.map((icon) => ({ src: routes.appIcon(icon.name), sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose })),
  };
}
