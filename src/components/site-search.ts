import matcherData from 'virtual:matcherData';
import messageDetails from 'virtual:messageDetails';
import { releaseAnswerHold } from '../lib/answer-hold';
import { codePattern } from '../lib/code-pattern';
import { analyze, answers, createMatcher, type Analysis, type Matcher } from '../lib/messages/match';
import { codeIndex, type CodeIndexEntry } from '../lib/messages/matcher-data';
import type { PagefindApi, PagefindFilters, PagefindResult } from '../lib/pagefind-types';
import { RETRY_VERDICT_LABELS, type RetryVerdict } from '../lib/retry-verdict';
import { indexCodes, searchCodes } from '../lib/search/code-search';
import { fallbackPlan, rankByWordsMatched, type FallbackMode } from '../lib/search/fallback';
import { fromSearchBox, SEARCH_PAGE_IDLE, SEARCH_URL_MAX } from '../lib/search/query-text';
import { answerRows, codeRows, mergeRows, type Row } from '../lib/search/rows';
import { codePath, withBase } from '../lib/site-paths';
import { STOP_WORDS, words } from '../lib/messages/tokens';

/**
 * Search, in three tiers, fastest first:
 * 1. the matcher recognises catalogued error messages in the query (a pasted log line, an error
 *    page, a raw response) and statuses it states;
 * 2. the small code index answers code numbers, ranges, names and the aliases readers type;
 * 3. Pagefind searches the full text of every code page. The dropdown fetches it only when the
 *    first two tiers have little to show; the search page always does. When Pagefind finds no page
 *    with every word, it searches again on the distinctive words, then on each word alone.
 * Tiers 1 and 2 ship with this module (the catalogue as a data module fetched beside it), so their
 * answer is on screen in the same frame as the keystroke.
 */

/** How many results the header's dropdown shows; the search page shows more. */
const DROPDOWN_LIMIT = 8;
const PAGE_LIMIT = 40;
/** The dropdown asks Pagefind only when the fast tiers found fewer rows than this. */
const ENOUGH_QUICK_ROWS = 3;

