import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
import { readdirSync } from 'node:fs';
const root = process.env.DIST ?? '/tmp/dist-check';
const server = createStaticServer({ root, base: '/' });
await new Promise<void>((r) => server.listen(4433, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
const paths = ['/', '/search/?q=timeout', '/should-i-retry/', '/guides/5xx-class/', '/guides/who-sent-this/', '/guides/retry/', '/guides/retry-defaults/', '/404.html'];
for (const d of readdirSync(root)) if (/^5\d\d$/.test(d)) paths.push(`/${d}/`);
paths.push('/500/');
for (const p of paths) {
  await page.goto('http://localhost:4433' + p);
  const r = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  if (r.sw > r.cw) console.log(p, r);
}
console.log('checked', paths.length);
await browser.close();
server.close();
