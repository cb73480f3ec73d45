import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sourceEntries } from '../support/content';
import { expect, test } from './test';

const libraryFile = join(import.meta.dirname, '../../content/libraries/retry-defaults.yaml');
const libraries = parse(readFileSync(libraryFile, 'utf8')) as Array<{ id: string; name: string }>;

/** The matrix cell of one library (by row name) and one column header. */
function cell(page: import('@playwright/test').Page, library: string, column: string) {
  return page.locator('table.matrix').evaluate(
    (table, [name, header]) => {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
      const index = headers.indexOf(header);
      const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent?.trim() === name);
      return row?.children[index]?.textContent?.trim();
    },
    [library, column] as const,
  );
}

test('the client-library table has a row and a details section for every library in the data file', async ({ page }) => {
  await page.goto('guides/retry-defaults/');
  await expect(page.locator('table.matrix tbody tr')).toHaveCount(libraries.length);
  for (const library of libraries) {
    await expect(page.locator(`#lib-${library.id}`)).toContainText(library.name);
  }
});

test('the client-library table shows where defaults disagree, as read in their source', async ({ page }) => {
  await page.goto('guides/retry-defaults/');
  // go-retryablehttp: every 5xx except 501, POST included (client.go).
  expect(await cell(page, 'hashicorp/go-retryablehttp', '501')).toBe('No');
  expect(await cell(page, 'hashicorp/go-retryablehttp', '502')).toBe('Yes');
  expect(await cell(page, 'hashicorp/go-retryablehttp', 'POST')).toBe('Yes');
  // got lists 521, 522 and 524 by name, not 520; never POST.
  expect(await cell(page, 'got', '522')).toBe('Yes');
  expect(await cell(page, 'got', '520')).toBe('No');
  expect(await cell(page, 'got', 'POST')).toBe('No');
  // urllib3 retries a 503 only when it carries Retry-After; requests retries nothing.
  expect(await cell(page, 'urllib3 Retry', '503')).toBe('If Retry-After');
  expect(await cell(page, 'requests (HTTPAdapter)', '503')).toBe('No');
  await expect(page.locator('#disagreements + ul')).toContainText('POST');
});

test('a code page says which libraries retry it by default and links to their rows', async ({ page }) => {
  await page.goto('501/');
  const row = page.locator('.facts dt', { hasText: 'Retried by default by' }).locator('xpath=following-sibling::dd[1]');
  await expect(row).toContainText('.NET');
  await expect(row).not.toContainText('go-retryablehttp');
  await page.goto('522/');
  await expect(row).toContainText('got');
  await expect(row).toContainText('go-retryablehttp');
  await row.getByRole('link', { name: 'got' }).click();
  await expect(page).toHaveURL(/\/guides\/retry-defaults\/#lib-got$/);
  await expect(page.locator('#lib-got')).toBeInViewport();
});

test('a code page links to the layers that produce it in the "who sent this" guide', async ({ page }) => {
  await page.goto('522/');
  const row = page.locator('.facts dt', { hasText: 'Who sent it?' }).locator('xpath=following-sibling::dd[1]');
  await row.getByRole('link', { name: 'Cloudflare' }).click();
  await expect(page).toHaveURL(/\/guides\/who-sent-this\/#cloudflare$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Cloudflare' })).toBeInViewport();
  await page.goto('502/');
  await expect(row.getByRole('link', { name: 'nginx (reverse proxy)' })).toBeVisible();
});

test('unofficial codes are badged as such on their page and in the table', async ({ page }) => {
  await page.goto('524/');
  await expect(page.locator('.lede .badge.unofficial')).toHaveText('Unofficial');
  await expect(page.locator('#specification + p')).toContainText('not in the IANA HTTP Status Code Registry');
  await page.goto('./');
  await expect(page.locator('#unofficial tbody tr', { hasText: '524' })).toBeVisible();
  await expect(page.locator('#registered tbody tr', { hasText: '524' })).toHaveCount(0);
});

test('copy buttons put a code block on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('503/');
  const block = page.locator('.code-wrap').first();
  // The first fenced block of the source file, exactly as written there.
  const source = readFileSync(join(import.meta.dirname, '../../content/codes/503.mdx'), 'utf8');
  const expected = /^```\w*\n([\s\S]*?)\n```$/m.exec(source)?.[1];
  expect(expected).toBeTruthy();
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(block.getByRole('button')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
});

test('the retry guide shows the tested snippet files, byte for byte, each with a copy button', async ({ page }) => {
  await page.goto('guides/retry/');
  for (const [file, language] of [
    ['fetch-retry.ts', 'ts'],
    ['retry.py', 'python'],
  ] as const) {
    const source = readFileSync(join(import.meta.dirname, '../../snippets/retry', file), 'utf8').trimEnd();
    const figure = page.locator('figure.snippet', { hasText: `snippets/retry/${file}` });
    await expect(figure.locator(`pre[data-language="${language}"]`)).toHaveCount(1);
    expect(await figure.locator('pre code').evaluate((code) => code.textContent)).toBe(source);
    await expect(figure.getByRole('button', { name: 'Copy' })).toBeVisible();
  }
  for (const language of ['go', 'csharp', 'sh', 'nginx']) {
    await expect(page.locator(`figure.snippet pre[data-language="${language}"]`).first()).toBeVisible();
  }
});

test("the retry guide's verdict table agrees with every code page it lists", async ({ page }) => {
  // Labels as a reader sees them; the verdicts come from each entry's own frontmatter.
  const label: Record<string, string> = { yes: 'Retry with backoff', conditional: 'Retry only if safe', no: 'Do not retry' };
  const verdicts = new Map(sourceEntries().map((entry) => [entry.code, entry.retry.verdict]));
  await page.goto('guides/retry/');
  const rows = page.getByRole('table', { name: 'Whether to retry each registered 5xx automatically' }).locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);
  const listed: number[] = [];
  for (let i = 0; i < count; i++) {
    const codes = (await rows.nth(i).locator('th a').allTextContents()).map((text) => Number(text.slice(0, 3)));
    const badge = (await rows.nth(i).locator('.badge').textContent())?.trim();
    for (const code of codes) {
      expect(badge, `row for ${code}`).toBe(label[verdicts.get(code) ?? '']);
      listed.push(code);
    }
  }
  // Every registered code appears exactly once.
  const registered = sourceEntries().filter((entry) => entry.status === 'standard').map((entry) => entry.code);
  expect([...listed].sort()).toEqual(registered);
});
