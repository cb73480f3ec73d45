import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
const server = createStaticServer({ root: '/tmp/dist-check', base: '/' });
await new Promise<void>((r) => server.listen(4439, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://localhost:4439/503/');
console.log(await page.evaluate(async () => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ ranking: { pageLength: 0.5, termSaturation: 2, termFrequency: 0.5 } });
  await pf.init();
  const out: string[] = [];
  for (const q of ['gateway timeout', 'service unavailable', 'upstream timed out', 'bad gateway', 'captive portal', 'service unavailable']) {
    const t0 = performance.now();
    const s = await pf.search(q);
    const t1 = performance.now();
    const first = await s.results[0].data();
    const t2 = performance.now();
    await Promise.all(s.results.slice(0, 8).map((r: any) => r.data()));
    const t3 = performance.now();
    out.push(`${q}: search ${(t1 - t0).toFixed(1)} first ${(t2 - t1).toFixed(1)} all8 ${(t3 - t1).toFixed(1)} total ${(t3 - t0).toFixed(1)} (${first.meta.title})`);
  }
  return out.join('\n');
}));
await browser.close(); server.close();
