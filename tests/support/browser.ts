import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian and other Linux distributions put their Chromium or Chrome. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * Flags for every Chromium the project starts (tests, benchmark, screenshots): quiet a browser on
 * a closed network, with no background fetches to Google's services.
 */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const BROWSER_HELP = `No Chromium found for the end-to-end tests. Get one of:
  - Playwright's own browser (the usual choice on a laptop): npx playwright install chromium
  - Debian/Ubuntu's Chromium: sudo apt-get update && sudo apt-get install -y chromium
  - any Chromium or Chrome binary: set CHROMIUM_PATH=/path/to/chrome`;

/**
 * The Chromium executable to test with: CHROMIUM_PATH if set, else Playwright's own browser when
 * it is installed, else a system Chromium. `undefined` when there is none.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  return SYSTEM_BROWSERS.find((path) => existsSync(path));
}
