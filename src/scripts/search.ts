// The /tim-kiem/ page: Pagefind loads only when the reader starts a search (a query in the URL, or
// typing), then every query runs through the shared matching and ranking (src/lib/search/run.ts).
// The vocabulary for "Có phải bạn muốn tìm" loads only when a query word is found nowhere, and the
// highlighter for the page a result opens only when one is opened (search-arrival.ts).
import type { FilterCounts, PagefindLike, SearchHit } from '../lib/search/run';
import type { FilterSelection } from '../lib/search/filters';
import type { Vocabulary } from '../lib/search/suggest';
import type { Term } from '../lib/search/match';

interface PagefindModule extends PagefindLike {
  options: (o: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

// The search code itself (matching, ranking, filters) loads with Pagefind, on the first search:
// the page's eager script is only this file.
type Engine = typeof import('../lib/search/run') & typeof import('../lib/search/filters');
let pagefind: Promise<{ module: PagefindModule; engine: Engine }> | undefined;
function loadPagefind(): Promise<{ module: PagefindModule; engine: Engine }> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const [module, run, filters] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<PagefindModule>,
      import('../lib/search/run'),
      import('../lib/search/filters'),
    ]);
    await module.options(run.PAGEFIND_OPTIONS);
    return { module, engine: { ...run, ...filters } };
  })();
  return pagefind;
}

let vocabulary: Promise<{ words: Vocabulary | null; suggest: typeof import('../lib/search/suggest') }> | undefined;
/** The suggestion code and the index's vocabulary, loaded together on the first miss. */
function loadVocabulary() {
  vocabulary ??= import('../lib/search/suggest').then(async (suggest) => ({
    suggest,
    words: await fetch(`/pagefind/${suggest.VOCABULARY_FILE}`).then((r) => (r.ok ? (r.json() as Promise<Vocabulary>) : null)).catch(() => null),
  }));
  return vocabulary;
}

const numbers = new Intl.NumberFormat('vi-VN');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Excerpts carry only <mark> and escaped text: rebuild them as nodes instead of trusting the HTML. */
function excerptNode(excerpt: string): HTMLElement {
  const p = el('p', 'result-excerpt');
  for (const [i, part] of excerpt.split(/<\/?mark>/).entries()) {
    if (part === '') continue;
    p.append(i % 2 === 1 ? el('mark', undefined, unescape(part)) : document.createTextNode(unescape(part)));
  }
  return p;
}

