import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
const server = createStaticServer({ root: '/tmp/dist-check', base: '/' });
await new Promise<void>((r) => server.listen(4436, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
for (const p of process.argv.slice(2)) {
  await page.goto('http://localhost:4436' + p);
  console.log(p, await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const sw = () => document.documentElement.scrollWidth;
    const out: string[] = [`sw=${sw()} w=${w}`];
    const walk = (el: Element, depth: number) => {
      for (const child of [...el.children]) {
        const old = (child as HTMLElement).style.display;
        (child as HTMLElement).style.display = 'none';
        const fixed = sw() <= w;
        (child as HTMLElement).style.display = old;
        if (fixed) { out.push(`${'  '.repeat(depth)}${child.tagName}.${child.className}`); if (depth < 8) walk(child, depth + 1); return; }
      }
    };
    walk(document.body, 0);
    return out;
  }));
}
await browser.close(); server.close();
