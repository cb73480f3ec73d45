import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { sourceEntries } from '../support/content';
import { expect, test } from './test';

const GUIDE = 'guides/alerting/';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The calculator's field by its label; the first focus loads the calculator's code. */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const summary = (page: Page) => page.locator('burn-rate-calculator [data-summary]');

/** Opens the guide and waits for the calculator to load and show its first answer. */
async function openCalculator(page: Page) {
  await page.goto(GUIDE);
  await field(page, 'SLO target (%)').focus();
  await expect(summary(page)).toContainText('Burn rate');
}

/** Types values into the calculator and presses Calculate. */
async function calculate(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await field(page, label).fill(value);
  await page.getByRole('button', { name: 'Calculate' }).click();
}

/** The row of the calculator's alert table for one alert (by the start of its name). */
const alertRow = (page: Page, name: string) => page.locator('burn-rate-calculator tbody tr', { has: page.locator('th', { hasText: name }) });

test.describe('the burn-rate calculator', () => {
  test('works out the Workbook example: at 99.9%, an error ratio of 1.44% is a burn rate of 14.4', async ({ page }) => {
    await openCalculator(page);
    await calculate(page, { 'SLO target (%)': '99.9', 'SLO window (days)': '30', 'Current error ratio (%)': '1.44', 'Requests per second': '100' });
    // 30 days ÷ 14.4 = 50 hours.
    await expect(summary(page)).toHaveText('Burn rate 14.4: at this error ratio the budget left lasts 2.1 days.');
    const results = page.locator('burn-rate-calculator dl');
    await expect(results).toContainText('43.2 min of total outage over 30 days, or 259,200 failed requests at 100 a second');
    await expect(alertRow(page, 'Page: 1 hour and 5 minutes').locator('td').nth(1)).toHaveText('1.44%');
    await expect(alertRow(page, 'Page: 1 hour and 5 minutes').locator('td').nth(2)).toHaveText('695');
    // Exactly at the threshold the fastest page stays quiet; the 6-hour page fires after 150 minutes.
    await expect(alertRow(page, 'Page: 1 hour and 5 minutes').locator('td').nth(3)).toHaveText('Stays quiet.');
    await expect(alertRow(page, 'Page: 6 hours and 30 minutes').locator('td').nth(3)).toHaveText('Fires after 2 h 30 min.');
  });

  test('shows how fast a total outage pages, and how long a half-spent budget lasts', async ({ page }) => {
    await openCalculator(page);
    await calculate(page, { 'Current error ratio (%)': '100', 'Budget already spent (%)': '50' });
    // 2% of the budget at a burn rate of 1,000: 0.864 minutes.
    await expect(alertRow(page, 'Page: 1 hour and 5 minutes').locator('td').nth(3)).toHaveText('Fires after 52 s.');
    // Half of 43.2 minutes.
    await expect(summary(page)).toHaveText('Burn rate 1000: at this error ratio the budget left lasts 21.6 min.');
  });

  test('says when a tier cannot fire at a low target', async ({ page }) => {
    await openCalculator(page);
    await calculate(page, { 'SLO target (%)': '90', 'Current error ratio (%)': '100' });
    await expect(alertRow(page, 'Page: 1 hour and 5 minutes').locator('td').nth(3)).toHaveText('Cannot fire: even a total outage stays under the threshold.');
    await expect(alertRow(page, 'Page: 6 hours and 30 minutes').locator('td').nth(3)).toContainText('Fires after');
  });

  test('answers from the keyboard alone', async ({ page }) => {
    await page.goto(GUIDE);
    await field(page, 'Current error ratio (%)').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    await expect(summary(page)).toHaveText('Burn rate 5: at this error ratio the budget left lasts 6 days.');
  });

  const BAD_INPUT = [
    { label: 'SLO target (%)', value: '100', message: 'A target of 100% or more leaves no error budget' },
    { label: 'SLO target (%)', value: '100.01', message: 'A target of 100% or more leaves no error budget' },
    { label: 'SLO target (%)', value: '0', message: 'Enter a target above 0%' },
    { label: 'SLO target (%)', value: '-99.9', message: 'Enter a target above 0%' },
    { label: 'SLO target (%)', value: 'three nines', message: '"three nines" is not a number' },
    { label: 'SLO target (%)', value: '', message: 'Enter the SLO target' },
    { label: 'SLO window (days)', value: '1', message: 'The SLO window must be at least 3 days' },
    { label: 'SLO window (days)', value: '-30', message: 'A window cannot be negative' },
    { label: 'SLO window (days)', value: 'month', message: '"month" is not a number' },
    { label: 'Current error ratio (%)', value: '-2', message: 'An error ratio cannot be negative' },
    { label: 'Current error ratio (%)', value: '150', message: 'An error ratio cannot be above 100%' },
    { label: 'Current error ratio (%)', value: '1,5', message: '"1,5" is not a number' },
    { label: 'Requests per second', value: '-10', message: 'A request rate cannot be negative' },
    { label: 'Requests per second', value: 'lots', message: '"lots" is not a number' },
    { label: 'Budget already spent (%)', value: '120', message: 'from 0 to 100' },
  ];

  for (const { label, value, message } of BAD_INPUT) {
    test(`explains "${value}" in "${label}" next to the field, and nothing else breaks`, async ({ page }) => {
      await openCalculator(page);
      await calculate(page, { [label]: value });
      const input = field(page, label);
      const error = page.locator(`#${await input.getAttribute('id')}-error`);
      // The message sits beside the field and is tied to it.
      await expect(error).toBeVisible();
      await expect(error).toContainText(message);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAttribute('aria-describedby', new RegExp(`(^| )${await error.getAttribute('id')}( |$)`));
      await expect(input).toBeFocused();
      // No other field is marked, the answer says what to do, the stale answer is gone.
      await expect(page.locator('burn-rate-calculator [aria-invalid="true"]')).toHaveCount(1);
      await expect(summary(page)).toHaveText('Check the field marked above.');
      await expect(page.locator('burn-rate-calculator dl')).toHaveCount(0);
      // The rest of the page still works: the threshold table, the snippets, search.
      await expect(page.locator('table.thresholds').first().locator('tbody tr')).toHaveCount(5);
      await expect(page.locator('figure.snippet').first()).toBeVisible();
      // Fixing the field clears the message and brings the answer back.
      await calculate(page, { [label]: label === 'SLO window (days)' ? '30' : label === 'SLO target (%)' ? '99.9' : label === 'Current error ratio (%)' ? '1' : '' });
      await expect(error).toBeHidden();
      await expect(input).not.toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAttribute('aria-describedby', `${await input.getAttribute('id')}-hint`);
      await expect(summary(page)).toContainText('Burn rate');
    });
  }

  test('marks every bad field at once, and checks a field when the reader leaves it', async ({ page }) => {
    await openCalculator(page);
    await calculate(page, { 'SLO target (%)': '100', 'SLO window (days)': '2', 'Current error ratio (%)': '-1' });
    await expect(page.locator('burn-rate-calculator [aria-invalid="true"]')).toHaveCount(3);
    await expect(summary(page)).toHaveText('Check the 3 fields marked above.');
    await field(page, 'SLO target (%)').fill('99.5');
    await field(page, 'SLO window (days)').focus();
    await expect(page.locator('burn-rate-calculator [aria-invalid="true"]')).toHaveCount(2);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in the calculator with an answer and with error messages shown (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openCalculator(page);
      await calculate(page, { 'Current error ratio (%)': '2', 'Requests per second': '40' });
      const check = async () => (await new AxeBuilder({ page }).include('burn-rate-calculator').withTags(WCAG_22_AA).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(await check()).toEqual([]);
      await calculate(page, { 'SLO target (%)': '100', 'Requests per second': '-1' });
      expect(await check()).toEqual([]);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the guide shows the threshold table for common targets instead of the calculator', async ({ page }) => {
    await page.goto(GUIDE);
    await expect(page.locator('burn-rate-calculator')).toBeHidden();
    const table = page.getByRole('table', { name: 'Alert thresholds as error ratios, for an SLO over 30 days' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(5);
    // SLO, budget as total outage, then the error ratio of each alert: 14.4, 6, 3 and 1 times the budget.
    const expected: Record<string, string[]> = {
      '99%': ['7 h 12 min', '14.4%', '6%', '3%', '1%'],
      '99.5%': ['3 h 36 min', '7.2%', '3%', '1.5%', '0.5%'],
      '99.9%': ['43.2 min', '1.44%', '0.6%', '0.3%', '0.1%'],
      '99.95%': ['21.6 min', '0.72%', '0.3%', '0.15%', '0.05%'],
      '99.99%': ['4.3 min', '0.144%', '0.06%', '0.03%', '0.01%'],
    };
    for (const [slo, cells] of Object.entries(expected)) {
      await expect(rows.filter({ has: page.locator('th', { hasText: new RegExp(`^${slo.replace('.', '\\.')}$`) }) }).locator('td')).toHaveText(cells);
    }
    await expect(page.getByRole('table', { name: 'The alerts, for an SLO over 30 days' })).toBeVisible();
  });
});

test('the guide shows the tested rule files byte for byte', async ({ page }) => {
  await page.goto(GUIDE);
  for (const file of ['burn-rate-alerts.rules.yml', 'http-requests.rules.yml', 'code-families.rules.yml']) {
    const source = readFileSync(join(import.meta.dirname, '../../snippets/alerting', file), 'utf8').trimEnd();
    const figure = page.locator('figure.snippet', { hasText: `snippets/alerting/${file}` });
    expect(await figure.locator('pre code').evaluate((code) => code.textContent)).toBe(source);
  }
  await expect(page.locator('figure.snippet', { hasText: 'not run in CI' })).toHaveCount(2);
});

test('the header and the home page link to the guide', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Alerting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alerting on 5xx');
  await page.goto('./');
  await page.locator('main').getByRole('link', { name: 'alerting on 5xx' }).click();
  await expect(page).toHaveURL(/\/guides\/alerting\/$/);
});

test("every code page's alerting section links to the guide", async ({ page }) => {
  // Two dozen page loads in one test: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  for (const entry of sourceEntries()) {
    await page.goto(`${entry.code}/`);
    // The links between the section's heading and the next one.
    const links = await page.locator('h2#alerting-and-monitoring').evaluate((heading) => {
      const hrefs: string[] = [];
      for (let node = heading.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
        for (const link of node.querySelectorAll('a')) hrefs.push(link.getAttribute('href') ?? '');
      }
      return hrefs;
    });
    expect(links.some((href) => /\/guides\/alerting\/(#[\w-]+)?$/.test(href)), `${entry.code}: ${links.join(' ')}`).toBe(true);
  }
});
