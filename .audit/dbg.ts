import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
const server = createStaticServer({ root: '/tmp/dist-check', base: '/' });
await new Promise<void>((r) => server.listen(4438, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://localhost:4438/');
console.log(await page.evaluate(async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ ranking: { pageLength: 0.2, termSaturation: 2, termFrequency: 0.5 } });
  await pf.init();
  const s = await pf.search(q);
  const out = [];
  for (const r of s.results.slice(0, 6)) { const d = await r.data(); out.push(`${d.meta.title.slice(0,3)} score=${r.score.toFixed(3)} words=${r.words.length} wc=${d.word_count}`); }
  return out.join('\n');
}, process.argv[2]));
await browser.close(); server.close();
