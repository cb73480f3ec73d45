import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
const server = createStaticServer({ root: '/tmp/dist-check', base: '/' });
await new Promise<void>((r) => server.listen(4435, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
for (const p of process.argv.slice(2)) {
  await page.goto('http://localhost:4435' + p);
  console.log(p, await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return [...document.querySelectorAll('*')].map((e) => [e, e.getBoundingClientRect()] as const)
      .filter(([e, b]) => { if (b.right <= w + 1) return false; for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false; return true; })
      .map(([e, b]) => `${e.tagName}.${e.className} pos=${getComputedStyle(e).position} ox=${getComputedStyle(e).overflowX} r=${Math.round(b.right)} w=${Math.round(b.width)}`).slice(0, 12);
  }));
}
await browser.close(); server.close();
