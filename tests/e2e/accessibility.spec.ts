import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ALL_PAGES } from '../support/pages';
import { expect, test } from './test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

const pages = ALL_PAGES;

for (const scheme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`axe finds no WCAG 2.2 A/AA violation on /${path.replace('./', '')} (${scheme})`, async ({ page }) => {
      // axe reads the colours of every text node; the retry guide's thousands of highlighted tokens
      // take it past the default 30 s on a busy two-core machine.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      expect(await violations(page)).toEqual([]);
    });
  }
}

test('axe finds no violation with the search results open', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.pressSequentially('gateway');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  expect(await violations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the 404 page has no violation (${scheme})`, async ({ page, allowConsole }) => {
    allowConsole(/status of 404/);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('no-such-page/');
    expect(await violations(page)).toEqual([]);
  });
}
