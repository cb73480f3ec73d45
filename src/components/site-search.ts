import { codePattern } from '../lib/code-pattern';
import { RETRY_VERDICT_LABELS, type RetryVerdict } from '../lib/retry-verdict';
import type { PagefindApi, PagefindFilters, PagefindResult } from '../lib/pagefind-types';
import { codePath, withBase } from '../lib/site-paths';

/** How many results the header's dropdown shows; the search page shows more. */
const DROPDOWN_LIMIT = 8;
const PAGE_LIMIT = 40;

/** The filters the search page offers, as Pagefind filter names. */
const FILTER_KEYS = ['status', 'retry', 'layer'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string[]>>;

/** One result, whether it came from Pagefind or from a code range such as "52x". */
interface Hit {
  url: string;
  title: string;
  status: string | undefined;
  retry: string | undefined;
  /** Pagefind's excerpt (HTML with <mark>), or plain text for a range listing. */
  excerpt: { html: string } | { text: string };
}

interface CodeIndexEntry {
  code: number;
  name: string;
  status: string;
  retry: string;
  summary: string;
}

/**
 * Pagefind's ranking, tuned on the queries readers type (see tests/e2e/search.spec.ts). Code pages
 * differ a lot in length, and the long ones (500, 502, 503, 504) are the ones most searches are
 * for, so length counts for less than Pagefind's default (0.75); repeated mentions of a word count
 * for less too, so a short page that repeats "timeout" does not outrank 504 Gateway Timeout.
 */
const RANKING = { pageLength: 0.5, termSaturation: 2, termFrequency: 0.5 };

let pagefindPromise: Promise<PagefindApi> | undefined;
let codeIndexPromise: Promise<CodeIndexEntry[]> | undefined;

/** Loads Pagefind once, from the site's own origin and base path. */
function loadPagefind(base: string): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const url = withBase(base, '/pagefind/pagefind.js');
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.options({ baseUrl: base, excerptLength: 24, ranking: RANKING });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load may be a passing network fault: let the next query try again.
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

/** The short list of codes behind range queries; fetched only when such a query is typed. */
function loadCodeIndex(base: string): Promise<CodeIndexEntry[]> {
  codeIndexPromise ??= fetch(withBase(base, '/codes-index.json')).then((response) => {
    if (!response.ok) throw new Error(`codes-index.json: ${response.status}`);
    return response.json() as Promise<CodeIndexEntry[]>;
  });
  codeIndexPromise.catch(() => (codeIndexPromise = undefined));
  return codeIndexPromise;
}

function toPagefindFilters(filters: Filters): PagefindFilters {
  const out: PagefindFilters = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

function matchesFilters(entry: CodeIndexEntry, filters: Filters): boolean {
  return (
    (!filters.status?.length || filters.status.includes(entry.status)) &&
    (!filters.retry?.length || filters.retry.includes(entry.retry))
  );
}

/**
 * Runs a query: a code range lists codes, anything else goes to Pagefind. `isCurrent` says whether
 * the reader is still waiting for this query; once a newer one has started, this one stops before
 * fetching any result fragment, so typing fast never queues up work for answers nobody will see.
 * Each Pagefind result needs its own fragment; `onFirst`, if given, gets the top result as soon as
 * its fragment arrives, before the others.
 */
async function runQuery(
  base: string,
  query: string,
  filters: Filters,
  limit: number,
  isCurrent: () => boolean = () => true,
  onFirst?: (hits: Hit[]) => void,
): Promise<Hit[]> {
  const range = codePattern(query);
  if (range && !filters.layer?.length) {
    const codes = await loadCodeIndex(base);
    return codes
      .filter((entry) => range(entry.code) && matchesFilters(entry, filters))
      .slice(0, limit)
      .map((entry) => ({
        url: withBase(base, codePath(entry.code)),
        title: `${entry.code} ${entry.name}`,
        status: entry.status,
        retry: entry.retry,
        excerpt: { text: entry.summary },
      }));
  }
  const pagefind = await loadPagefind(base);
  if (!isCurrent()) return [];
  const search = await pagefind.search(query === '' ? null : query, { filters: toPagefindFilters(filters) });
  if (!search || !isCurrent()) return [];
  const loads = search.results.slice(0, limit).map((result) => result.data());
  let finished = false;
  if (onFirst && loads.length > 1) {
    // Registered before Promise.all's own handlers, so this always runs before the full answer.
    loads[0]?.then((first) => !finished && isCurrent() && onFirst([toHit(first)])).catch(() => undefined);
  }
  const results = await Promise.all(loads);
  finished = true;
  return results.map(toHit);
}

function toHit(result: PagefindResult): Hit {
  return {
    url: result.url,
    title: result.meta['title'] ?? result.url,
    status: result.meta['status'],
    retry: result.meta['retry'],
    excerpt: { html: result.excerpt },
  };
}

/**
 * Appends Pagefind's excerpt to `parent` keeping only text and `<mark>`: the excerpt is HTML, and
 * nothing in it should ever become markup other than the highlight.
 */
function appendExcerpt(parent: HTMLElement, excerptHtml: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerptHtml;
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      parent.append(mark);
    } else {
      parent.append(node.textContent ?? '');
    }
  }
}


