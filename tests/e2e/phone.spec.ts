import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sourceEntries } from '../support/content';
import { ALL_PAGES } from '../support/pages';
import { expect, test } from './test';

// A reader who arrives on a phone, from a link in an alert, sees the answer in the first screen:
// a compact header, the code's name and summary, whether to retry, and what a visitor should do.
const PHONES = [320, 390, 430];
const SCREEN_HEIGHT = 844;
const HEADER_MAX = 120;
const SUMMARY_BY = 300;
const VERDICT_LABELS: Record<string, string> = { yes: 'Retry with backoff', conditional: 'Retry only if safe', no: 'Do not retry' };

/** The box of `selector`'s first match, in CSS pixels from the top left of the unscrolled page. */
async function boxOf(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not rendered`);
  return { top: box.y, bottom: box.y + box.height };
}
const bottomOf = async (page: Page, selector: string) => (await boxOf(page, selector)).bottom;
const topOf = async (page: Page, selector: string) => (await boxOf(page, selector)).top;

/**
 * Long pages are skipped by content-visibility until they near the viewport: the entries of a code's
 * message page and of an emitter's (messages.css), and the paragraphs and lists of the prose of the code pages and guides
 * (site.css, src/lib/lazy-layout-plugin.ts). While skipped, each keeps a placeholder height estimated from its
 * text, and that must not be less than its real height: a too-short placeholder lets its links
 * overlap the next item's for any tool that measures them (Lighthouse's target-size audit failed on
 * that).
 * Returns the items, on the given pages, whose rendered height exceeds their placeholder.
 */
async function tallerThanPlaceholder(page: Page, paths: readonly string[], selector: string): Promise<string[]> {
  const short: string[] = [];
  let checked = 0;
  for (const path of paths) {
    await page.goto(path);
    const found = await page.locator(selector).evaluateAll((items) =>
      items.map((item, index) => {
        const placeholder = getComputedStyle(item).containIntrinsicBlockSize;
        (item as HTMLElement).style.contentVisibility = 'visible';
        return { name: item.id || `item ${index + 1}`, placeholder, height: item.getBoundingClientRect().height };
      }),
    );
    checked += found.length;
    for (const { name, placeholder, height } of found) {
      const match = /^auto (\d+(?:\.\d+)?)px$/.exec(placeholder);
      if (!match) short.push(`/${path} ${name}: no placeholder height (${placeholder})`);
      else if (height > Number(match[1]) + 0.5) short.push(`/${path} ${name}: ${height.toFixed(1)} px tall, placeholder ${match[1]} px`);
    }
  }
  expect(checked, `${selector} items checked`).toBeGreaterThan(paths.length);
  return short;
}
const MESSAGE_PAGES = sourceEntries().map((entry) => `messages/${entry.code}/`);
const MESSAGE_ENTRIES = '.messages.compact > li.lazy';
const PROSE_PAGES = [
  ...sourceEntries().map((entry) => `${entry.code}/`),
  ...readdirSync(join(import.meta.dirname, '../../content/guides'))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `guides/${file.replace(/\.mdx$/, '')}/`),
];
const PROSE_BLOCKS = '.prose > :is(.lazy-layout, .lazy-phone)';
const EMITTER_PAGES = readdirSync(join(import.meta.dirname, '../../content/messages'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => `messages/by/${file.replace(/\.yaml$/, '')}/`);
const EMITTER_ENTRIES = '.messages:not(.compact) > li.lazy';

/** The placeholder checks, at the width of the describe block that calls this. */
function placeholderTests(): void {
  for (const [what, paths, selector] of [
    ["entry on a code's message page", MESSAGE_PAGES, MESSAGE_ENTRIES],
    ['paragraph or list of a code page or guide', PROSE_PAGES, PROSE_BLOCKS],
    ["entry on an emitter's message page", EMITTER_PAGES, EMITTER_ENTRIES],
  ] as const) {
    test(`no ${what} is taller than its off-screen placeholder`, async ({ page }) => {
      test.setTimeout(240_000);
      expect(await tallerThanPlaceholder(page, paths, selector)).toEqual([]);
    });
  }
}

for (const width of PHONES) {
  test.describe(`on a ${width} px wide phone`, () => {
    test.use({ viewport: { width, height: SCREEN_HEIGHT } });

    placeholderTests();

    test('every code page shows its name, summary, retry verdict and visitor box in the first screen', async ({ page }) => {
      test.setTimeout(180_000);
      for (const entry of sourceEntries()) {
        await test.step(`/${entry.code}/`, async () => {
          await page.goto(`${entry.code}/`);
          expect(await bottomOf(page, 'header.site'), 'header height').toBeLessThanOrEqual(HEADER_MAX);
          await expect(page.getByRole('link', { name: 'HTTP 5xx Reference' })).toBeInViewport({ ratio: 1 });
          await expect(page.getByRole('combobox', { name: 'Search status codes' })).toBeInViewport({ ratio: 1 });
          expect(await bottomOf(page, 'h1'), 'h1').toBeLessThanOrEqual(SUMMARY_BY);
          expect(await bottomOf(page, '.lede'), 'summary').toBeLessThanOrEqual(SUMMARY_BY);
          // The verdict and the visitor box come before the facts, and are on screen whole.
          const verdict = page.locator('.verdict');
          await expect(verdict.locator('.badge')).toHaveText(VERDICT_LABELS[entry.retry.verdict] ?? '');
          await expect(verdict).toBeInViewport({ ratio: 1 });
          await expect(page.getByRole('complementary', { name: 'Seeing this error on a website?' })).toBeInViewport({ ratio: 1 });
          expect(await topOf(page, '.facts')).toBeGreaterThan(await bottomOf(page, '.visitor'));
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        });
      }
    });

    test('every other page keeps the header to one compact band and does not scroll sideways', async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of ALL_PAGES.filter((path) => !/^\d{3}\/$/.test(path))) {
        await test.step(path, async () => {
          await page.goto(path);
          expect(await bottomOf(page, 'header.site')).toBeLessThanOrEqual(HEADER_MAX);
          await expect(page.getByRole('combobox', { name: 'Search status codes' })).toBeInViewport({ ratio: 1 });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        });
      }
    });
  });
}

test.describe('the site links on a phone', () => {
  test.use({ viewport: { width: 390, height: SCREEN_HEIGHT }, javaScriptEnabled: false });

  test('are one tap away behind "Menu", without JavaScript, and open over the page', async ({ page }) => {
    await page.goto('503/');
    const nav = page.getByRole('navigation', { name: 'Site' });
    await expect(nav).toBeHidden();
    await page.getByText('Menu', { exact: true }).click();
    await expect(nav).toBeVisible();
    for (const link of await nav.getByRole('link').all()) await expect(link).toBeInViewport({ ratio: 1 });
    // The panel lies over the page: opening it moves nothing below the header.
    expect(await topOf(page, 'h1')).toBeLessThanOrEqual(HEADER_MAX + 20);
    await nav.getByRole('link', { name: 'Should I retry?' }).click();
    await expect(page).toHaveURL(/\/should-i-retry\/$/);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 A/AA violation on a phone with the menu open (${scheme})`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: SCREEN_HEIGHT });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('522/');
    await page.getByText('Menu', { exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('the menu on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 568 } });

  test('holds all eight links, "Alerting" the last, and the theme button within the screen', async ({ page }) => {
    await page.goto('503/');
    await page.getByText('Menu', { exact: true }).click();
    const links = page.getByRole('navigation', { name: 'Site' }).getByRole('link');
    await expect(links).toHaveCount(8);
    await expect(links.last()).toHaveText('Alerting');
    for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

// 40rem is where the placeholders switch to the wide count of characters per line: its narrowest case.
test.describe('just past the phone layout, 40rem wide', () => {
  test.use({ viewport: { width: 640, height: 900 } });

  placeholderTests();
});

test.describe('on a desktop screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  placeholderTests();

  test('the links are in view without a menu, under the name and the search box', async ({ page }) => {
    await page.goto('503/');
    await expect(page.getByText('Menu', { exact: true })).toBeHidden();
    const nav = page.getByRole('navigation', { name: 'Site' });
    for (const link of await nav.getByRole('link').all()) await expect(link).toBeVisible();
    const search = page.getByRole('combobox', { name: 'Search status codes' });
    expect(await topOf(page, 'nav.site')).toBeGreaterThanOrEqual(await bottomOf(page, 'site-search'));
    // Keyboard order follows the screen: name, search, theme, then the links.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'HTTP 5xx Reference' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(search).toBeFocused();
    // The search form's submit button is visually hidden but focusable.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link').first()).toBeFocused();
  });

  test('all eight links, "Alerting" the last, stay on one row beside nothing else', async ({ page }) => {
    await page.goto('503/');
    const links = page.getByRole('navigation', { name: 'Site' }).getByRole('link');
    await expect(links).toHaveCount(8);
    await expect(links.last()).toHaveText('Alerting');
    const tops = await links.evaluateAll((anchors) => anchors.map((anchor) => Math.round(anchor.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await bottomOf(page, 'header.site')).toBeLessThanOrEqual(HEADER_MAX);
  });
});
