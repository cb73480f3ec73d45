import type { Page } from '@playwright/test';
import { sourceEntries } from '../support/content';
import { expect, holdRequests, test } from './test';

/** Types a query into the header search like a reader, and returns the options list. */
async function search(page: Page, query: string) {
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.pressSequentially(query);
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  return options;
}

// Queries a reader types during an incident, and the page that must come first.
const TOP_RESULTS: Array<[query: string, title: string]> = [
  ['503', '503 Service Unavailable'],
  ['service unavailable', '503 Service Unavailable'],
  ['gateway timeout', '504 Gateway Timeout'],
  ['bad gateway', '502 Bad Gateway'],
  ['upstream timed out', '504 Gateway Timeout'],
  ['internal server error', '500 Internal Server Error'],
  ['not implemented', '501 Not Implemented'],
  ['insufficient storage', '507 Insufficient Storage'],
  ['captive portal', '511 Network Authentication Required'],
  ['loop detected', '508 Loop Detected'],
  ['http version not supported', '505 HTTP Version Not Supported'],
  ['511', '511 Network Authentication Required'],
  // Unofficial codes and the phrases people paste from logs.
  ['522', '522 Connection Timed Out'],
  ['no live upstreams', '502 Bad Gateway'],
  ['first byte timeout', '503 Service Unavailable'],
  ['a timeout occurred', '524 A Timeout Occurred'],
  ['web server is down', '521 Web Server Is Down'],
  ['ssl handshake failed', '525 SSL Handshake Failed'],
  ['invalid ssl certificate', '526 Invalid SSL Certificate'],
  ['bandwidth limit exceeded', '509 Bandwidth Limit Exceeded'],
  ['overloaded_error', '529 Overloaded'],
  ['network connect timeout', '599 Network Connect Timeout Error'],
  // One word, and the platforms and stacks people name when they search.
  ['timeout', '504 Gateway Timeout'],
  ['server error', '500 Internal Server Error'],
  ['proxy error', '502 Bad Gateway'],
  ['socket hang up', '502 Bad Gateway'],
  ['ELB 502', '502 Bad Gateway'],
  ['Malformed Lambda proxy response', '502 Bad Gateway'],
  ['lambda timeout', '504 Gateway Timeout'],
  ['cloudfront 504', '504 Gateway Timeout'],
  ['Kubernetes ingress', '503 Service Unavailable'],
  ['readiness probe', '503 Service Unavailable'],
  ['Heroku H12', '503 Service Unavailable'],
  ['backend fetch failed', '503 Service Unavailable'],
  ['panic', '500 Internal Server Error'],
];

for (const [query, title] of TOP_RESULTS) {
  test(`searching "${query}" puts ${title} first`, async ({ page }) => {
    await page.goto('./');
    const options = await search(page, query);
    // The first row is the code's page, or a recognised message that leads to a section of it.
    const code = title.slice(0, 3);
    await expect(options.first()).toHaveAttribute('href', new RegExp(`/${code}/(#[a-z0-9-]+)?$`));
    await expect(options.first().locator('.title')).toContainText(title);
  });
}

test('results show the code, name, retry badge and a snippet with the match highlighted', async ({ page }) => {
  await page.goto('./');
  const options = await search(page, 'maintenance');
  const first = options.first();
  await expect(first.locator('.title')).toHaveText(/^5\d\d /);
  await expect(first.locator('.badge')).not.toHaveCount(0);
  await expect(first.locator('.excerpt mark').first()).toHaveText(/^maintenance$/i);
});

test('Enter on an exact code goes straight to its page', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.fill('504');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/504\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('504 Gateway Timeout');
});

test('keyboard only: "/" focuses search, arrows choose a result, Enter opens it', async ({ page }) => {
  await page.goto('502/');
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await expect(box).toBeFocused();
  await page.keyboard.type('gateway timeout');
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('504 Gateway Timeout');
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/504\/$/);
});

test('an option chosen while the last keystroke is still being searched stays chosen', async ({ page }) => {
  // A reader types fast and presses ArrowDown before the full-text results of the final query
  // arrive. Hold the index chunks that query needs, so that moment lasts until the test says so.
  await page.goto('502/');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await box.click();
  // "bad gateway" is answered by what ships with the search code; "bad gateway storm" shows that
  // answer at once and needs the full text for the rest.
  await box.pressSequentially('bad gateway');
  await expect(listbox).toHaveAttribute('data-query', 'bad gateway');
  await expect(listbox).not.toHaveAttribute('aria-busy');
  const indexChunks = await holdRequests(page, '**/pagefind/index/**');
  await box.pressSequentially(' storm');
  await expect.poll(indexChunks.count, { message: 'the final query should need an index chunk' }).toBeGreaterThan(0);
  await expect(listbox).toHaveAttribute('data-query', 'bad gateway storm');
  await expect(listbox).toHaveAttribute('aria-busy', 'true');
  await page.keyboard.press('ArrowDown');
  const chosen = listbox.getByRole('option').first();
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  const href = await chosen.getAttribute('href');
  await indexChunks.release();
  await expect(listbox).toHaveAttribute('data-query', 'bad gateway storm');
  await expect(listbox).not.toHaveAttribute('aria-busy');
  const kept = listbox.locator(`[role="option"][href="${href}"]`);
  await expect(kept).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await kept.getAttribute('id')) ?? '');
  await expect(listbox.locator('[aria-selected="true"]')).toHaveCount(1);
});

