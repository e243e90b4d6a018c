// The /tim-kiem/ page: Pagefind loads only when the reader starts a search (a query in the URL, or
// typing), then every query runs through the shared expansion and ranking (src/lib/search/run.ts).
import { runSearch, type PagefindLike, type SearchHit } from '../lib/search/run';

interface PagefindModule extends PagefindLike {
  options: (o: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const TYPE_FILTER = 'Loại trang';
let pagefind: Promise<PagefindModule> | undefined;

function loadPagefind(): Promise<PagefindModule> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    await module.options({ basePath: '/pagefind/', baseUrl: '/' });
    return module;
  })();
  return pagefind;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind excerpts carry only <mark>: rebuild them as nodes instead of trusting the HTML. */
function excerptNode(excerpt: string): HTMLElement {
  const p = el('p', 'result-excerpt');
  for (const [i, part] of excerpt.split(/<\/?mark>/).entries()) {
    if (part === '') continue;
    p.append(i % 2 === 1 ? el('mark', undefined, part) : document.createTextNode(part));
  }
  return p;
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const li = el('li', 'search-result');
  const link = el('a', 'result-link', hit.title);
  link.href = hit.url;
  const heading = el('h2');
  heading.append(link);
  const meta = el('p', 'result-meta');
  meta.append(el('span', 'result-type', hit.type));
  if (hit.section && hit.section.title !== hit.title) {
    meta.append(document.createTextNode(' · Mục: '), el('span', 'result-section', hit.section.title));
  }
  li.append(heading, meta);
  if (hit.excerpt) li.append(excerptNode(hit.excerpt));
  return li;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  const input = document.querySelector<HTMLInputElement>('#tu-khoa');
  const status = document.querySelector<HTMLElement>('#trang-thai-tim-kiem');
  const list = document.querySelector<HTMLOListElement>('#ket-qua-tim-kiem');
  const fieldset = document.querySelector<HTMLFieldSetElement>('fieldset.search-filters');
  if (!form || !input || !status || !list || !fieldset) return;
  const filterBox: HTMLFieldSetElement = fieldset;
  const options = filterBox.querySelector<HTMLElement>('.filter-options') as HTMLElement;
  let filtersShown = false;
  let latest = 0;

  async function showFilters(module: PagefindModule): Promise<void> {
    if (filtersShown) return;
    filtersShown = true;
    const types = Object.keys((await module.filters())[TYPE_FILTER] ?? {}).sort((a, b) => a.localeCompare(b, 'vi'));
    for (const type of types) {
      const label = el('label');
      const box = el('input');
      box.type = 'checkbox';
      box.name = 'loai';
      box.value = type;
      box.addEventListener('change', () => void run());
      label.append(box, document.createTextNode(` ${type}`));
      options.append(label);
    }
    filterBox.hidden = types.length === 0;
  }

  async function run(): Promise<void> {
    const query = input!.value.trim();
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      list!.replaceChildren();
      status!.textContent = '';
      return;
    }
    status!.textContent = 'Đang tìm…';
    const module = await loadPagefind();
    await showFilters(module);
    const chosen = [...options.querySelectorAll<HTMLInputElement>('input[name="loai"]:checked')].map((b) => b.value);
    const hits = await runSearch(module, query, chosen.length > 0 ? { filters: { [TYPE_FILTER]: chosen } } : {});
    if (ticket !== latest) return; // a newer query is on its way
    list!.replaceChildren(...hits.map(renderHit));
    status!.textContent =
      hits.length === 0 ? `Không tìm thấy kết quả cho «${query}».` : `${new Intl.NumberFormat('vi-VN').format(hits.length)} kết quả cho «${query}».`;
  }

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}
