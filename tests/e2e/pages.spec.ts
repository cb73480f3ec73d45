import { sourceEntries } from '../support/content';
import { expect, test } from './test';

const entries = sourceEntries();

// The sections every code page shows, in order: seven from the MDX template, two from the frontmatter.
const SECTIONS = [
  'What it means',
  'Typical triggers',
  'What the client should do',
  'What the server or operator should do',
  'Retry semantics',
  'Alerting and monitoring',
  'Example response',
  'Related codes',
  'Specification',
];

test('the home table lists every code, registered and unofficial, in order', async ({ page }) => {
  await page.goto('./');
  const registered = page.locator('#registered tbody th a');
  await expect(registered).toHaveText(
    entries.filter((entry) => entry.status === 'standard').map((entry) => `${entry.code} ${entry.name}`),
  );
  const unofficial = entries.filter((entry) => entry.status === 'unofficial');
  if (unofficial.length > 0) {
    await expect(page.locator('#unofficial tbody th a')).toHaveText(
      unofficial.map((entry) => `${entry.code} ${entry.name}`),
    );
  }
});

test('every link in the home table opens the right code page', async ({ page, request }) => {
  await page.goto('./');
  const links = await page.locator('.codes-table tbody a').evaluateAll((anchors) =>
    anchors.map((anchor) => ({ href: (anchor as HTMLAnchorElement).href, text: anchor.textContent ?? '' })),
  );
  expect(links).toHaveLength(entries.length);
  for (const link of links) {
    const response = await request.get(link.href);
    expect(response.status(), link.href).toBe(200);
    const code = link.text.slice(0, 3);
    expect(await response.text()).toContain(`<h1 data-pagefind-meta="title" data-pagefind-weight="10">${link.text}</h1>`);
    expect(new URL(link.href).pathname).toMatch(new RegExp(`/${code}/$`));
  }
});

for (const entry of entries) {
  test(`/${entry.code}/ answers every question in the same place`, async ({ page }) => {
    const response = await page.goto(`${entry.code}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${entry.code} ${entry.name}`);
    await expect(page.locator('article h2')).toHaveText(SECTIONS);
    await expect(page).toHaveTitle(`${entry.code} ${entry.name} | HTTP 5xx Reference`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', entry.summary);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${entry.code}/$`));
    // Related codes link to their pages.
    const related = page.locator('.related a');
    await expect(related).toHaveCount(entry.related.length);
    for (const code of entry.related) {
      await expect(page.locator(`.related a[href$="/${code}/"]`)).toHaveCount(1);
    }
    // The example response is highlighted by Shiki at build time.
    await expect(page.locator('pre.astro-code[data-language="http"]').first()).toBeVisible();
  });
}

test('/500/ is an ordinary code page, not the framework error page', async ({ page }) => {
  const response = await page.goto('500/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('500 Internal Server Error');
  await expect(page.getByRole('searchbox').or(page.getByRole('combobox'))).toBeVisible();
});

test('an unknown path gets the 404 page with search and a way back', async ({ page, allowConsole }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  // The browser reports the 404 status itself; that line is expected here.
  allowConsole(/status of 404/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('404');
  await expect(page.getByRole('combobox', { name: 'Search status codes' })).toBeVisible();
  await page.getByRole('link', { name: '503 Service Unavailable' }).click();
  await expect(page).toHaveURL(/\/503\/$/);
});

test('the 5xx class guide is linked from the home page', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'what 5xx means and how to choose a code' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('5xx');
  await expect(page.locator('a[href$="/509/"], a[href$="/500/"]').first()).toBeVisible();
});
