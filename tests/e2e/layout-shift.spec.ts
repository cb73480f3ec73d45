import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test';

// What a reader sees must not move while a page loads. A slow load paints a page in parts: the
// header before its last button, a table's first rows before the rest, a label column before its
// longest label, a search or a retry question before its answer. Anything sized by what arrives later then
// moves under the reader (and costs Lighthouse's CLS). So does a skipped block in the first screen
// whose placeholder is taller than the block (src/lib/lazy-layout-plugin.ts).
const PAGES = [
  './',
  '500/',
  '503/',
  '520/',
  ...readdirSync(join(import.meta.dirname, '../../content/guides'))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `guides/${file.replace(/\.mdx$/, '')}/`),
  'guides/retry-defaults/',
  'should-i-retry/',
  'should-i-retry/?status=503&method=POST&key=1&after=30&attempt=1&lang=ts',
  'messages/',
  'messages/503/',
  'messages/by/nginx/',
  'search/?q=503',
];

const SCREENS = [
  { name: 'a phone', use: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true } },
  { name: 'a tall desktop screen', use: { viewport: { width: 1280, height: 1440 } } },
];

/**
 * Records every layout shift of an element from the first paint on. Shifts of text alone are left
 * out: a page streamed in small parts can end a part mid-word, and the word (or a quotation
 * mark drawn by CSS, which has no node) wraps when the rest arrives. That is how any browser draws
 * streamed text, not a box this site sizes.
 */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { shifts: string[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; sources: { node?: Node | null }[] }[]) {
        const boxes = entry.sources.map((source) => source.node).filter((node) => node instanceof Element);
        if (boxes.length > 0 && entry.value >= 0.0001) {
          shifts.push(`${entry.value.toFixed(4)}: ${boxes.map((node) => `${node.nodeName}${node.className ? `.${String(node.className)}` : ''}`).join(', ')}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function expectNoShifts(page: Page): Promise<void> {
  for (const path of PAGES) {
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts), path).toEqual([]);
  }
}

for (const screen of SCREENS) {
  test.describe(`loading each page type on ${screen.name}`, () => {
    test.use(screen.use);

    // As Lighthouse loads a page: the CPU slowed 4x, so the parser stops to paint part-way.
    test('with the CPU slowed 4x, shifts nothing on the screen', async ({ page, context }) => {
      test.setTimeout(180_000);
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await recordShifts(page);
      await expectNoShifts(page);
    });

    // Over a slow network (20 KB/s) the page arrives in small parts and is painted after each,
    // every time: this finds what the CPU test only finds when the parser happens to stop there.
    test('over a slow network, shifts nothing on the screen', async ({ page, context }) => {
      test.setTimeout(180_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 20 * 1024, uploadThroughput: -1 });
      await recordShifts(page);
      await expectNoShifts(page);
    });
  });
}
