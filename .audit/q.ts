import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
const ranking = process.env.RANKING ? JSON.parse(process.env.RANKING) : undefined;
const queries = process.argv.slice(2).join(' ').split('|').map((q) => q.trim()).filter(Boolean);
const server = createStaticServer({ root: '/tmp/dist-check', base: '/' });
await new Promise<void>((r) => server.listen(4431, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://localhost:4431/');
const out = await page.evaluate(async ([qs, ranking]) => {
  const pf = await import('/pagefind/pagefind.js');
  if (ranking) await pf.options({ ranking });
  await pf.init();
  const res: string[] = [];
  for (const q of qs) {
    const s = await pf.search(q);
    const top = await Promise.all(s.results.slice(0, 3).map((r: any) => r.data()));
    res.push(`${q.padEnd(45)} -> ${top.map((t: any) => t.meta.title.slice(0, 3)).join(', ') || '(none)'} [${s.results.length}]`);
  }
  return res;
}, [queries, ranking] as const);
console.log(out.join('\n'));
await browser.close();
server.close();
