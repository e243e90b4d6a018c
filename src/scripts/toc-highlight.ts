// The one script of a document page (≤ 1 KB gzip, a deferred module): on a wide screen, where the
// contents stay beside the text, mark the section being read (aria-current). Without it the page
// and its contents work the same, only unmarked.
const links = [...document.querySelectorAll<HTMLAnchorElement>('.doc-layout > .toc a[href^="#"]')];
const byId = new Map(links.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
const targets = [...byId.keys()].map((id) => document.getElementById(id)).filter((el): el is HTMLElement => el !== null);
const wide = matchMedia('(min-width: 60rem)');
let current: HTMLAnchorElement | undefined;

function mark() {
  // The last section whose heading has passed the upper third of the window.
  const limit = innerHeight / 3;
  let target: HTMLElement | undefined;
  for (const t of targets) if (t.getBoundingClientRect().top <= limit) target = t;
  const link = wide.matches && target ? byId.get(target.id) : undefined;
  if (link === current) return;
  current?.removeAttribute('aria-current');
  link?.setAttribute('aria-current', 'true');
  current = link;
}

if (targets.length > 0 && 'IntersectionObserver' in window) {
  // Headings crossing the window wake the check; no work while scrolling inside a section.
  const observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -66% 0px' });
  targets.forEach((t) => observer.observe(t));
  wide.addEventListener('change', mark);
}
