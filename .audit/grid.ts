import { chromium } from '@playwright/test';
import { createStaticServer } from '/work/main/scripts/static-server.ts';
const desired: Array<[string, string]> = [
  ['503', '503'], ['service unavailable', '503'], ['gateway timeout', '504'], ['bad gateway', '502'], ['upstream timed out', '504'],
  ['internal server error', '500'], ['not implemented', '501'], ['insufficient storage', '507'], ['captive portal', '511'], ['loop detected', '508'],
  ['http version not supported', '505'], ['511', '511'], ['522', '522'], ['no live upstreams', '502'], ['first byte timeout', '503'],
  ['a timeout occurred', '524'], ['web server is down', '521'], ['ssl handshake failed', '525'], ['invalid ssl certificate', '526'],
  ['bandwidth limit exceeded', '509'], ['overloaded_error', '529'], ['network connect timeout', '599'],
  ['timeout', '504'], ['connection refused', '502'], ['cloudfront 504', '504'], ['ELB 502', '502'], ['readiness probe', '503'],
  ['server error', '500'], ['lambda timeout', '504'], ['proxy error', '502'], ['maintenance', '503'], ['rate limit', '503'],
  ['api gateway 502', '502'], ['error 500', '500'], ['variant also negotiates', '506'], ['not extended', '510'],
  ['network authentication required', '511'], ['origin is unreachable', '523'], ['origin dns error', '530'],
];
const server = createStaticServer({ root: '/tmp/dist-check', base: '/' });
await new Promise<void>((r) => server.listen(4437, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const configs: Array<Record<string, number> | null> = [null];
for (const pageLength of [0, 0.2, 0.5, 0.75]) for (const termSaturation of [0.8, 1.4, 2]) for (const termFrequency of [0.5, 1]) configs.push({ pageLength, termSaturation, termFrequency });
for (const ranking of configs) {
  const page = await browser.newPage();
  await page.goto('http://localhost:4437/');
  const misses = await page.evaluate(async ([qs, ranking]) => {
    const pf = await import('/pagefind/pagefind.js');
    if (ranking) await pf.options({ ranking });
    await pf.init();
    const out: string[] = [];
    for (const [q, want] of qs) {
      const s = await pf.search(q);
      const top = s.results[0] ? (await s.results[0].data()).meta.title.slice(0, 3) : 'none';
      if (top !== want) out.push(`${q}=>${top}`);
    }
    return out;
  }, [desired, ranking] as const);
  console.log(JSON.stringify(ranking), misses.length, misses.join('; '));
  await page.close();
}
await browser.close(); server.close();
