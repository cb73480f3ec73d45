import { sourceEntries } from '../support/content';
import { expect, test } from './test';

test.use({ javaScriptEnabled: false });

const entries = sourceEntries();

test('without JavaScript the home table is complete and its links work', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.codes-table tbody tr')).toHaveCount(entries.length);
  await page.getByRole('link', { name: '502 Bad Gateway' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('502 Bad Gateway');
  await expect(page.getByRole('heading', { name: 'Retry semantics' })).toBeVisible();
});

test('without JavaScript a code page shows all of its content', async ({ page }) => {
  await page.goto('503/');
  await expect(page.locator('article h2')).toHaveCount(9);
  await expect(page.locator('.facts')).toContainText('Retry');
  await expect(page.locator('pre').first()).toBeVisible();
});

test('without JavaScript the search form leads to a page that lists every code', async ({ page }) => {
  await page.goto('504/');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.fill('gateway');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=gateway$/);
  await expect(page.locator('search-page')).toContainText('needs JavaScript');
  await expect(page.locator('#all-codes tbody tr')).toHaveCount(entries.length);
});
