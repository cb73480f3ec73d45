import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { parse } from 'yaml';
import type { PasteCase } from '../tests/support/paste-set.ts';

/**
 * The search half of `npm run bench`: the development set through the real search box, the time
 * a recognised message takes to show, the bytes a common query costs, and the same query on a
 * Starlight site built from the same content (Starlight's own search: Pagefind's UI in a dialog).
 */

/** Transfer bytes (body + headers) of every request that finishes from now on, by URL. */
function track(page: Page): { requests: () => Promise<Array<{ url: string; bytes: number; body: number }>>; bytes: () => Promise<number> } {
  const pending: Array<Promise<{ url: string; bytes: number; body: number }>> = [];
  page.on('requestfinished', (request) => {
    pending.push(request.sizes().then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, body: sizes.responseBodySize })));
  });
  const requests = () => Promise.all(pending);
  return { requests, bytes: async () => (await requests()).reduce((sum, r) => sum + r.bytes, 0) };
}

/** Pastes `text` into the header search box the way a browser does on Ctrl+V. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const input = document.querySelector<HTMLInputElement>('#site-search-input');
    if (!input) throw new Error('no search box');
    input.value = '';
    input.focus();
    const data = new DataTransfer();
    data.setData('text', value);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    // A synthetic paste event inserts nothing by itself: when no handler took it, insert the text
    // as the browser would.
    if (input.dispatchEvent(event)) {
      input.setRangeText(value, input.selectionStart ?? 0, input.selectionEnd ?? 0, 'end');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, text);
}

/** The codes the dropdown's rows lead to, in order, once it has settled ([] for "No code matches"). */
async function dropdownCodes(page: Page): Promise<number[]> {
  const list = page.locator('#site-search-results');
  // Settled: the list answers the query now in the box (not the one before), and nothing more is on its way.
  await page.waitForFunction(
    () => {
      const results = document.querySelector<HTMLElement>('#site-search-results');
      const input = document.querySelector<HTMLInputElement>('#site-search-input');
      return Boolean(
        results &&
          input &&
          results.dataset['query'] === input.value.trim() &&
          !results.hasAttribute('aria-busy') &&
          results.querySelector('[role="option"], .search-status'),
      );
    },
    null,
    { timeout: 60_000 },
  );
  const hrefs = await list.locator('[role="option"]:not(.more)').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  return hrefs.flatMap((path) => {
    const code = /\/(5\d\d)\/$/.exec(path)?.[1];
    return code ? [Number(code)] : [];
  });
}

export interface Accuracy {
  cases: number;
  top1: number;
  top3: number;
  empty: number;
  misses: Array<{ file: string; paste: string; want: number[]; got: number[] }>;
}

/**
 * Runs every paste of the set through the header search box of one page, as a reader would paste
 * it, and counts how often the expected code is the first row, among the first three, or missing.
 */
export async function pasteAccuracy(browser: Browser, origin: string, cases: readonly PasteCase[], progress = false): Promise<Accuracy> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  await page.locator('#site-search-input').focus();
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  const result: Accuracy = { cases: cases.length, top1: 0, top3: 0, empty: 0, misses: [] };
  for (const item of cases) {
    await page.locator('#site-search-input').fill('');
    await paste(page, item.paste);
    // A paste that gets no settled answer within a minute counts as a miss with nothing found.
    const codes = await dropdownCodes(page).catch(() => [] as number[]);
    const firstThree = [...new Set(codes)].slice(0, 3);
    if (codes.length === 0) result.empty++;
    if (codes[0] !== undefined && item.codes.includes(codes[0])) result.top1++;
    else result.misses.push({ file: item.file, paste: item.paste.slice(0, 120), want: item.codes, got: firstThree });
    if (firstThree.some((code) => item.codes.includes(code))) result.top3++;
    if (progress) process.stdout.write(codes[0] !== undefined && item.codes.includes(codes[0]) ? '.' : 'x');
  }
  if (progress) process.stdout.write('\n');
  await context.close();
  return result;
}

