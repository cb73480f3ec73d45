import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sourceEntries } from '../support/content';
import type { Page } from '@playwright/test';
import { expect, test } from './test';

// Every page says when it was last checked against its sources, with a machine-readable date, and
// lists those sources right after. The dates come from the content files, read here with the tests'
// own YAML parser.
const contentDir = join(import.meta.dirname, '../../content');
const guides = readdirSync(join(contentDir, 'guides'))
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => {
    const text = readFileSync(join(contentDir, 'guides', file), 'utf8');
    const data = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') as { verified: string };
    return { path: `guides/${file.replace(/\.mdx$/, '')}/`, verified: data.verified };
  });
const libraries = parse(readFileSync(join(contentDir, 'libraries/retry-defaults.yaml'), 'utf8')) as Array<{ id: string; verified: string }>;

/** The "Checked against its sources on <date>:" line and the list of links that follows it. */
async function expectTrail(page: Page, verified: string): Promise<void> {
  const line = page.locator('p.checked');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(/^Checked against its sources on \d{1,2} [A-Z][a-z]+ \d{4}:$/);
  await expect(line.locator('time')).toHaveAttribute('datetime', verified);
  const links = page.locator('p.checked + ul a[href^="https://"]');
  expect(await links.count()).toBeGreaterThan(0);
}

test('every code page shows the day it was checked, then its spec and sources', async ({ page }) => {
  for (const entry of sourceEntries()) {
    await page.goto(`${entry.code}/`);
    await expectTrail(page, entry.verified);
  }
});

test('a registered code lists its specification first among its sources', async ({ page }) => {
  await page.goto('503/');
  await expect(page.locator('p.checked + ul li').first().locator('a')).toHaveAttribute('href', /rfc9110#section-15\.6\.4$/);
});

test('every guide shows the day it was checked, then its sources', async ({ page }) => {
  for (const guide of guides) {
    await page.goto(guide.path);
    await expectTrail(page, guide.verified);
  }
});

test('every library row shows the day it was checked against its source', async ({ page }) => {
  await page.goto('guides/retry-defaults/');
  for (const library of libraries) {
    const row = page.locator(`section.library:has(#lib-${library.id})`);
    await expect(row.locator('time')).toHaveAttribute('datetime', library.verified);
  }
});
