import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { BROWSER_HELP, CHROMIUM_ARGS, findChromium } from '../tests/support/browser.ts';
import { createStaticServer } from './static-server.ts';

/**
 * `npm run screenshots` (after `npm run build`): full-page PNGs of each page type at a phone width
 * (390 px) and a desktop width (1280 px), in the light and the dark theme, written to
 * `screenshots/` (git-ignored), so a layout change can be reviewed by eye. A second shot per page
 * shows keyboard focus on the search box. SCREENSHOTS_ONLY=503,home keeps the pages whose name
 * contains one of the words. Pages taller than 8,000 px are cut there.
 */

const PAGES: Array<[name: string, path: string]> = [
  ['home', '/'],
  ['503-registered', '/503/'],
  ['522-unofficial', '/522/'],
  ['guide-5xx-class', '/guides/5xx-class/'],
  ['guide-who-sent-this', '/guides/who-sent-this/'],
  ['guide-retry', '/guides/retry/'],
  ['guide-alerting', '/guides/alerting/'],
  ['retry-defaults', '/guides/retry-defaults/'],
  ['should-i-retry', '/should-i-retry/'],
  ['messages', '/messages/'],
  ['messages-502', '/messages/502/'],
  ['messages-by-nginx', '/messages/by/nginx/'],
  ['search', '/search/?q=upstream+timed+out'],
  ['404', '/no-such-page/'],
];
const WIDTHS = [390, 1280];
const THEMES = ['light', 'dark'] as const;
const OUT = 'screenshots';
const MAX_HEIGHT = 8000;

const executablePath = findChromium();
if (!executablePath) {
  console.error(BROWSER_HELP);
  process.exit(1);
}
const only = process.env['SCREENSHOTS_ONLY']?.split(',').filter(Boolean);
const pages = only ? PAGES.filter(([name]) => only.some((word) => name.includes(word))) : PAGES;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const server = createStaticServer({ root: 'dist' });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
// The same browser and flags as the end-to-end tests (playwright.config.ts).
const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
  chromiumSandbox: false,
});
try {
  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: theme });
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
        const file = join(OUT, `${name}-${width}-${theme}.png`);
        // The longest pages (the message catalogue) are cut at MAX_HEIGHT: their top shows every pattern.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) }, timeout: 120_000 });
        // Keyboard focus, as a reader who tabs in sees it: the first screen only.
        await page.locator('#site-search-input').focus();
        await page.screenshot({ path: join(OUT, `${name}-${width}-${theme}-focus.png`) });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${pages.length * WIDTHS.length * THEMES.length * 2} screenshots in ${OUT}/`);