test('what the fast tiers find shows at once, and the list is marked busy until full-text results arrive', async ({ page }) => {
  await page.goto('./');
  // Hold every full-text result, so that only what ships with the search code can answer.
  const fragments = await holdRequests(page, '**/pagefind/fragment/**');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await box.click();
  // One code's summary mentions maintenance: that row shows at once; the full text adds more.
  await box.pressSequentially('maintenance');
  await expect(listbox.getByRole('option').first()).toBeVisible();
  await expect(listbox).toHaveAttribute('aria-busy', 'true');
  const before = await listbox.locator('[role="option"]:not(.more)').count();
  await expect.poll(fragments.count).toBeGreaterThan(0);
  await fragments.release();
  await expect(listbox).not.toHaveAttribute('aria-busy');
  await expect.poll(() => listbox.locator('[role="option"]:not(.more)').count()).toBeGreaterThan(before);
});

test('typing after choosing an option clears the choice, so Enter searches the new words', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await box.click();
  await box.pressSequentially('gateway');
  await expect(listbox).toHaveAttribute('data-query', 'gateway');
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.pressSequentially(' timeout');
  await expect(box).not.toHaveAttribute('aria-activedescendant');
  await expect(listbox.locator('[aria-selected="true"]')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=gateway\+timeout$/);
});

test('ArrowUp from the search box highlights the last option', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await box.click();
  await box.pressSequentially('bad gateway');
  await expect(listbox).toHaveAttribute('data-query', 'bad gateway');
  await page.keyboard.press('ArrowUp');
  await expect(listbox.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
  await expect(listbox.getByRole('option').last()).toHaveText('All results and filters');
});

test('Ctrl+K focuses search and Escape closes the results', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await expect(box).toBeFocused();
  await page.keyboard.type('bad gateway');
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
});

test('a query with no match says so', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.pressSequentially('zzqxv');
  await expect(page.locator('.results')).toContainText('No code matches');
});

test('Enter on a word query opens the search page with every result', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.fill('timeout');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=timeout$/);
  await expect(page.locator('search-page [data-heading]')).toContainText('results for “timeout”');
  await expect(page.locator('search-page ol li').first()).toBeVisible();
});

test('a search from the URL holds the table of every code until its results are drawn, then shows it below them', async ({ page }) => {
  // The full-text tier answers late here, so the wait is long enough to see.
  const fullText = await holdRequests(page, '**/pagefind/pagefind.js');
  await page.goto('search/?q=upstream+prematurely+closed');
  const table = page.locator('#all-codes');
  await expect(page.locator('search-page ol')).toHaveAttribute('aria-busy', 'true');
  await expect(table).toBeHidden();
  await fullText.release();
  await expect(page.locator('search-page ol')).not.toHaveAttribute('aria-busy');
  await expect(table).toBeVisible();
  const lastResult = await page.locator('search-page ol li').last().boundingBox();
  const tableBox = await table.boundingBox();
  expect(tableBox!.y).toBeGreaterThan(lastResult!.y + lastResult!.height);
});

test('when the full-text index fails, a search from the URL still shows the table of every code', async ({ page, allowConsole }) => {
  await page.route('**/pagefind/**', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.goto('search/?q=hop-by-hop+framing');
  await expect(page.locator('search-page [data-heading]')).toContainText('Search could not load');
  await expect(page.locator('#all-codes tbody tr').first()).toBeVisible({ timeout: 2_000 });
  allowConsole(/status of 500/);
});

test('no JavaScript is fetched until the reader reaches for search, and the full-text index only when a query needs it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || request.url().endsWith('.js') || request.url().includes('/pagefind/')) scripts.push(request.url());
  });
  await page.goto('503/');
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual([]);
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.focus();
  // On focus: the search code and the message catalogue, together.
  await expect.poll(() => scripts.some((url) => url.includes('/_assets/search.'))).toBe(true);
  await expect.poll(() => scripts.some((url) => url.includes('/_assets/matcherData.'))).toBe(true);
  // A code, a name or a known message is answered by what came with the search code.
  await box.pressSequentially('bad gateway');
  await expect(page.getByRole('option').first()).toContainText('502 Bad Gateway');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((url) => url.includes('/pagefind/'))).toEqual([]);
  // Words only the pages' full text holds load Pagefind.
  await box.fill('');
  await box.pressSequentially('retry storm');
  await expect.poll(() => scripts.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
});

test('unofficial codes carry an Unofficial badge in search results', async ({ page }) => {
  await page.goto('./');
  const options = await search(page, '520');
  await expect(options.first().locator('.title')).toHaveText(/^520 /);
  await expect(options.first().locator('.badge.unofficial')).toHaveText('Unofficial');
});

