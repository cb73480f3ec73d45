import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sourceEntries } from '../support/content';
import { expect, test } from './test';

const entries = sourceEntries();

test('/codes.json lists every code and validates against its published JSON Schema', async ({ request }) => {
  const document = await (await request.get('codes.json')).json();
  const schemaResponse = await request.get(new URL(document.$schema).pathname);
  expect(schemaResponse.status()).toBe(200);
  const schema = await schemaResponse.json();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  expect(document.version).toBe(1);
  expect(document.codes.map((code: { code: number }) => code.code)).toEqual(entries.map((entry) => entry.code));
  const service = document.codes.find((code: { code: number }) => code.code === 503);
  expect(service.retry).toEqual({ verdict: 'yes', idempotentOnly: true, honourRetryAfter: true, rule: expect.any(String) });
});

test('every /NNN.json validates against the schema and matches its page', async ({ request }) => {
  const schema = await (await request.get('schema/v1/codes.json')).json();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(schema);
  for (const entry of entries) {
    const document = await (await request.get(`${entry.code}.json`)).json();
    const validate = ajv.getSchema(document.$schema);
    expect(validate, document.$schema).toBeTruthy();
    expect(validate?.(document), `${entry.code}.json: ${JSON.stringify(validate?.errors)}`).toBe(true);
    expect(document.code).toBe(entry.code);
    expect(document.name).toBe(entry.name);
    expect(document.verified, `${entry.code}.json: verified`).toBe(entry.verified);
    expect(new URL(document.url).pathname).toMatch(new RegExp(`/${entry.code}/$`));
  }
});

test('the JSON Schema documents every field', async ({ request }) => {
  const schema = await (await request.get('schema/v1/codes.json')).json();
  const properties = schema.$defs.code.properties as Record<string, { description?: string }>;
  for (const field of ['code', 'name', 'summary', 'status', 'spec', 'emitters', 'retry', 'related', 'aliases', 'verified', 'url']) {
    expect(properties[field]?.description, field).toMatch(/\w{3,}/);
  }
  // The verified date is required, and a date.
  expect(schema.$defs.code.required).toContain('verified');
  expect(properties['verified']).toMatchObject({ type: 'string', format: 'date' });
});

test('code pages and the home page link their JSON with rel="alternate"', async ({ page, request }) => {
  await page.goto('504/');
  const href = await page.locator('link[rel="alternate"][type="application/json"]').getAttribute('href');
  expect(href).toMatch(/\/504\.json$/);
  expect((await request.get(href ?? '')).status()).toBe(200);
  await page.goto('./');
  await expect(page.locator('link[rel="alternate"][type="application/json"]')).toHaveAttribute('href', /\/codes\.json$/);
});

test('the sitemap lists every code page and robots.txt points to it', async ({ request }) => {
  const robots = await (await request.get('robots.txt')).text();
  expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  const sitemap = await (await request.get('sitemap.xml')).text();
  for (const entry of entries) expect(sitemap).toContain(`/${entry.code}/</loc>`);
  expect(sitemap).toContain('/guides/retry/</loc>');
  expect(sitemap).not.toContain('/search/');
});

test('browsers can add the site as a search engine (OpenSearch)', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="search"][type="application/opensearchdescription+xml"]').getAttribute('href');
  const xml = await (await request.get(href ?? '')).text();
  expect(xml).toContain('<ShortName>HTTP 5xx</ShortName>');
  const template = /template="([^"]+)"/.exec(xml)?.[1] ?? '';
  expect(template).toMatch(/\/search\/\?q=\{searchTerms\}$/);
});

test('pages carry Open Graph and Twitter card metadata', async ({ page }) => {
  await page.goto('503/');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', '503 Service Unavailable | HTTP 5xx Reference');
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', /\/503\/$/);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /\w+/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
});
