import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, holdRequests, test } from './test';

test.describe('the "Should I retry?" tool', () => {
  test('answers, explains with the rule it applied, and keeps the question in the URL', async ({ page }) => {
    await page.goto('should-i-retry/');
    const answer = page.locator('[data-answer]');
    await page.getByLabel('Status code', { exact: true }).fill('503');
    await page.getByLabel('Method', { exact: true }).selectOption('POST');
    await page.getByRole('button', { name: 'Decide' }).click();
    await expect(answer.locator('.verdict')).toHaveText('Do not retry automatically.');
    await expect(answer.getByRole('link', { name: 'RFC 9110 §9.2.2' })).toBeVisible();
    await expect(page).toHaveURL(/\?status=503&method=POST&attempt=1&lang=ts$/);

    await page.getByLabel('Idempotency-Key sent', { exact: true }).check();
    await page.getByLabel('Retry-After value', { exact: true }).fill('30');
    await page.getByRole('button', { name: 'Decide' }).click();
    await expect(answer.locator('.verdict')).toHaveText('Retry after 30 s (Retry-After).');
    await expect(page).toHaveURL(/key=1/);

    // Reloading the shared URL gives the same answer.
    await page.reload();
    await expect(answer.locator('.verdict')).toHaveText('Retry after 30 s (Retry-After).');
    await expect(page.getByLabel('Idempotency-Key sent', { exact: true })).toBeChecked();
  });

  test('a question from the URL holds the decision table until the answer is drawn above it', async ({ page }) => {
    const toolCode = await holdRequests(page, '**/_assets/retryTool.*.js');
    await page.goto('should-i-retry/?status=503&method=GET&attempt=1&lang=ts');
    const table = page.getByRole('table', { name: 'Retry automatically? By code and method' });
    await expect(page.getByRole('button', { name: 'Decide' })).toBeVisible();
    await expect(table).toBeHidden();
    await toolCode.release();
    await expect(page.locator('[data-answer] .verdict')).toBeVisible();
    await expect(table).toBeVisible();
  });

  test('when its code cannot load, a question from the URL still shows the decision table', async ({ page, allowConsole }) => {
    await page.route('**/_assets/retryTool.*.js', (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto('should-i-retry/?status=503&method=GET&attempt=1&lang=ts');
    await expect(page.locator('[data-answer]')).toContainText('The tool could not load');
    await expect(page.getByRole('table', { name: 'Retry automatically? By code and method' })).toBeVisible({ timeout: 2_000 });
    allowConsole(/status of 500|Failed to fetch dynamically imported module/);
  });

  test('stops after the last attempt and treats an unknown 5xx as 500', async ({ page }) => {
    await page.goto('should-i-retry/?status=502&method=GET&attempt=3&lang=ts');
    await expect(page.locator('[data-answer] .verdict')).toHaveText('Do not retry automatically.');
    await page.goto('should-i-retry/?status=577&method=GET&attempt=1&lang=ts');
    await expect(page.locator('[data-answer]')).toContainText('treats an unrecognised 5xx as 500');
  });

  test('builds a snippet only when an answer asks for it', async ({ page }) => {
    // Five highlighted snippets are most of the page's bytes; built as elements on every visit,
    // they were the longest task of its load (DeferredMarkup.astro).
    await page.goto('should-i-retry/');
    await page.getByLabel('Status code', { exact: true }).fill('502');
    await expect(page.locator('retry-tool pre')).toHaveCount(0);
    await page.getByRole('button', { name: 'Decide' }).click();
    await expect(page.getByRole('region', { name: 'TypeScript (fetch) snippet' }).locator('pre')).toBeVisible();
    await expect(page.locator('retry-tool pre')).toHaveCount(1);
  });

  test('shows the tested snippet for the chosen language, byte for byte, with a copy button', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('should-i-retry/?status=504&method=GET&attempt=1&lang=python');
    const python = page.getByRole('region', { name: 'Python snippet' });
    await expect(python).toBeVisible();
    await expect(python.locator('figcaption')).toContainText('snippets/retry/retry.py');
    await expect(page.getByRole('region', { name: 'TypeScript (fetch) snippet' })).toBeHidden();
    const source = readFileSync(join(import.meta.dirname, '../../snippets/retry/retry.py'), 'utf8').trimEnd();
    expect(await python.locator('pre code').evaluate((code) => code.textContent)).toBe(source);
    await python.getByRole('button', { name: 'Copy' }).click();
    await expect(python.getByRole('button', { name: /^Copied$/ })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(source);

    // Another language replaces it; going back shows the same block again, not a second copy.
    await page.getByLabel('Code for', { exact: true }).selectOption('go');
    await page.getByRole('button', { name: 'Decide' }).click();
    const go = page.getByRole('region', { name: 'Go snippet' });
    await expect(go.locator('figcaption')).toContainText('snippets/retry/retry.go');
    await expect(go.getByRole('button', { name: 'Copy' })).toBeVisible();
    await expect(python).toBeHidden();
    await page.getByLabel('Code for', { exact: true }).selectOption('python');
    await page.getByRole('button', { name: 'Decide' }).click();
    await expect(python).toBeVisible();
    await expect(go).toBeHidden();
    await expect(page.locator('retry-tool pre')).toHaveCount(2);
    await expect(python.getByRole('button', { name: /^Cop/ })).toHaveCount(1);
  });

  test('is usable by keyboard alone', async ({ page }) => {
    await page.goto('should-i-retry/');
    await page.getByLabel('Status code', { exact: true }).focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('501');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-answer] .verdict')).toHaveText('Do not retry automatically.');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows the decision table instead of the form', async ({ page }) => {
    await page.goto('should-i-retry/');
    await expect(page.locator('retry-tool')).toBeHidden();
    const row = page.locator('table.decisions tbody tr', { hasText: '503 Service Unavailable' });
    await expect(row.locator('td').nth(1)).toHaveText('Retry; honour Retry-After');
    await expect(row.locator('td').nth(2)).toHaveText('Do not retry');
    await expect(row.locator('td').nth(3)).toHaveText('Retry; honour Retry-After');
    const notImplemented = page.locator('table.decisions tbody tr', { hasText: '501 Not Implemented' });
    await expect(notImplemented.locator('td').nth(1)).toHaveText('Do not retry');
  });
});
