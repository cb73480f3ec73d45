import { chromium } from '@playwright/test';
import { BROWSER_HELP, findChromium } from '../tests/support/browser.ts';
import { pasteSet } from '../tests/support/paste-set.ts';
import { pasteAccuracy } from './bench-search.ts';
import { createStaticServer } from './static-server.ts';

/**
 * `npm run bench:pastes`: pastes every string of the development set (or of the sets given with
 * `--set FILE`) into the search box of the built site in `dist/`, and prints the top-1, top-3 and
 * "nothing found" rates with each miss. Run `npm run build` first. Quicker than the whole benchmark
 * when working on the catalogue or the matcher.
 */
const executablePath = findChromium();
if (!executablePath) {
  console.error(BROWSER_HELP);
  process.exit(1);
}
const files = process.argv.flatMap((arg, i) => (arg === '--set' && process.argv[i + 1] ? [process.argv[i + 1] as string] : []));
const cases = pasteSet(files.length > 0 ? files : undefined);
const server = createStaticServer({ root: 'dist' });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update'] });
try {
  const result = await pasteAccuracy(browser, origin, cases, true);
  for (const miss of result.misses) {
    console.log(`miss ${miss.file}: want ${miss.want.join('/')}, got ${miss.got.join(', ') || 'nothing'}\n     ${miss.paste.replace(/\s+/g, ' ')}`);
  }
  const pct = (n: number) => `${((100 * n) / result.cases).toFixed(1)} %`;
  console.log(`\n${result.cases} pastes through the search box: top-1 ${pct(result.top1)}, top-3 ${pct(result.top3)}, nothing found ${pct(result.empty)}`);
} finally {
  await browser.close();
  server.close();
}
