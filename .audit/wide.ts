import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
const root = process.env.DIST ?? '/tmp/dist-check';
const server = createStaticServer({ root, base: '/' });
await new Promise<void>((r) => server.listen(4434, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 360), height: 800 } });
for (const p of process.argv.slice(2)) {
  await page.goto('http://localhost:4434' + p);
  const r = await page.evaluate(() => {
    const cw = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const b = el.getBoundingClientRect();
      if (b.right > cw + 0.5 && b.width > 0) {
        const childOver = [...el.children].some((c) => c.getBoundingClientRect().right > cw + 0.5);
        let clipped = false;
        for (let a = el.parentElement; a; a = a.parentElement) if (['auto', 'hidden', 'scroll', 'clip'].includes(getComputedStyle(a).overflowX)) clipped = true;
        if (!childOver && !clipped) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(b.right)} w=${Math.round(b.width)} "${(el.textContent ?? '').trim().slice(0, 50)}"`);
      }
    }
    return out;
  });
  console.log(p, r.slice(0, 8));
}
await browser.close();
server.close();