/** The filters the search page offers, as Pagefind filter names. */
const FILTER_KEYS = ['status', 'retry', 'layer'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string[]>>;

/**
 * Pagefind's ranking, tuned on the queries readers type (see tests/e2e/search.spec.ts). Code pages
 * differ a lot in length, and the long ones (500, 502, 503, 504) are the ones most searches are
 * for, so length counts for less than Pagefind's default (0.75); repeated mentions of a word count
 * for less too, so a short page that repeats "timeout" does not outrank 504 Gateway Timeout.
 */
const RANKING = { pageLength: 0.5, termSaturation: 2, termFrequency: 0.5 };

const codes: CodeIndexEntry[] = codeIndex(matcherData, messageDetails);
const codeSearchIndex = indexCodes(codes);
const codesByNumber = new Map<number, CodeIndexEntry>(codes.map((entry) => [entry.code, entry]));

/**
 * The matcher takes tens of milliseconds to build (it parses every pattern), so it is built in the
 * task after this module runs: a query typed before then is answered from the code index at once,
 * and again, in full, when the matcher is ready.
 */
let matcher: Matcher | undefined;
const matcherReady = new Promise<Matcher>((resolve) => {
  setTimeout(() => {
    matcher = createMatcher(matcherData, messageDetails);
    resolve(matcher);
  });
});

/** Words the site certainly uses: the fallback searches these first. */
let knownWords: Set<string> | undefined;
function siteWords(index: Matcher): Set<string> {
  knownWords ??= new Set<string>([
    ...codes.flatMap((entry) => words(`${entry.name} ${entry.summary} ${entry.aliases.join(' ')}`)),
    ...index.wordIndex.keys(),
  ]);
  return knownWords;
}

let pagefindPromise: Promise<PagefindApi> | undefined;

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

function toPagefindFilters(filters: Filters): PagefindFilters {
  const out: PagefindFilters = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

function passesFilters(row: Row, filters: Filters): boolean {
  return (
    (!filters.status?.length || (row.status !== undefined && filters.status.includes(row.status))) &&
    (!filters.retry?.length || (row.retry !== undefined && filters.retry.includes(row.retry))) &&
    (!filters.layer?.length || row.layers.some((layer) => filters.layer?.includes(layer)))
  );
}

/**
 * The fast tiers: ranges and codes, recognised messages, and the code index. Synchronous.
 * `pending` says the matcher was not built yet: ask again once `matcherReady` resolves.
 * `settled` says the reader typed a code, a code's name (whole, or as far as they have got) or a
 * whole known message: the dropdown's answer is then certain, and full text would only add pages
 * that mention it.
 */
function quickRows(base: string, text: string, filters: Filters): { rows: Row[]; analysis?: Analysis; settled: boolean; pending?: boolean } {
  const range = codePattern(text);
  if (range) {
    const rows = codeRows(codes.filter((entry) => range(entry.code)).map((entry) => ({ entry, score: 0 })));
    return { rows: withBasePaths(base, rows.filter((row) => passesFilters(row, filters))), settled: true };
  }
  if (text === '') {
    // Filters alone: every code they allow.
    const rows = codeRows(codes.map((entry) => ({ entry, score: 0 })));
    return { rows: withBasePaths(base, rows.filter((row) => passesFilters(row, filters))), settled: true };
  }
  const analysis = matcher ? analyze(text, matcher) : undefined;
  const exact = /^\s*(5\d\d)\s*$/.exec(text)?.[1];
  const exactEntry = exact ? codesByNumber.get(Number(exact)) : undefined;
  const codeHits = searchCodes(codeSearchIndex, text, /[a-z0-9_]$/i.test(text));
  // Order of trust: a code typed as a number or as its whole name ("bad gateway"), a whole
  // recognised message, a code named by some of its words, a code whose alias the reader typed,
  // a message the reader typed part of, then anything else the code index found.
  const queryWords = words(text).join(' ');
  const exactName = codeHits.filter((hit) => words(hit.entry.name).join(' ') === queryWords);
  const found = analysis ? answers(analysis) : [];
  const whole = found.filter((answer) => answer.kind === 'status' || !answer.hit.partial);
  const partial = found.filter((answer) => answer.kind === 'message' && answer.hit.partial);
  const rows = mergeRows(
    exactEntry ? codeRows([{ entry: exactEntry, score: 0 }]) : [],
    codeRows(exactName),
    answerRows(whole, codesByNumber),
    codeRows(codeHits.filter((hit) => hit.byName)),
    codeRows(codeHits.filter((hit) => hit.byAlias)),
    answerRows(partial, codesByNumber),
    codeRows(codeHits),
  );
  const shown = rows.filter((row) => passesFilters(row, filters));
  // A status named inside other words ("bad gateway storm") does not settle it: the other words
  // may be what the reader is after.
  const wholeMessage = whole.some((answer) => answer.kind === 'message');
  const typingName = queryWords !== '' && codes.some((entry) => words(entry.name).join(' ').startsWith(queryWords));
  const settled = shown.length > 0 && (exactEntry !== undefined || exactName.length > 0 || typingName || wholeMessage);
  // Until the matcher is built, these rows are the code index's alone.
  return { rows: withBasePaths(base, shown), ...(analysis ? { analysis } : {}), settled, pending: matcher === undefined };
}

function withBasePaths(base: string, rows: Row[]): Row[] {
  return rows.map((row) => ({ ...row, path: withBase(base, row.path) }));
}

function pageRow(result: PagefindResult): Row | undefined {
  const code = Number(result.meta['code']);
  const entry = codesByNumber.get(code);
  if (!entry) return undefined;
  // A code's page and the page of its error messages are one result: the code's page.
  return {
    key: `page:${code}`,
    path: /\/messages\/5\d\d\/$/.test(result.url) ? result.url.replace(/messages\/(5\d\d)\/$/, '$1/') : result.url,
    title: `${entry.code} ${entry.name}`,
    code,
    status: entry.status,
    retry: entry.retry,
    excerptHtml: result.excerpt,
    layers: entry.layers,
    kind: 'page',
  };
}

/**
 * Pagefind's tier: the whole query, else its distinctive words, else each word alone ranked by
 * how many words a page holds. `isCurrent` stops the work once a newer query has started.
 */
async function pagefindRows(
  base: string,
  text: string,
  keywords: readonly string[],
  filters: Filters,
  limit: number,
  isCurrent: () => boolean,
  answered: boolean,
): Promise<{ rows: Row[]; mode: FallbackMode }> {
  const pagefind = await loadPagefind(base);
  if (!isCurrent()) return { rows: [], mode: 'all' };
  const options = { filters: toPagefindFilters(filters) };
  const plan = fallbackPlan(text, keywords, siteWords(await matcherReady));
  type Handle = { id: string; score: number; data(): Promise<PagefindResult> };
  let handles: Handle[] = [];
  let mode: FallbackMode = 'all';
  // A pasted log line is never found whole: go straight to its words.
  if (text.split(/\s+/).length <= 20) handles = (await pagefind.search(plan.all, options))?.results ?? [];
  if (handles.length === 0 && plan.distinctive && isCurrent()) {
    mode = 'distinctive';
    handles = (await pagefind.search(plan.distinctive, options))?.results ?? [];
  }
  // Single words find pages for a paste nothing else recognised; when the fast tiers already
  // answered, pages that merely share a word would only add noise.
  if (handles.length === 0 && !answered && plan.any.length > 1 && isCurrent()) {
    mode = 'any';
    const perWord = await Promise.all(
      plan.any.map(async (word) =>
        ((await pagefind.search(word, options))?.results ?? []).map((handle) => ({ id: handle.id, score: handle.score, item: handle })),
      ),
    );
    handles = rankByWordsMatched(perWord).map(({ item }) => item);
  }
  if (!isCurrent()) return { rows: [], mode };
  const results = await Promise.all(handles.slice(0, limit).map((handle) => handle.data()));
  return { rows: results.flatMap((result) => pageRow(result) ?? []), mode };
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

/**
 * Appends `text` to `parent` with the words the reader typed marked, as Pagefind marks its
 * excerpts. Words are matched at the start of a word; everything goes in as text.
 */
function appendMarked(parent: HTMLElement, text: string, marked: readonly string[]): void {
  const wanted = marked.filter((word) => word.length >= 2 && !STOP_WORDS.has(word)).slice(0, 12);
  if (wanted.length === 0) {
    parent.append(text);
    return;
  }
  const escaped = wanted.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`\\b(?:${escaped.join('|')})[a-z0-9]*`, 'gi');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parent.append(text.slice(last, match.index));
    const mark = document.createElement('mark');
    mark.textContent = match[0];
    parent.append(mark);
    last = match.index + match[0].length;
  }
  parent.append(text.slice(last));
}

/** Fills `item` with a row's title, badges, context line and excerpt. All text goes in as text. */
function renderRow(item: HTMLElement, row: Row, marked: readonly string[] = []): void {
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = row.title;
  item.append(title);
  if (row.status === 'unofficial') item.append(' ', badge('unofficial', 'Unofficial'));
  const verdict = row.retry ? RETRY_VERDICT_LABELS[row.retry as RetryVerdict] : undefined;
  if (row.retry && verdict) item.append(' ', badge(row.retry, verdict));
  if (row.meta) {
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = row.meta;
    item.append(meta);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'excerpt';
  if (row.excerptHtml !== undefined) appendExcerpt(excerpt, row.excerptHtml);
  else appendMarked(excerpt, row.detail ?? '', marked);
  item.append(excerpt);
}

/** The search page's URL for a query, shortened to what a URL can carry. */
function searchPageUrl(base: string, query: string): string {
  return `${withBase(base, '/search/')}?q=${encodeURIComponent(query.slice(0, SEARCH_URL_MAX))}`;
}

/**
 * The header search box: a combobox whose listbox shows results as the reader types. Each option
 * is a real link, so Ctrl-click, middle-click and "copy link" work. Arrow keys move through
 * results, Enter opens one, Escape closes. Enter on an exact code, and pasting several lines, are
 * handled by the inline script in SearchBox.astro, so they work before this module has loaded.
 */
class SiteSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #status!: HTMLElement;
  #base = '/';
  #rows: Row[] = [];
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
    input.addEventListener('focus', () => this.#rows.length > 0 && this.#open(true));
    input.addEventListener('blur', () => setTimeout(() => this.#open(false), 150));
    // Keep focus in the box while the pointer presses an option; the link itself then navigates.
    list.addEventListener('mousedown', (event) => event.button === 0 && event.preventDefault());
    if (input.value.trim() !== '') void this.#search();
  }

  async #search(): Promise<void> {
    const query = this.#input.value.trim();
    const ticket = ++this.#latest;
    const isCurrent = () => ticket === this.#latest;
    if (query === '') {
      this.#show([]);
      this.#status.textContent = '';
      return;
    }
    const text = fromSearchBox(query);
    const quick = quickRows(this.#base, text, {});
    let rows = quick.rows.slice(0, DROPDOWN_LIMIT);
    // One character says too little for full text: show what the fast tiers have, or nothing yet.
    if (text.length < 2 && rows.length === 0) {
      this.#list.replaceChildren();
      this.#list.removeAttribute('aria-busy');
      this.#rows = [];
      this.#open(false);
      this.#status.textContent = '';
      return;
    }
    if (quick.pending) {
      // The code index answered at once; the matcher, built a moment later, answers in full.
      if (rows.length > 0) this.#show(rows, true);
      else this.#list.setAttribute('aria-busy', 'true');
      await matcherReady;
      if (isCurrent()) await this.#search();
      return;
    }
    if (rows.length >= ENOUGH_QUICK_ROWS || quick.settled || text.length < 2) {
      this.#show(rows);
      this.#announce(rows.length);
      return;
    }
    // Show what the fast tiers found at once; Pagefind's results follow. With nothing new to show,
    // the list still holds the last query's rows: mark it as being refreshed.
    if (rows.length > 0) this.#show(rows, true);
    else this.#list.setAttribute('aria-busy', 'true');
    try {
      const found = await pagefindRows(this.#base, text, quick.analysis?.keywords ?? [], {}, DROPDOWN_LIMIT, isCurrent, rows.length > 0);
      // A slower, older query must never overwrite the answer to a newer one.
      if (!isCurrent()) return;
      rows = mergeRows(rows, found.rows).slice(0, DROPDOWN_LIMIT);
      this.#show(rows);
      this.#announce(rows.length);
    } catch {
      if (!isCurrent()) return;
      if (rows.length > 0) {
        this.#show(rows);
        this.#announce(rows.length);
        return;
      }
      this.#show([]);
      this.#showMessage('Search could not load. Press Enter for the search page, or browse all codes.');
    }
  }

  #announce(count: number): void {
    const query = this.#input.value.trim();
    this.#status.textContent = count === 0 ? `No results for ${query}` : `${count} results; use the arrow keys to choose`;
  }

  /** Renders `rows`; `partial` marks the listbox busy while more results load. */
  #show(rows: Row[], partial = false): void {
    // The reader may have pressed an arrow key after typing the last character but before its
    // results arrived. Keep that choice when the same row is still there, rather than dropping the
    // highlight from under them as the list refreshes.
    const kept = this.#chosen?.during === this.#latest ? this.#chosen.key : undefined;
    this.#rows = rows;
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    const query = this.#input.value.trim();
    const marked = query.length <= 200 ? words(query) : [];
    this.#list.dataset['query'] = query;
    if (partial) this.#list.setAttribute('aria-busy', 'true');
    else this.#list.removeAttribute('aria-busy');
    if (rows.length === 0) {
      this.#list.replaceChildren();
      if (query !== '') this.#showMessage(`No code matches “${query.slice(0, 200)}”. Try a code number or words from the error message.`);
      else this.#open(false);
      return;
    }
    // A row is known by where it leads, whichever tier found it, so a choice survives a refresh.
    const option = (index: number, key: string, href: string): [HTMLLIElement, HTMLAnchorElement] => {
      const item = document.createElement('li');
      item.setAttribute('role', 'presentation');
      const link = document.createElement('a');
      link.id = `site-search-option-${index}`;
      link.setAttribute('role', 'option');
      link.setAttribute('aria-selected', 'false');
      link.tabIndex = -1;
      link.href = href;
      link.dataset['key'] = key;
      item.append(link);
      return [item, link];
    };
    const items = rows.map((row, index) => {
      const [item, link] = option(index, row.path, row.path);
      if (row.kind === 'message') link.classList.add('message');
      renderRow(link, row, marked);
      return item;
    });
    // The last row opens the search page, with every result and the filters.
    const [more, moreLink] = option(rows.length, 'more', searchPageUrl(this.#base, query));
    moreLink.className = 'more';
    moreLink.textContent = 'All results and filters';
    this.#list.replaceChildren(...items, more);
    this.#open(true);
    const keptIndex = kept === undefined ? -1 : this.#options().findIndex((link) => link.dataset['key'] === kept);
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

  #options(): HTMLAnchorElement[] {
    return [...this.#list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
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
      this.#open(this.#rows.length > 0);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // From no highlight, ArrowUp goes to the last option.
      this.#select(this.#active === -1 && step === -1 ? this.#options().length - 1 : this.#active + step);
    } else if (event.key === 'Enter') {
      const chosen = this.#options()[this.#active]?.href;
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

/** What the search page's heading says about how the results were found. */
const MODE_NOTES: Record<FallbackMode, string> = {
  all: '',
  distinctive: ' (no page has every word; these have the distinctive ones)',
  any: ' (no page has every word; these have the most of them)',
};

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
    // A search in the URL fills the form. Without one, the form keeps what the reader typed or
    // ticked while this module loaded.
    const fromUrl = location.search.length > 1 ? readState(new URLSearchParams(location.search)) : undefined;
    if (fromUrl) {
      const { query, filters } = fromUrl;
      const input = form.querySelector<HTMLInputElement>('input[name="q"]');
      if (input) input.value = query;
      for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
        box.checked = (filters[box.name as keyof Filters] ?? []).includes(box.value);
      }
    }
    const update = () => {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        const text = String(value).trim();
        if (text !== '') params.append(name, name === 'q' ? text.slice(0, SEARCH_URL_MAX) : text);
      }
      const url = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
      if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
      void this.#render(base, readState(params), heading, list);
    };
    form.addEventListener('input', update);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update();
    });
    if (fromUrl) void this.#render(base, fromUrl, heading, list);
    else update();
  }

  async #render(base: string, state: { query: string; filters: Filters }, heading: HTMLElement, list: HTMLOListElement): Promise<void> {
    const ticket = ++this.#latest;
    const isCurrent = () => ticket === this.#latest;
    const filtered = Object.keys(state.filters).length > 0;
    if (state.query === '' && !filtered) {
      releaseAnswerHold();
      heading.textContent = SEARCH_PAGE_IDLE;
      list.removeAttribute('aria-busy');
      list.replaceChildren();
      return;
    }
    const text = fromSearchBox(state.query);
    const shown = state.query.length > 80 ? `${state.query.slice(0, 79)}…` : state.query;
    const what = state.query === '' ? 'these filters' : `“${shown}”${filtered ? ' with these filters' : ''}`;
    const quick = quickRows(base, text, state.filters);
    const marked = text.length <= 200 ? words(text) : [];
    const draw = (rows: Row[], note: string, partial = false) => {
      // Busy while full-text results are still to come, so nobody counts a list that will grow.
      if (partial) list.setAttribute('aria-busy', 'true');
      else {
        list.removeAttribute('aria-busy');
        releaseAnswerHold();
      }
      heading.textContent = rows.length === 0 ? `No code matches ${what}.` : `${rows.length} results for ${what}${note}`;
      list.replaceChildren(
        ...rows.map((row) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = row.path;
          if (row.kind === 'message') link.classList.add('message');
          renderRow(link, row, marked);
          item.append(link);
          return item;
        }),
      );
    };
    // Ranges and filters alone are answered in full by the code index.
    if (codePattern(text) || text === '') {
      draw(quick.rows.slice(0, PAGE_LIMIT), '');
      return;
    }
    if (quick.rows.length > 0) draw(quick.rows.slice(0, PAGE_LIMIT), '', true);
    else list.setAttribute('aria-busy', 'true');
    if (quick.pending) {
      await matcherReady;
      if (isCurrent()) await this.#render(base, state, heading, list);
      return;
    }
    try {
      const found = await pagefindRows(base, text, quick.analysis?.keywords ?? [], state.filters, PAGE_LIMIT, isCurrent, quick.rows.length > 0);
      if (!isCurrent()) return;
      const rows = mergeRows(quick.rows, found.rows).slice(0, PAGE_LIMIT);
      draw(rows, found.rows.length > 0 ? MODE_NOTES[found.mode] : '');
    } catch {
      if (!isCurrent()) return;
      list.removeAttribute('aria-busy');
      releaseAnswerHold();
      if (quick.rows.length > 0) return;
      heading.textContent = 'Search could not load right now. Every code is listed below.';
      list.replaceChildren();
    }
  }
}

/** Root-relative path of a code's page, for tests and other modules that import this one. */
export const pathOfCode = codePath;

customElements.define('site-search', SiteSearch);
customElements.define('search-page', SearchPage);