const quoted = (words: string[]) => words.map((w) => `«${w}»`).join(', ');

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
  if (hit.missing.length > 0) li.append(el('p', 'result-missing', `Không có từ ${quoted(hit.missing)} — chỉ khớp các từ còn lại.`));
  if (hit.excerpt) li.append(excerptNode(hit.excerpt));
  return li;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  const input = document.querySelector<HTMLInputElement>('#tu-khoa');
  const status = document.querySelector<HTMLElement>('#trang-thai-tim-kiem');
  const suggestion = document.querySelector<HTMLElement>('#goi-y-tim-kiem');
  const list = document.querySelector<HTMLOListElement>('#ket-qua-tim-kiem');
  const moreButton = document.querySelector<HTMLButtonElement>('#xem-them-ket-qua');
  const fieldset = document.querySelector<HTMLFieldSetElement>('fieldset.search-filters');
  const disclosure = document.querySelector<HTMLDetailsElement>('details.search-filter-box');
  if (!form || !input || !status || !suggestion || !list || !fieldset || !disclosure) return;
  const filterBox: HTMLFieldSetElement = fieldset;
  const filterDisclosure: HTMLDetailsElement = disclosure;
  let filtersShown: Promise<void> | undefined;
  let hasFilters = false;
  let latest = 0;
  let terms: Term[] = [];
  let engine: Engine | undefined;
  /** How many of Pagefind's results the current query reads; 0 until its first search. */
  let depth = 0;

  /**
   * One group of checkboxes per filter the index holds, checked as the address says; the box starts
   * open only when the address chose some, so that on a phone the first result is on the first screen.
   */
  function showFilters(module: PagefindModule, { SEARCH_FILTERS, filtersFromParams }: Engine): Promise<void> {
    filtersShown ??= (async () => {
      const all = await module.filters();
      const available = Object.fromEntries(Object.entries(all).map(([name, values]) => [name, Object.keys(values)]));
      const chosen = filtersFromParams(new URLSearchParams(location.search), available);
      filterDisclosure.open = Object.keys(chosen).length > 0;
      let shown = 0;
      for (const filter of SEARCH_FILTERS) {
        const values = (available[filter.name] ?? []).sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
        if (values.length === 0) continue;
        const group = el('fieldset', 'filter-group');
        group.dataset.filter = filter.name;
        group.append(el('legend', undefined, filter.label));
        for (const value of values) {
          const label = el('label');
          const box = el('input');
          box.type = 'checkbox';
          box.name = filter.param;
          box.value = value;
          box.checked = chosen[filter.name]?.includes(value) ?? false;
          box.addEventListener('change', () => void run());
          // The count is this query's, written by showCounts with each search's results.
          const count = el('span', 'filter-count');
          const name = el('span', 'filter-value', `${value} `);
          name.append(count);
          label.dataset.value = value;
          label.append(box, name);
          group.append(label);
        }
        filterBox.append(group);
        shown += 1;
      }
      // Shown with the first results (run), not before: the count above them may take more lines.
      hasFilters = shown > 0;
    })();
    return filtersShown;
  }

  /**
   * Beside each value, how many pages of this query hold it (whatever is chosen, so a reader sees
   * what choosing another value would give); values none holds are hidden unless chosen.
   */
  function showCounts(counts: FilterCounts): void {
    for (const group of filterBox.querySelectorAll<HTMLFieldSetElement>('fieldset.filter-group')) {
      let visible = 0;
      for (const label of group.querySelectorAll<HTMLLabelElement>('label')) {
        const n = counts[group.dataset.filter!]?.[label.dataset.value!] ?? 0;
        const checked = label.querySelector('input')!.checked;
        label.hidden = n === 0 && !checked;
        label.querySelector('.filter-count')!.textContent = `(${numbers.format(n)})`;
        if (!label.hidden) visible += 1;
      }
      group.hidden = visible === 0;
    }
  }

  function chosenFilters(): FilterSelection {
    const selection: FilterSelection = {};
    for (const group of filterBox.querySelectorAll<HTMLFieldSetElement>('fieldset.filter-group')) {
      const values = [...group.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
      if (values.length > 0) selection[group.dataset.filter!] = values;
    }
    return selection;
  }

  /** The queries to offer when some words were found nowhere (none otherwise). */
  async function suggestionsFor(query: string, missing: Term[]): Promise<string[]> {
    if (missing.length === 0) return [];
    const { words, suggest } = await loadVocabulary();
    return words ? suggest.suggestQueries(query, missing, words) : [];
  }

  function showSuggestions(offers: string[]): void {
    suggestion!.replaceChildren();
    if (offers.length === 0) return;
    suggestion!.append('Có phải bạn muốn tìm: ');
    offers.forEach((offer, i) => {
      if (i > 0) suggestion!.append(', ');
      const link = el('a', undefined, offer);
      const url = new URL(location.href);
      url.search = engine!.writeSearchParams(url.searchParams, offer, chosenFilters()).toString();
      link.href = url.pathname + url.search;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        input!.value = offer;
        void run();
      });
      suggestion!.append(link);
    });
    suggestion!.append('?');
  }

  async function run(more = false): Promise<void> {
    const query = input!.value.trim();
    const ticket = ++latest;
    depth = more && engine ? depth + engine.RESULTS_PER_PAGE : 0;
    if (!query) {
      const params = engine?.writeSearchParams(new URLSearchParams(location.search), '', chosenFilters()).toString() ?? '';
      history.replaceState(null, '', params ? `${location.pathname}?${params}` : location.pathname);
      list!.replaceChildren();
      suggestion!.replaceChildren();
      status!.textContent = '';
      if (moreButton) moreButton.hidden = true;
      return;
    }
    status!.textContent = 'Đang tìm…';
    const loaded = await loadPagefind();
    const module = loaded.module;
    engine = loaded.engine;
    await showFilters(module, engine);
    const filters = chosenFilters();
    history.replaceState(null, '', `${location.pathname}?${engine.writeSearchParams(new URLSearchParams(location.search), query, filters)}`);
    depth ||= engine.RESULTS_PER_PAGE;
    const filtered = Object.keys(filters).length > 0;
    const outcome = await engine.searchSite(module, query, { depth, ...(filtered ? { filters } : {}) });
    const offers = await suggestionsFor(query, outcome.missing);
    if (ticket !== latest) return; // a newer query is on its way
    // Count, suggestion and results in one go, so none of them pushes another down afterwards.
    terms = outcome.terms;
    list!.replaceChildren(...outcome.hits.map(renderHit));
    if (moreButton) moreButton.hidden = !outcome.more;
    showCounts(outcome.counts);
    filterDisclosure.hidden = !hasFilters || outcome.hits.length === 0 && !filtered;
    const missing = [...new Set(outcome.missing.map((t) => t.typed))];
    if (outcome.hits.length === 0) status!.textContent = `Không tìm thấy kết quả cho «${query}».`;
    else if (missing.length > 0) status!.textContent = `Không tìm thấy ${quoted(missing)} trong trang nào. ${numbers.format(outcome.hits.length)} kết quả chỉ khớp các từ còn lại.`;
    else status!.textContent = `${numbers.format(outcome.hits.length)} kết quả cho «${query}».`;
    showSuggestions(offers);
  }

  // Opening a result: the page it lands on shows the same words highlighted (search-arrival.ts).
  list.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.result-link');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const opened = terms;
    void import('./search-arrival')
      .then(({ openResult }) => openResult(link.href, opened))
      .then((done) => { if (!done) location.href = link.href; })
      .catch(() => { location.href = link.href; });
  });
  // Back from a result opened in place: the search page comes back from its address.
  window.addEventListener('popstate', () => location.reload());

  // More results: the next pages Pagefind found, read and ranked with the ones already shown.
  moreButton?.addEventListener('click', () => void run(true));

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
