import { ALL_PAGES } from '../support/pages';
import { expect, test } from './test';

test('the theme toggle switches to dark, is remembered, and applies before first paint on the next page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('503/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);
  // The next page is dark from its first frame: the theme is set by the first script in <head>,
  // before the body (and its first paint) exists.
  await page.goto('504/', { waitUntil: 'commit' });
  await page.waitForSelector('body', { state: 'attached' });
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
});

test('without a choice, the theme follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
});

test('section headings have anchor links to themselves', async ({ page }) => {
  await page.goto('502/');
  const heading = page.getByRole('heading', { level: 2, name: 'Retry semantics' });
  const anchor = heading.getByRole('link', { name: 'Link to the section “Retry semantics”' });
  await expect(anchor).toHaveAttribute('href', '#retry-semantics');
  await anchor.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#retry-semantics$/);
});

test('the home tables sort by any column, and say how they are sorted', async ({ page }) => {
  await page.goto('./');
  const table = page.locator('#registered');
  const retryHeader = table.locator('thead th').nth(3);
  await retryHeader.getByRole('button').click();
  await expect(retryHeader).toHaveAttribute('aria-sort', 'ascending');
  const verdicts = await table.locator('tbody td[data-label="Retry"] .badge').allTextContents();
  const order = ['Retry with backoff', 'Retry only if safe', 'Do not retry'];
  expect(verdicts.map((text) => order.indexOf(text))).toEqual([...verdicts.map((text) => order.indexOf(text))].sort((a, b) => a - b));
  await table.locator('thead th').first().getByRole('button').click();
  await table.locator('thead th').first().getByRole('button').click();
  await expect(table.locator('thead th').first()).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toContainText('511');
});

test('the print stylesheet drops the header, search and buttons', async ({ page }) => {
  await page.goto('503/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.site')).toBeHidden();
  await expect(page.locator('.copy').first()).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

// WCAG 1.4.10 (Reflow): content fits a 320 CSS px wide viewport without scrolling sideways. Wide
// tables and code blocks may scroll inside their own box; the page itself must not.
test.describe('on a 320 px wide phone', () => {
  test.use({ viewport: { width: 320, height: 720 } });
  for (const path of ALL_PAGES) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const inScrollBox = (element: Element) => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) return true;
          }
          return false;
        };
        const culprits = [...document.body.querySelectorAll('*')]
          .filter((element) => element.getBoundingClientRect().right > width + 1 && !inScrollBox(element))
          .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > width + 1))
          .map((element) => `<${element.tagName.toLowerCase()}> ${(element.textContent ?? '').trim().slice(0, 60)}`);
        return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5) };
      });
      expect(overflow.culprits, 'elements wider than the viewport').toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
    });
  }
});

test('a wide table scrolls in its own region, which the keyboard can reach', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto('502/');
  const region = page.getByRole('region', { name: /^Table: Upstream failure, nginx, Envoy/ });
  await expect(region).toBeVisible();
  const scrolls = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(scrolls).toBe(true);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
});
