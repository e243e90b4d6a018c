// Every internal link, asset and #anchor of a built site, checked against the files in its dist/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { urlOf } from './dist';

export const SITE = 'https://congdoan-soket.example.vn';

/** `site`: the edition's address (site.url of its content/cau-hinh.yaml); links elsewhere are "out". */
export function checkLinks(dist: string, pages: string[], dom: (file: string) => HTMLElement = (file) => parse(readFileSync(join(dist, file), 'utf8')), site = SITE): { broken: string[]; checked: number } {
  const idCache = new Map<string, Set<string | undefined>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (!found) {
      found = new Set(dom(file).querySelectorAll('[id]').map((e) => e.getAttribute('id')));
      idCache.set(file, found);
    }
    return found;
  };
  function target(path: string): string | null {
    const clean = decodeURIComponent(path).replace(/^\//, '');
    for (const candidate of [clean, `${clean}index.html`, `${clean}/index.html`]) {
      if (candidate && existsSync(join(dist, candidate)) && statSync(join(dist, candidate)).isFile()) return candidate;
    }
    return clean === '' ? 'index.html' : null;
  }
  let checked = 0;
  const broken: string[] = [];
  const origin = new URL(site).origin;
  for (const file of pages) {
    const base = new URL(urlOf(file), site);
    for (const element of dom(file).querySelectorAll('a[href], link[href], script[src], img[src]')) {
      const raw = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
      const rel = element.getAttribute('rel') ?? '';
      const url = new URL(raw, base);
      if (url.origin !== origin) {
        broken.push(`${file}: liên kết ra ngoài ${raw}`);
        continue;
      }
      if (rel === 'canonical') continue;
      checked += 1;
      const resolved = target(url.pathname);
      if (!resolved) {
        broken.push(`${file}: ${raw} không tồn tại`);
        continue;
      }
      if (url.hash && resolved.endsWith('.html') && !ids(resolved).has(decodeURIComponent(url.hash.slice(1)))) {
        broken.push(`${file}: ${raw} — không có id "${url.hash.slice(1)}"`);
      }
    }
  }
  return { broken, checked };
}
