import { BROWSER_HELP, findChromium } from '../tests/support/browser.ts';

// Runs before the end-to-end tests, so a missing browser fails in one clear line, not forty.
const browser = findChromium();
if (!browser) {
  console.error(BROWSER_HELP);
  process.exit(1);
}
console.log(`End-to-end tests use ${browser}`);