test('"5xx" lists every code and "50" the codes from 500 to 509', async ({ page }) => {
  await page.goto('./');
  let options = await search(page, '5xx');
  await expect(options.first().locator('.title')).toHaveText('500 Internal Server Error');
  await page.goto('./');
  options = await search(page, '50');
  const titles = await options.locator('.title').allTextContents();
  expect(titles.map((title) => title.slice(0, 3))).toEqual(['500', '501', '502', '503', '504', '505', '506', '507']);
});

test('the search page lists a range in full, from the URL', async ({ page }) => {
  await page.goto('search/?q=52x');
  await expect(page.locator('search-page [data-heading]')).toContainText('results for “52x”');
  const titles = await page.locator('search-page ol li .title').allTextContents();
  expect(titles.map((title) => title.slice(0, 3))).toEqual(['520', '521', '522', '523', '524', '525', '526', '529']);
});

test('filters narrow the results, live in the URL, and survive a reload', async ({ page }) => {
  await page.goto('search/?q=origin');
  const list = page.locator('search-page ol');
  const results = list.locator('li');
  await expect(results.first()).toBeVisible();
  // Count only once the full-text results have joined the fast ones.
  await expect(list).not.toHaveAttribute('aria-busy');
  const all = await results.count();
  await page.getByRole('group', { name: 'Standing' }).getByLabel('Unofficial').check();
  await expect(page).toHaveURL(/\?q=origin&status=unofficial$/);
  await expect(list).not.toHaveAttribute('aria-busy');
  await expect.poll(() => results.count()).toBeLessThan(all);
  expect(await results.locator('.badge.unofficial').count()).toBe(await results.count());
  await page.getByRole('group', { name: 'Retry' }).getByLabel('Do not retry').check();
  await expect(page).toHaveURL(/status=unofficial&retry=no$/);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Retry' }).getByLabel('Do not retry')).toBeChecked();
  await expect(page.locator('search-page [data-heading]')).toContainText('with these filters');
  // Whatever matches "origin" must be one of the unofficial codes whose verdict is "no".
  const allowed = sourceEntries()
    .filter((entry) => entry.status === 'unofficial' && entry.retry.verdict === 'no')
    .map((entry) => String(entry.code));
  await expect(results.first()).toBeVisible();
  await expect(list).not.toHaveAttribute('aria-busy');
  for (const title of await results.locator('.title').allTextContents()) expect(allowed).toContain(title.slice(0, 3));
});

test('a layer filter with no query lists the codes that layer emits', async ({ page }) => {
  await page.goto('search/?layer=client-library');
  await expect(page.locator('search-page [data-heading]')).toContainText('results for these filters');
  const titles = await page.locator('search-page ol li .title').allTextContents();
  expect(titles.map((title) => title.slice(0, 3)).sort()).toEqual(['598', '599']);
});

test('the dropdown ends with a link to every result and the filters', async ({ page }) => {
  await page.goto('./');
  await search(page, 'gateway');
  await page.getByRole('option', { name: 'All results and filters' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=gateway$/);
  await expect(page.locator('search-page [data-heading]')).toContainText('results for “gateway”');
});

test('Enter on a code without a page lands on the 404 page, which lists every code', async ({ page, allowConsole }) => {
  allowConsole(/status of 404/);
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.fill('512');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/512\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('404');
  await expect(page.locator('main')).toContainText('unassigned in the IANA registry');
  await expect(page.getByRole('link', { name: '503 Service Unavailable' })).toBeVisible();
});

test('the back button returns to a search with its query and filters', async ({ page }) => {
  await page.goto('search/?q=gateway');
  await page.getByRole('group', { name: 'Standing' }).getByLabel('Registered').check();
  await expect(page).toHaveURL(/\?q=gateway&status=standard$/);
  await expect(page.locator('search-page ol')).not.toHaveAttribute('aria-busy');
  const first = page.locator('search-page ol li a').first();
  await expect(first).toBeVisible();
  const title = (await first.locator('.title').textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=gateway&status=standard$/);
  await expect(page.getByLabel('Code, range, error message or pasted log lines')).toHaveValue('gateway');
  await expect(page.getByRole('group', { name: 'Standing' }).getByLabel('Registered')).toBeChecked();
  await expect(page.locator('search-page ol li a').first().locator('.title')).toHaveText(title);
});

test('an empty search page fetches no search code until the reader reaches for the form, and searches what they typed meanwhile', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/_assets/') || request.url().includes('/pagefind/')) scripts.push(request.url());
  });
  await page.goto('search/');
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual([]);
  await expect(page.locator('search-page [data-heading]')).toHaveText(/^Type a code, a range such as 52x/);
  await page.getByLabel('Code, range, error message or pasted log lines').fill('bad gateway');
  await expect(page.locator('.search-results a').first()).toContainText('502 Bad Gateway');
  await expect(page).toHaveURL(/\/search\/\?q=bad\+gateway$/);
});
