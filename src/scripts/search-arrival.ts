// Opening a result from /tim-kiem/ with the matched words highlighted on the page it lands on.
// Document pages carry no JavaScript, and under the site's CSP (no inline script) a static page
// cannot load a script only when arriving from a search. So the search page, whose script is
// already running, carries the reader there itself: it fetches the page, puts it in place of its
// own, sets the address with history.pushState and highlights with the site's folding
// (src/lib/search/match.ts). This module is loaded only when a result is opened.
import { highlightRanges, type Term } from '../lib/search/match';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'MARK']);

/** Wraps the words matching the terms in <mark class="search-hit"> inside `root`; returns how many. */
export function highlight(root: Element, terms: Term[]): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName) || parent.closest('.section-link, [aria-hidden="true"]')) return NodeFilter.FILTER_REJECT;
      return node.nodeValue && node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.nodeValue ?? '';
    const ranges = highlightRanges(text, terms);
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) fragment.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      at = end;
      count += 1;
    }
    if (at < text.length) fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }
  return count;
}

/**
 * Opens `href` in place of the search page with `terms` highlighted; false when it cannot (the
 * page did not load), and the caller then navigates normally.
 */
export async function openResult(href: string, terms: Term[]): Promise<boolean> {
  const url = new URL(href, location.href);
  let html: string;
  try {
    const response = await fetch(url.pathname);
    if (!response.ok || !(response.headers.get('content-type') ?? 'text/html').includes('html')) return false;
    html = await response.text();
  } catch {
    return false;
  }
  const next = new DOMParser().parseFromString(html, 'text/html');
  // Stylesheets of the new page that the search page did not have, loaded before it is shown.
  const have = new Set([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href));
  const styles = [...next.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
    .map((link) => new URL(link.getAttribute('href') ?? '', url).href)
    .filter((h) => !have.has(h))
    .map((h) => new Promise<void>((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = h;
      link.onload = link.onerror = () => resolve();
      document.head.append(link);
    }));
  await Promise.all(styles);
  const scripts = [...next.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => ({ src: new URL(s.getAttribute('src')!, url).href, type: s.type }));
  document.title = next.title;
  history.pushState({ fromSearch: true }, '', url.href);
  document.body.replaceWith(document.importNode(next.body, true));
  // The page's own scripts (sortable tables, charts), from the site like every script.
  for (const { src, type } of scripts) {
    const script = document.createElement('script');
    if (type) script.type = type;
    script.src = src;
    document.body.append(script);
  }
  const main = document.querySelector('main') ?? document.body;
  const marks = highlight(main, terms);
  const target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
  const first = target ? [...main.querySelectorAll('mark.search-hit')].find((m) => target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) : main.querySelector('mark.search-hit');
  (target ?? first ?? main).scrollIntoView({ block: 'start' });
  if (main instanceof HTMLElement) main.focus({ preventScroll: true });
  document.documentElement.dataset.searchHits = String(marks);
  return true;
}
