import type { PagefindApi, PagefindResult } from '../lib/pagefind-types';
import { withBase } from '../lib/site-paths';

/** How many results the header's dropdown shows; the search page shows more. */
const DROPDOWN_LIMIT = 8;
const PAGE_LIMIT = 30;

let pagefindPromise: Promise<PagefindApi> | undefined;

/** Loads Pagefind once, from the site's own origin and base path. */
function loadPagefind(base: string): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const url = withBase(base, '/pagefind/pagefind.js');
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load may be a passing network fault: let the next query try again.
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

/** Runs a query and loads the data of the first `limit` results. */
async function runQuery(base: string, query: string, limit: number): Promise<PagefindResult[]> {
  const pagefind = await loadPagefind(base);
  const search = await pagefind.search(query);
  if (!search) return [];
  return Promise.all(search.results.slice(0, limit).map((result) => result.data()));
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

const VERDICT_LABELS: Record<string, string> = {
  yes: 'Retry with backoff',
  conditional: 'Retry only if safe',
  no: 'Do not retry',
};

/** Fills `item` with a result's title, badges and excerpt. */
function renderResult(item: HTMLElement, result: PagefindResult): void {
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = result.meta['title'] ?? result.url;
  item.append(title);
  if (result.meta['status'] === 'unofficial') item.append(' ', badge('unofficial', 'Unofficial'));
  const verdict = result.meta['retry'];
  if (verdict && VERDICT_LABELS[verdict]) item.append(' ', badge(verdict, VERDICT_LABELS[verdict]));
  const excerpt = document.createElement('span');
  excerpt.className = 'excerpt';
  appendExcerpt(excerpt, result.excerpt);
  item.append(excerpt);
}

function badge(kind: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `badge ${kind}`;
  span.textContent = text;
  return span;
}

/**
 * The header search box: a combobox whose listbox shows results as the reader types. Arrow keys
 * move through results, Enter opens one (or the page of a code typed exactly), Escape closes.
 */
class SiteSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #status!: HTMLElement;
  #base = '/';
  #results: PagefindResult[] = [];
  #active = -1;
  #latest = 0;

  connectedCallback(): void {
    const input = this.querySelector('input');
    const list = this.querySelector('ul');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!input || !list || !status) return;
    this.#input = input;
    this.#list = list;
    this.#status = status;
    this.#base = this.dataset['base'] ?? '/';
    input.addEventListener('input', () => void this.#search());
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('focus', () => this.#results.length > 0 && this.#open(true));
    input.addEventListener('blur', () => setTimeout(() => this.#open(false), 150));
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const item = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (item?.dataset['href']) location.assign(item.dataset['href']);
    });
    // Warm the index while the reader is still typing the first characters.
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
      const results = await runQuery(this.#base, query, DROPDOWN_LIMIT);
      // A slower, older query must never overwrite the answer to a newer one.
      if (ticket !== this.#latest) return;
      this.#show(results);
      this.#status.textContent =
        results.length === 0 ? `No results for ${query}` : `${results.length} results; use the arrow keys to choose`;
    } catch {
      if (ticket !== this.#latest) return;
      this.#show([]);
      this.#showMessage('Search is unavailable right now. Press Enter for the search page, or browse all codes.');
    }
  }

  #show(results: PagefindResult[]): void {
    this.#results = results;
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    const items = results.map((result, index) => {
      const item = document.createElement('li');
      item.id = `site-search-option-${index}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.dataset['href'] = result.url;
      renderResult(item, result);
      return item;
    });
    if (results.length === 0 && this.#input.value.trim() !== '') {
      this.#list.replaceChildren();
      this.#showMessage(`No code matches “${this.#input.value.trim()}”. Try a code number or words from the error message.`);
      return;
    }
    this.#list.replaceChildren(...items);
    this.#open(items.length > 0);
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

  #select(index: number): void {
    const options = [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
    if (options.length === 0) return;
    this.#active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === this.#active)));
    const active = options[this.#active];
    if (!active) return;
    this.#input.setAttribute('aria-activedescendant', active.id);
    active.scrollIntoView({ block: 'nearest' });
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.#open(this.#results.length > 0);
      this.#select(this.#active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const chosen = this.#results[this.#active];
      if (chosen) {
        event.preventDefault();
        location.assign(chosen.url);
      }
      // Otherwise the form submits: the inline script in SearchBox.astro opens an exact code's
      // page, and any other query goes to the search page, which lists every result.
    } else if (event.key === 'Escape') {
      if (!this.#list.hidden) this.#open(false);
      else this.#input.value = '';
    }
  }
}

/** The search page's result list, filled from `?q=`. */
class SearchPage extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const base = this.dataset['base'] ?? '/';
    const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
    const heading = this.querySelector('[data-heading]');
    const list = this.querySelector('ol');
    if (!heading || !list) return;
    const input = document.querySelector<HTMLInputElement>('site-search input');
    if (input && input.value === '') input.value = query;
    if (query === '') {
      heading.textContent = 'Type a code or words from an error message in the search box.';
      return;
    }
    try {
      const results = await runQuery(base, query, PAGE_LIMIT);
      heading.textContent =
        results.length === 0 ? `No code matches “${query}”.` : `${results.length} results for “${query}”`;
      list.replaceChildren(
        ...results.map((result) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = result.url;
          renderResult(link, result);
          item.append(link);
          return item;
        }),
      );
    } catch {
      heading.textContent = 'Search is unavailable right now. Every code is listed below.';
    }
  }
}

customElements.define('site-search', SiteSearch);
customElements.define('search-page', SearchPage);
