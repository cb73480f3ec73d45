import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { pasteSet } from '../support/paste-set';
import { expect, test } from './test';

/** Pastes `text` into `input` the way a browser does on Ctrl+V: a paste event with the clipboard's text. */
async function paste(input: Locator, text: string): Promise<void> {
  await input.fill('');
  await input.focus();
  await input.evaluate((element, value) => {
    const field = element as HTMLInputElement | HTMLTextAreaElement;
    const data = new DataTransfer();
    data.setData('text', value);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    // A synthetic paste event inserts nothing by itself: when no handler took it, insert the text
    // as the browser would.
    if (field.dispatchEvent(event)) {
      field.setRangeText(value, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, text);
}

/** The code a result link leads to: `/504/#typical-triggers` gives 504. */
const codeOf = async (link: Locator) => Number(/\/(5\d\d)\/(?:#[a-z0-9-]+)?$/.exec((await link.getAttribute('href')) ?? '')?.[1]);

/** Waits for the dropdown to settle: options or a message, and no more results on the way. */
async function settled(page: Page): Promise<Locator> {
  const list = page.getByRole('listbox', { name: 'Search results' });
  // A paste nothing recognises waits for Pagefind's first load and one search per word: on a busy
  // two-core machine that can take more than the default 5 s. A wait, not a speed check.
  await expect(list.locator('[role="option"], .search-status').first()).toBeVisible({ timeout: 20_000 });
  await expect(list).not.toHaveAttribute('aria-busy', { timeout: 20_000 });
  return list;
}

const NGINX_LINE =
  '2024/05/12 03:14:07 [error] 2781#2781: *96 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: api.example.com, request: "GET /v1/orders HTTP/1.1", upstream: "http://10.0.3.12:8080/v1/orders", host: "api.example.com"';

test.describe('the development set through the real search UI', () => {
  // Hundreds of pastes, one after another: a long test, not a timed one.
  test.setTimeout(15 * 60_000);

  test('every paste puts its code first in the dropdown', async ({ page }) => {
    await page.goto('./');
    const box = page.getByRole('combobox', { name: 'Search status codes' });
    const misses: string[] = [];
    for (const item of pasteSet()) {
      await paste(box, item.paste);
      const list = await settled(page);
      const first = list.getByRole('option').first();
      const code = (await first.getAttribute('class'))?.includes('more') ? undefined : await codeOf(first);
      if (code === undefined || !item.codes.includes(code)) misses.push(`${item.file}: want ${item.codes.join('/')}, got ${code}: ${item.paste.slice(0, 90)}`);
    }
    expect(misses).toEqual([]);
  });

  test('every paste puts its code first on the search page', async ({ page }) => {
    await page.goto('search/');
    const input = page.getByLabel('Code, range, error message or pasted log lines');
    const results = page.locator('search-page ol li a');
    const misses: string[] = [];
    for (const item of pasteSet()) {
      await paste(input, item.paste);
      await expect(page.locator('search-page [data-heading]')).toContainText(/results for|No code matches/);
      const code = (await results.count()) > 0 ? await codeOf(results.first()) : undefined;
      if (code === undefined || !item.codes.includes(code)) misses.push(`${item.file}: want ${item.codes.join('/')}, got ${code}: ${item.paste.slice(0, 90)}`);
    }
    expect(misses).toEqual([]);
  });
});

test('a recognised message is the top row: emitter, message and code, its meaning and layer, linked to its section', async ({ page }) => {
  await page.goto('./');
  await paste(page.getByRole('combobox', { name: 'Search status codes' }), NGINX_LINE);
  const first = (await settled(page)).getByRole('option').first();
  await expect(first.locator('.title')).toHaveText(
    'nginx · upstream timed out (110: Connection timed out) while reading response header from upstream → 504 Gateway Timeout',
  );
  await expect(first.locator('.meta')).toContainText('Reverse proxy');
  await expect(first.locator('.excerpt')).toContainText('proxy_read_timeout');
  await expect(first).toHaveAttribute('href', /\/504\/#typical-triggers$/);
  await first.click();
  await expect(page).toHaveURL(/\/504\/#typical-triggers$/);
  await expect(page.locator('#typical-triggers')).toBeInViewport();
});

test('a paste typed before the search code has loaded is answered in full once it has', async ({ page }) => {
  await page.goto('./');
  // Hold the search module, so the paste is in the box before anything can answer it.
  const held: Array<() => Promise<void>> = [];
  let holding = true;
  await page.route('**/_assets/search.*', (route) => (holding ? void held.push(() => route.continue()) : route.continue()));
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.focus();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await box.fill(NGINX_LINE);
  holding = false;
  await Promise.all(held.map((send) => send()));
  // The code index answers first; the matcher, built a moment later, must still put the message first.
  const first = (await settled(page)).getByRole('option').first();
  await expect(first.locator('.title')).toContainText('nginx · upstream timed out');
  await expect(first.locator('.title')).toContainText('504 Gateway Timeout');
});

test('dropdown rows are real links: Ctrl-click opens a new tab and the list stays', async ({ page, context }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await box.click();
  await box.pressSequentially('bad gateway');
  const first = page.getByRole('option').first();
  await expect(first).toHaveAttribute('href', /\/502\/$/);
  const opened = context.waitForEvent('page');
  await first.click({ modifiers: ['Control'] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toMatch(/\/502\/$/);
  await expect(page).not.toHaveURL(/\/502\/$/);
});

test('a pasted raw response keeps its lines apart, and its headers name the layer', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search status codes' });
  await paste(box, 'HTTP/1.1 502 Bad Gateway\r\nServer: cloudflare\r\ncf-ray: 8b1f3c2d9e0a1234-SJC\r\nContent-Type: text/html');
  await expect(box).toHaveValue('HTTP/1.1 502 Bad Gateway ↵ Server: cloudflare ↵ cf-ray: 8b1f3c2d9e0a1234-SJC ↵ Content-Type: text/html');
  const first = (await settled(page)).getByRole('option').first();
  await expect(first.locator('.title')).toHaveText(/^Cloudflare \(.+\) → 502 Bad Gateway$/);
  await expect(first).toHaveAttribute('href', /\/502\/$/);
});

test('a paste the catalogue does not know still finds pages by its distinctive words', async ({ page }) => {
  await page.goto('./');
  await paste(page.getByRole('combobox', { name: 'Search status codes' }), '14:02:11 worker-7 flapping retry storm noticed by sidecar qz81xk');
  const list = await settled(page);
  await expect(list.getByRole('option').first()).toHaveAttribute('href', /\/5\d\d\/$/);
});

// Hostile pastes: each gets an answer or a clear "nothing", nothing runs, and search keeps working.
const HOSTILE: Array<[string, () => string]> = [
  ['a 1 MB paste', () => `${'lorem ipsum dolor sit amet '.repeat(40_000)}${NGINX_LINE}`],
  ['binary junk', () => String.fromCharCode(...Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 65_000))],
  ['HTML and script', () => '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"><b>no healthy upstream</b>'],
  ['regex-hostile text', () => `${'('.repeat(5_000)}${'a'.repeat(50_000)}!${'\\'.repeat(5_000)}[${'*+?'.repeat(2_000)}`],
  ['10,000 lines', () => Array.from({ length: 10_000 }, (_, i) => (i === 9_000 ? NGINX_LINE : `2024-05-12T03:14:07Z INFO request ${i} ok`)).join('\n')],
];

for (const [what, make] of HOSTILE) {
  test(`${what}: an answer or "nothing found", nothing runs, and search keeps working`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    const box = page.getByRole('combobox', { name: 'Search status codes' });
    await paste(box, make());
    const list = await settled(page);
    const answer = await list.innerText();
    expect(answer).toMatch(/→|No code matches|5\d\d /);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(list.locator('img, b, script')).toHaveCount(0);
    // The page still answers an ordinary query.
    await box.fill('');
    await box.pressSequentially('503');
    await expect(page.getByRole('option').first()).toHaveAttribute('href', /\/503\/$/);
  });
}

test.describe('the error-messages pages', () => {
  test.use({ javaScriptEnabled: false });

  test('list every emitter by layer, and each emitter\'s messages with code, meaning and source, without JavaScript', async ({ page }) => {
    await page.goto('messages/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error messages and the 5xx they come with');
    const proxies = page.locator('section', { has: page.getByRole('heading', { level: 3, name: 'Reverse proxy' }) });
    await proxies.getByRole('link', { name: 'nginx', exact: true }).click();
    await expect(page).toHaveURL(/\/messages\/by\/nginx\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('nginx: error messages and their 5xx');
    const entry = page.locator('.messages > li', { hasText: 'no live upstreams while connecting to upstream' });
    await expect(entry.getByRole('link', { name: '502 Bad Gateway' })).toBeVisible();
    await expect(entry).toContainText('First check:');
    await expect(entry.getByRole('link').last()).toHaveAttribute('href', /^https:\/\/(github\.com\/nginx\/nginx\/blob\/release-|nginx\.org\/)/);
  });

  test('every emitter listed on the index has its page, and the counts add up', async ({ page, request }) => {
    await page.goto('messages/');
    const links = page.locator('#by-emitter ~ section a');
    const hrefs = await links.evaluateAll((elements) => elements.map((element) => (element as HTMLAnchorElement).getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThanOrEqual(25);
    const document = await (await request.get('messages.json')).json();
    expect(hrefs.length).toBe(document.emitters.length);
    for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
  });

  test('each code page links to the messages that mean its code', async ({ page }) => {
    await page.goto('504/');
    const link = page.locator('.facts').getByRole('link', { name: /messages that mean 504/ });
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error messages that mean 504 Gateway Timeout');
    const nginx = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'nginx', exact: true }) });
    await expect(nginx.locator('li', { hasText: 'while reading response header from upstream' }).first()).toBeVisible();
    // Each entry leads to its full form on the emitter's page.
    await nginx.getByRole('link', { name: /^Source and first check: / }).first().click();
    await expect(page).toHaveURL(/\/messages\/by\/nginx\/#nginx--/);
  });

  test('the paste box, without JavaScript, leads to the catalogue', async ({ page }) => {
    await page.goto('guides/who-sent-this/');
    await page.getByRole('button', { name: 'Identify' }).click();
    await expect(page).toHaveURL(/\/messages\/\?$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error messages and the 5xx they come with');
  });
});

test.describe('the paste box on "Who sent this 5xx?"', () => {
  const box = (page: Page) => page.getByLabel('Paste a raw response (status line, headers, body), log lines or an error page');

  test('names the layer, the code, what it means, the retry verdict and the first thing to check', async ({ page }) => {
    await page.goto('guides/who-sent-this/');
    await paste(box(page), 'HTTP/1.1 503 Service Unavailable\nserver: envoy\ncontent-length: 19\n\nno healthy upstream');
    const answer = page.locator('.paste-answers > li').first();
    await expect(answer.locator('.paste-answer-title')).toHaveText('503 Service Unavailable');
    await expect(answer).toContainText('Sent by');
    await expect(answer).toContainText('Envoy');
    await expect(answer).toContainText('What it means');
    await expect(answer.locator('.badge')).toHaveText('Retry with backoff');
    await expect(answer).toContainText('Check first');
    await expect(page.locator('paste-box [data-output]')).toContainText('Headers name: Envoy');
  });

  test('says "Nothing recognised" for text it does not know, and treats markup as text', async ({ page }) => {
    await page.goto('guides/who-sent-this/');
    await paste(box(page), '<img src=x onerror="window.pwned=1"> all good here');
    await expect(page.locator('paste-box h3')).toHaveText('Nothing recognised');
    await expect(page.locator('paste-box [data-output] img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`passes axe with an answer showing (${scheme})`, async ({ page }) => {
      // axe on this long guide can pass 30 s on a busy machine (see accessibility.spec.ts).
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('guides/who-sent-this/');
      await paste(box(page), NGINX_LINE);
      await expect(page.locator('.paste-answers > li').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
    });
  }
});

test('/messages.json validates against its published JSON Schema and holds every emitter', async ({ request }) => {
  const document = await (await request.get('messages.json')).json();
  const schemaResponse = await request.get(new URL(document.$schema).pathname);
  expect(schemaResponse.status()).toBe(200);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(await schemaResponse.json());
  expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  expect(document.version).toBe(1);
  const nginx = document.emitters.find((emitter: { emitter: string }) => emitter.emitter === 'nginx');
  expect(nginx.layer).toBe('reverse-proxy');
  const entry = nginx.messages.find((message: { text?: string }) => message.text === 'no live upstreams while connecting to upstream');
  expect(entry.codes).toEqual([{ code: 502 }]);
  expect(new URL(entry.url).pathname).toMatch(/\/messages\/by\/nginx\/$/);
  expect(new URL(entry.url).hash).toBe('#nginx--no-live-upstreams');
});

test("the matcher's data loads on focus, never on page load, and weighs at most 15 KB compressed", async ({ page }) => {
  const sizes = new Map<string, number>();
  page.on('requestfinished', async (request) => {
    // The budget is the data's compressed size: the body as sent. The response headers are the
    // host's, the same ~1.2 KB on every file (most of it the CSP), and not part of the data.
    sizes.set(request.url(), (await request.sizes()).responseBodySize);
  });
  await page.goto('503/');
  await page.waitForLoadState('networkidle');
  expect([...sizes.keys()].filter((url) => url.includes('/_assets/'))).toEqual([]);
  await page.getByRole('combobox', { name: 'Search status codes' }).focus();
  await expect.poll(() => [...sizes.keys()].filter((url) => url.includes('/_assets/matcherData.')).length).toBe(1);
  const [, bytes] = [...sizes].find(([url]) => url.includes('/_assets/matcherData.')) ?? ['', Infinity];
  expect(bytes).toBeLessThanOrEqual(15 * 1024);
});