/** Records the last input event in the search box and the first result row after it. */
export const INSTRUMENT = (): void => {
  const state = window as unknown as { lastInput: number; firstResult: number };
  state.lastInput = 0;
  state.firstResult = 0;
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target as Element;
      if (target.id === 'site-search-input' || target.classList.contains('pagefind-ui__search-input')) {
        state.lastInput = performance.now();
        state.firstResult = 0;
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (state.lastInput > 0 && state.firstResult === 0 && document.querySelector('#site-search-results [role="option"], .pagefind-ui__result')) {
      state.firstResult = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
};

const elapsed = (page: Page) =>
  page
    .waitForFunction(() => (window as unknown as { firstResult: number }).firstResult > 0, null, { timeout: 20_000 })
    .then(() => page.evaluate(() => {
      const state = window as unknown as { lastInput: number; firstResult: number };
      return state.firstResult - state.lastInput;
    }));

/** Milliseconds from pasting a catalogued message to its row on screen, on a page where search has loaded. */
export async function warmPasteMs(browser: Browser, origin: string, text: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${origin}/503/`, { waitUntil: 'networkidle' });
  await page.locator('#site-search-input').focus();
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  // One query first, so the timed one finds everything loaded.
  await page.locator('#site-search-input').pressSequentially('timeout');
  await page.waitForSelector('#site-search-results [role="option"]');
  await page.locator('#site-search-input').fill('');
  await page.evaluate(() => ((window as unknown as { firstResult: number }).firstResult = 0));
  await paste(page, text);
  const ms = await elapsed(page);
  await context.close();
  return ms;
}

/**
 * Our search: bytes fetched for `query` typed on a fresh page, from the focus that loads search to
 * the settled list, and the share of them that is the matcher's data.
 */
export async function ourQueryBytes(browser: Browser, origin: string, query: string): Promise<{ total: number; matcherData: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/503/`, { waitUntil: 'networkidle' });
  const tracker = track(page);
  await page.locator('#site-search-input').click();
  await page.locator('#site-search-input').pressSequentially(query, { delay: 60 });
  await dropdownCodes(page);
  await page.waitForLoadState('networkidle');
  const requests = await tracker.requests();
  await context.close();
  return {
    total: requests.reduce((sum, r) => sum + r.bytes, 0),
    // The matcher's budget is the data's compressed size, so its body only (headers are the host's).
    matcherData: requests.filter((r) => r.url.includes('/_assets/matcherData.')).reduce((sum, r) => sum + r.body, 0),
  };
}

/**
 * Writes a Starlight site with the same code pages (title, summary and body of each), inside the
 * project so that it builds with the project's own packages, and builds it. Returns its dist folder.
 */
export function buildStarlightSite(root: string, codesDir: string): string {
  const site = join(root, 'bench-results', 'starlight-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'src', 'content', 'docs'), { recursive: true });
  writeFileSync(
    join(site, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'HTTP 5xx' })] });\n`,
  );
  writeFileSync(
    join(site, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
  const docs = join(site, 'src', 'content', 'docs');
  writeFileSync(join(docs, 'index.md'), '---\ntitle: HTTP 5xx Reference\n---\n\nEvery HTTP 5xx status code.\n');
  for (const file of readdirSync(codesDir).filter((name) => name.endsWith('.mdx'))) {
    const text = readFileSync(join(codesDir, file), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text) ?? [];
    const data = parse(frontmatter) as { code: number; name: string; summary: string; aliases?: string[] };
    // Plain Markdown: drop MDX imports and components, which a Starlight page would not have.
    const markdown = body.replace(/^import .*$/gm, '').replace(/<[A-Z][A-Za-z]*[^>]*\/>/g, '');
    const aliases = (data.aliases ?? []).map((alias) => `- ${alias}`).join('\n');
    writeFileSync(
      join(docs, `${data.code}.md`),
      `---\ntitle: ${JSON.stringify(`${data.code} ${data.name}`)}\ndescription: ${JSON.stringify(data.summary)}\n---\n\n${data.summary}\n\n${markdown}\n\n## Seen in logs\n\n${aliases}\n`,
    );
  }
  const result = spawnSync('npx', ['astro', 'build', '--root', site], { encoding: 'utf8', maxBuffer: 2 ** 30, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('the Starlight comparison site did not build');
  }
  return join(site, 'dist');
}

/**
 * Starlight's search, cold: on a page that has finished loading, open the search dialog, type
 * `query` at 60 ms a key, and time the last keystroke to the first result; bytes are everything
 * fetched from opening the dialog to the settled results.
 */
export async function starlightSearch(browser: Browser, origin: string, query: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${origin}/503/`, { waitUntil: 'networkidle' });
  const tracker = track(page);
  await page.locator('button[data-open-modal]').click();
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor();
  await input.pressSequentially(query, { delay: 60 });
  const ms = await elapsed(page);
  await page.waitForLoadState('networkidle');
  const bytes = await tracker.bytes();
  await context.close();
  return { ms, bytes };
}

/** Our search, cold, the same way: a loaded page, the box clicked, `query` typed at 60 ms a key. */
export async function ourColdSearch(browser: Browser, origin: string, query: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${origin}/503/`, { waitUntil: 'networkidle' });
  const tracker = track(page);
  await page.locator('#site-search-input').click();
  await page.locator('#site-search-input').pressSequentially(query, { delay: 60 });
  const ms = await elapsed(page);
  await dropdownCodes(page);
  await page.waitForLoadState('networkidle');
  const bytes = await tracker.bytes();
  await context.close();
  return { ms, bytes };
}
