// The built site's HTML pages, as paths relative to dist/ ("van-ban/x/index.html"), and their URLs.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function htmlFiles(dist: string, dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(dist, path);
    return entry.name.endsWith('.html') ? [relative(dist, path).split(sep).join('/')] : [];
  });
}

/** "van-ban/x/index.html" → "/van-ban/x/"; "404.html" → "/404.html" */
export function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}
