import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './test';

/** Collects Content-Security-Policy violations reported by the page. */
async function watchCsp(page: import('@playwright/test').Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('pages are served with the strict headers of dist/_headers', async ({ request }) => {
  const response = await request.get('503/');
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const assets = readFileSync(resolve(import.meta.dirname, '../..', process.env['HTTP5XX_OUT_DIR'] ?? 'dist', '_headers'), 'utf8');
  expect(assets).toMatch(/_assets\/\*\n\s+Cache-Control: public, max-age=31536000, immutable/);
});

test('no Content-Security-Policy violation while using every feature', async ({ page, context }) => {
  const violations = await watchCsp(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await page.locator('#registered thead th').nth(3).getByRole('button').click();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.pressSequentially('gateway');
  await expect(page.getByRole('option').first()).toBeVisible();
  await box.fill('52x');
  await expect(page.getByRole('option').first()).toContainText('520');
  expect(await violations()).toEqual([]);
  await page.goto('503/');
  await page.locator('.code-wrap').first().getByRole('button', { name: 'Copy' }).click();
  expect(await violations()).toEqual([]);
  await page.goto('should-i-retry/?status=503&method=GET&attempt=1&lang=ts');
  await expect(page.locator('[data-answer] .verdict')).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.goto('search/?q=timeout&status=unofficial');
  await expect(page.locator('search-page ol li').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

// Queries that try to inject markup: they must show as text and run nothing.
const HOSTILE = ['<script>window.pwned=1</script>', '"><img src=x onerror="window.pwned=1">', '<b>bold</b>&amp;'];

for (const query of HOSTILE) {
  test(`a hostile query is shown as text, not run: ${query}`, async ({ page }) => {
    await page.goto(`search/?q=${encodeURIComponent(query)}`);
    // The search code and the catalogue load first: allow a busy machine its time.
    await expect(page.locator('search-page [data-heading]')).toContainText(query, { timeout: 15_000 });
    await expect(page.locator('search-page [data-heading] *')).toHaveCount(0);
    const box = page.getByRole('combobox', { name: 'Search status codes' });
    await box.click();
    await box.fill(query);
    await expect(page.locator('.results')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.locator('.results img, .results b, .results script')).toHaveCount(0);
  });
}

test('when the full-text index cannot load, codes and known messages still answer, and the rest says so', async ({ page, allowConsole }) => {
  await page.route('**/pagefind/**', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.goto('503/');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  // Names, codes and catalogued messages need no index.
  await box.pressSequentially('gateway');
  await expect(page.getByRole('option').first()).toContainText('502 Bad Gateway');
  await box.fill('');
  await box.pressSequentially('hop-by-hop framing');
  await expect(page.locator('.results')).toContainText('Search could not load', { timeout: 15_000 });
  // The failed fetches are expected here; nothing else may be logged.
  allowConsole(/status of 500/);
  await page.getByRole('link', { name: '502 Bad Gateway' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('502 Bad Gateway');
  // Enter on an exact code still works: it needs no index.
  await page.getByRole('combobox', { name: 'Search status codes' }).fill('504');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/504\/$/);
});

test('when a full-text result fails, search says so instead of hanging', async ({ page, allowConsole }) => {
  await page.route('**/pagefind/fragment/**', (route) => route.abort('failed'));
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.pressSequentially('hop-by-hop framing');
  await expect(page.locator('.results')).toContainText('Search could not load', { timeout: 15_000 });
  allowConsole(/ERR_FAILED/);
});

test('when the message catalogue cannot load, the box says so and Enter still searches', async ({ page, allowConsole }) => {
  await page.route('**/_assets/matcherData.*.js', (route) => route.fulfill({ status: 500, body: '' }));
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await expect(page.locator('site-search [data-status]')).toContainText('Search could not load');
  allowConsole(/status of 500|Failed to fetch dynamically imported module/);
  await box.fill('503');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/503\/$/);
});

test('when the search module itself is blocked, the box says so and Enter still searches', async ({ page, allowConsole }) => {
  await page.route('**/_assets/search.*.js', (route) => route.fulfill({ status: 500, body: '' }));
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await expect(page.locator('site-search [data-status]')).toContainText('Search could not load');
  allowConsole(/status of 500/);
  await box.fill('timeout');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=timeout$/);
  await expect(page.locator('search-page [data-heading]')).toContainText('Search could not load');
  await expect(page.locator('#all-codes tbody tr').first()).toBeVisible();
});