function badge(kind: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `badge ${kind}`;
  span.textContent = text;
  return span;
}

/** Fills `item` with a hit's title, badges and excerpt. */
function renderHit(item: HTMLElement, hit: Hit): void {
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = hit.title;
  item.append(title);
  if (hit.status === 'unofficial') item.append(' ', badge('unofficial', 'Unofficial'));
  const verdict = hit.retry ? RETRY_VERDICT_LABELS[hit.retry as RetryVerdict] : undefined;
  if (hit.retry && verdict) item.append(' ', badge(hit.retry, verdict));
  const excerpt = document.createElement('span');
  excerpt.className = 'excerpt';
  if ('html' in hit.excerpt) appendExcerpt(excerpt, hit.excerpt.html);
  else excerpt.textContent = hit.excerpt.text;
  item.append(excerpt);
}

/**
 * The header search box: a combobox whose listbox shows results as the reader types. Arrow keys
 * move through results, Enter opens one, Escape closes. Enter on an exact code is handled by the
 * inline script in SearchBox.astro, so it works before this module has loaded.
 */
class SiteSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #status!: HTMLElement;
  #base = '/';
  #hits: Hit[] = [];
  #active = -1;
  #latest = 0;
  /** The option the reader last chose with the arrow keys, and the query ticket newest at the time. */
  #chosen: { key: string; during: number } | undefined;

  connectedCallback(): void {
    const input = this.querySelector('input');
    const list = this.querySelector('ul');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!input || !list || !status) return;
    this.#input = input;
    this.#list = list;
    this.#status = status;
    this.#base = this.dataset['base'] ?? '/';
    input.addEventListener('input', () => {
      // A changed query makes the highlighted option stale: Enter must not open it.
      this.#clearSelection();
      void this.#search();
    });
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('focus', () => this.#hits.length > 0 && this.#open(true));
    input.addEventListener('blur', () => setTimeout(() => this.#open(false), 150));
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const item = (event.target as Element).closest<HTMLElement>('[data-href]');
      if (item?.dataset['href']) location.assign(item.dataset['href']);
    });
    // Warm the index (Pagefind's code, wasm and metadata) while the reader starts typing.
    void loadPagefind(this.#base).catch(() => undefined);
    if (input.value.trim() !== '') void this.#search();
  }

  async #search(): Promise<void> {
    const query = this.#input.value.trim();
    const ticket = ++this.#latest;
    if (query === '') {
      this.#show([]);
      this.#status.textContent = '';
      return;
    }
    try {
      const isCurrent = () => ticket === this.#latest;
      // The top result is shown the moment it arrives; the rest follow when all have loaded.
      const hits = await runQuery(this.#base, query, {}, DROPDOWN_LIMIT, isCurrent, (first) => this.#show(first, true));
      // A slower, older query must never overwrite the answer to a newer one.
      if (!isCurrent()) return;
      this.#show(hits);
      this.#status.textContent =
        hits.length === 0 ? `No results for ${query}` : `${hits.length} results; use the arrow keys to choose`;
    } catch {
      if (ticket !== this.#latest) return;
      this.#show([]);
      this.#showMessage('Search could not load. Press Enter for the search page, or browse all codes.');
    }
  }

  /** Renders `hits`; `partial` marks the listbox busy while the rest of the results load. */
  #show(hits: Hit[], partial = false): void {
    // The reader may have pressed an arrow key after typing the last character but before its
    // results arrived. Keep that choice when the same row is still there, rather than dropping the
    // highlight from under them as the list refreshes.
    const kept = this.#chosen?.during === this.#latest ? this.#chosen.key : undefined;
    this.#hits = hits;
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    const query = this.#input.value.trim();
    this.#list.dataset['query'] = query;
    if (partial) this.#list.setAttribute('aria-busy', 'true');
    else this.#list.removeAttribute('aria-busy');
    if (hits.length === 0) {
      this.#list.replaceChildren();
      if (query !== '') this.#showMessage(`No code matches “${query}”. Try a code number or words from the error message.`);
      else this.#open(false);
      return;
    }
    const items = hits.map((hit, index) => {
      const item = document.createElement('li');
      item.id = `site-search-option-${index}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.dataset['href'] = hit.url;
      item.dataset['key'] = hit.url;
      renderHit(item, hit);
      return item;
    });
    // The last row opens the search page, with every result and the filters.
    const more = document.createElement('li');
    more.id = `site-search-option-${hits.length}`;
    more.setAttribute('role', 'option');
    more.setAttribute('aria-selected', 'false');
    more.className = 'more';
    more.dataset['key'] = 'more';
    more.dataset['href'] = `${withBase(this.#base, '/search/')}?q=${encodeURIComponent(query)}`;
    more.textContent = 'All results and filters';
    this.#list.replaceChildren(...items, more);
    this.#open(true);
    const keptIndex = kept === undefined ? -1 : [...items, more].findIndex((item) => item.dataset['key'] === kept);
    if (keptIndex >= 0) this.#select(keptIndex, false);
  }

  #showMessage(text: string): void {
    const item = document.createElement('li');
    item.className = 'search-status';
    item.setAttribute('role', 'presentation');
    item.textContent = text;
    this.#list.replaceChildren(item);
    this.#open(true);
  }

  #open(open: boolean): void {
    this.#list.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open));
  }

  #options(): HTMLElement[] {
    return [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  #clearSelection(): void {
    this.#active = -1;
    this.#chosen = undefined;
    for (const option of this.#options()) option.setAttribute('aria-selected', 'false');
    this.#input.removeAttribute('aria-activedescendant');
  }

  /**
   * Highlights option `index`, wrapping around at either end. `byReader` is false when a refreshed
   * list restores the reader's earlier choice.
   */
  #select(index: number, byReader = true): void {
    const options = this.#options();
    if (options.length === 0) return;
    this.#active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === this.#active)));
    const active = options[this.#active];
    if (!active) return;
    if (byReader) this.#chosen = { key: active.dataset['key'] ?? '', during: this.#latest };
    this.#input.setAttribute('aria-activedescendant', active.id);
    active.scrollIntoView({ block: 'nearest' });
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.#open(this.#hits.length > 0);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // From no highlight, ArrowUp goes to the last option.
      this.#select(this.#active === -1 && step === -1 ? this.#options().length - 1 : this.#active + step);
    } else if (event.key === 'Enter') {
      const chosen = this.#options()[this.#active]?.dataset['href'];
      if (chosen) {
        event.preventDefault();
        location.assign(chosen);
      }
      // Otherwise the form submits (see SearchBox.astro).
    } else if (event.key === 'Escape') {
      if (!this.#list.hidden) this.#open(false);
      else this.#input.value = '';
    }
  }
}

/** Reads the query and filters from a URL's search params. */
function readState(params: URLSearchParams): { query: string; filters: Filters } {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  return { query: params.get('q')?.trim() ?? '', filters };
}

/**
 * The search page: a query box and filters whose state lives in the URL (`?q=&status=&retry=&layer=`),
 * so a search can be shared and reloaded, and a list of every result.
 */
class SearchPage extends HTMLElement {
  #latest = 0;

  connectedCallback(): void {
    const base = this.dataset['base'] ?? '/';
    const form = this.querySelector('form');
    const heading = this.querySelector<HTMLElement>('[data-heading]');
    const list = this.querySelector('ol');
    if (!form || !heading || !list) return;
    const { query, filters } = readState(new URLSearchParams(location.search));
    const input = form.querySelector<HTMLInputElement>('input[name="q"]');
    if (input) input.value = query;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = (filters[box.name as keyof Filters] ?? []).includes(box.value);
    }
    const update = () => {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (String(value).trim() !== '') params.append(name, String(value).trim());
      const url = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
      if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
      void this.#render(base, readState(params), heading, list);
    };
    form.addEventListener('input', update);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update();
    });
    void this.#render(base, { query, filters }, heading, list);
  }

  async #render(base: string, state: { query: string; filters: Filters }, heading: HTMLElement, list: HTMLOListElement): Promise<void> {
    const ticket = ++this.#latest;
    const filtered = Object.keys(state.filters).length > 0;
    if (state.query === '' && !filtered) {
      heading.textContent = 'Type a code, a range such as 52x, or words from an error message; or pick filters.';
      list.replaceChildren();
      return;
    }
    try {
      const hits = await runQuery(base, state.query, state.filters, PAGE_LIMIT, () => ticket === this.#latest);
      if (ticket !== this.#latest) return;
      const what = state.query === '' ? 'these filters' : `“${state.query}”${filtered ? ' with these filters' : ''}`;
      heading.textContent = hits.length === 0 ? `No code matches ${what}.` : `${hits.length} results for ${what}`;
      list.replaceChildren(
        ...hits.map((hit) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = hit.url;
          renderHit(link, hit);
          item.append(link);
          return item;
        }),
      );
    } catch {
      if (ticket !== this.#latest) return;
      heading.textContent = 'Search could not load right now. Every code is listed below.';
      list.replaceChildren();
    }
  }
}

customElements.define('site-search', SiteSearch);
customElements.define('search-page', SearchPage);
