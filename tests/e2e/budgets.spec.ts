import type { APIRequestContext, Page } from '@playwright/test';
import { sourceEntries } from '../support/content';
import { expect, test } from './test';

// Budgets from the foundation issue, in bytes as a CDN sends them (brotli), headers included.
const FIRST_WINDOW = 14 * 1024;
const CODE_PAGE_MAX = 24 * 1024;
const MAX_REQUESTS = 3;

/** Loads `path` in a fresh page and returns every URL the browser fetched for it. */
async function coldLoad(page: Page, path: string): Promise<string[]> {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return urls;
}

/** Bytes a brotli-speaking client receives for `url`: the encoded body plus the response headers. */
async function transferSize(request: APIRequestContext, url: string): Promise<number> {
  const response = await request.get(url, { headers: { 'Accept-Encoding': 'br' } });
  expect(response.status(), url).toBe(200);
  const headers = response.headersArray();
  const headerBytes = headers.reduce((sum, { name, value }) => sum + name.length + value.length + 4, 20);
  return Number(response.headers()['content-length']) + headerBytes;
}

test('a cold load of /503/ fits in one TCP initial window (14 KB), in 3 requests or fewer, with no JavaScript', async ({
  page,
  request,
}) => {
  const urls = await coldLoad(page, '503/');
  expect(urls.length).toBeLessThanOrEqual(MAX_REQUESTS);
  expect(urls.filter((url) => url.endsWith('.js'))).toEqual([]);
  let total = 0;
  for (const url of urls) total += await transferSize(request, url);
  expect(total).toBeLessThanOrEqual(FIRST_WINDOW);
});

for (const entry of sourceEntries()) {
  test(`/${entry.code}/ stays under 24 KB and 3 requests on a cold load`, async ({ page, request }) => {
    const urls = await coldLoad(page, `${entry.code}/`);
    expect(urls.length).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(urls.every((url) => !url.endsWith('.js') && !url.endsWith('.css'))).toBe(true);
    let total = 0;
    for (const url of urls) total += await transferSize(request, url);
    expect(total).toBeLessThanOrEqual(CODE_PAGE_MAX);
  });
}
