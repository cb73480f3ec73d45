import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BROWSER_HELP, findChromium } from '../tests/support/browser.ts';
import { lighthouseBench } from './bench-lighthouse.ts';
import { createStaticServer } from './static-server.ts';
import { pasteSet } from '../tests/support/paste-set.ts';
import {
  buildStarlightSite,
  INSTRUMENT,
  ourColdSearch,
  ourQueryBytes,
  pasteAccuracy,
  starlightSearch,
  warmPasteMs,
} from './bench-search.ts';

/**
 * `npm run bench`: builds the site and measures it in headless Chromium against the project's
 * static server (brotli, as a CDN serves it). Prints a Markdown table of medians with each
 * figure beside its limit, and writes bench-results/latest.{md,json}.
 *
 * BENCH_RUNS (default 5) sets the runs per figure; BENCH_SCALE (default "100,1000,5000") the
 * synthetic entry counts of the scaling run; BENCH_SCALE=0 skips it.
 */

/** An nginx error-log line as logged, with its timestamp, pid, connection and addresses. */
const BENCH_NGINX_LINE =
  '2024/05/12 03:14:07 [error] 2781#2781: *96 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: api.example.com, request: "GET /v1/orders HTTP/1.1", upstream: "http://10.0.3.12:8080/v1/orders", host: "api.example.com"';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SCALE = (process.env['BENCH_SCALE'] ?? '100,1000,5000').split(',').map(Number).filter((n) => n > 0);
const KB = 1024;

interface Figure {
  name: string;
  value: number;
  unit: 'B' | 'ms' | 's' | 'count' | '%' | 'x';
  /** The limit it is held to, when there is one (a ceiling). */
  limit?: number;
  /** A floor it must reach, for figures where more is better. */
  floor?: number;
  limitLabel?: string;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function build(env: Record<string, string>): number {
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build'], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 2 ** 30 });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr, result.error ?? '');
    throw new Error('build failed');
  }
  return (performance.now() - started) / 1000;
}

function folderBytes(dir: string): number {
  return (readdirSync(dir, { recursive: true }) as string[]).reduce((sum, file) => {
    const info = statSync(join(dir, file));
    return info.isFile() ? sum + info.size : sum;
  }, 0);
}

async function serve(dir: string): Promise<{ origin: string; close: () => void }> {
  const server = createStaticServer({ root: dir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://localhost:${port}`, close: () => server.close() };
}

/** Transfer bytes (encoded body + headers) and resource types of every request from now on. */
function track(page: Page): { requests: Array<{ url: string; type: string; bytes: number }>; done: () => Promise<void> } {
  const requests: Array<{ url: string; type: string; bytes: number }> = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        requests.push({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
      }),
    );
  });
  return { requests, done: async () => void (await Promise.all(pending)) };
}

/** Cold load of one page: bytes by type, requests, FCP and LCP. */
async function coldLoad(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const tracker = track(page);
  await page.goto(url, { waitUntil: 'networkidle' });
  await tracker.done();
  const paint = await page.evaluate(
    () =>
      new Promise<{ fcp: number; lcp: number }>((resolve) => {
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0, lcp }), 300);
      }),
  );
  await context.close();
  const byType = (types: string[]) => tracker.requests.filter((r) => types.includes(r.type)).reduce((sum, r) => sum + r.bytes, 0);
  return {
    total: tracker.requests.reduce((sum, r) => sum + r.bytes, 0),
    html: byType(['document']),
    css: byType(['stylesheet']),
    js: byType(['script']),
    fonts: byType(['font']),
    requests: tracker.requests.length,
    ...paint,
  };
}

/** Milliseconds from the last keystroke of `query` to the first result on screen, and the bytes it fetched. */
async function timeQuery(page: Page, query: string, keyDelay = 60): Promise<{ ms: number; bytes: number }> {
  const tracker = track(page);
  const box = page.locator('#site-search-input');
  await page.evaluate(() => {
    const state = window as unknown as { lastInput: number; firstResult: number };
    state.lastInput = 0;
    state.firstResult = 0;
  });
  await box.fill('');
  // Typed at 60 ms per key, a fast typist: each keystroke starts a query, as it does for a reader.
  await box.pressSequentially(query, { delay: keyDelay });
  await page.waitForFunction(() => (window as unknown as { firstResult: number }).firstResult > 0, null, { timeout: 15_000 });
  const ms = await page.evaluate(() => {
    const state = window as unknown as { lastInput: number; firstResult: number };
    return state.firstResult - state.lastInput;
  });
  await page.waitForLoadState('networkidle');
  await tracker.done();
  return { ms, bytes: tracker.requests.reduce((sum, r) => sum + r.bytes, 0) };
}

async function searchRun(browser: Browser, origin: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${origin}/503/`, { waitUntil: 'networkidle' });
  await page.locator('#site-search-input').click();
  const cold = await timeQuery(page, 'gateway timeout');
  const warm = await timeQuery(page, 'service unavailable');
  const warmAgain = await timeQuery(page, 'upstream timed out');
  await context.close();
  // The worst case: a query typed in one go the instant the box gets focus, before anything loaded.
  const instantContext = await browser.newContext();
  const instantPage = await instantContext.newPage();
  await instantPage.addInitScript(INSTRUMENT);
  await instantPage.goto(`${origin}/503/`, { waitUntil: 'networkidle' });
  await instantPage.locator('#site-search-input').focus();
  const instant = await timeQuery(instantPage, '504', 0);
  await instantContext.close();
  return { cold, instant, instantPaste: await instantPasteMs(browser, origin), warm: { ms: (warm.ms + warmAgain.ms) / 2, bytes: (warm.bytes + warmAgain.bytes) / 2 } };
}

/**
 * A whole log line put in the box the instant it gets focus: milliseconds until the recognised
 * message is on screen. The code index answers a code at once; a message waits for the matcher.
 */
async function instantPasteMs(browser: Browser, origin: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/503/`, { waitUntil: 'networkidle' });
  const box = page.locator('#site-search-input');
  await box.focus();
  const since = await page.evaluate(() => performance.now());
  await box.fill(BENCH_NGINX_LINE);
  await page.waitForFunction(() => document.querySelector('#site-search-results a.message') !== null, null, { timeout: 20_000, polling: 'raf' });
  const ms = (await page.evaluate(() => performance.now())) - since;
  await context.close();
  return ms;
}

/** Bytes one query fetches once Pagefind is loaded: index chunks plus the top 8 result fragments. */
async function bytesPerQuery(browser: Browser, origin: string, queries: string[]): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    const url = '/pagefind/pagefind.js';
    const pagefind = await import(url);
    await pagefind.init();
    (window as unknown as { pf: unknown }).pf = pagefind;
  });
  const bytes: number[] = [];
  for (const query of queries) {
    const tracker = track(page);
    await page.evaluate(async (q) => {
      const pagefind = (window as unknown as { pf: { search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }> } }).pf;
      const search = await pagefind.search(q);
      await Promise.all(search.results.slice(0, 8).map((result) => result.data()));
    }, query);
    await page.waitForLoadState('networkidle');
    await tracker.done();
    bytes.push(tracker.requests.reduce((sum, r) => sum + r.bytes, 0));
  }
  await context.close();
  return median(bytes);
}

const WORDS =
  'upstream gateway timeout origin proxy balancer cache retry backoff jitter idempotent header connection reset refused handshake certificate overload maintenance quota bandwidth deadline budget circuit breaker socket worker pool queue shard replica region edge cluster mesh sidecar listener route'.split(
    ' ',
  );

function synthetic(count: number, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const code = 10_000 + i;
    const word = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length];
    const sentence = (k: number) => `The ${word(k)} ${word(k + 1)} reported a ${word(k + 2)} ${word(k + 3)} while the ${word(k + 4)} waited.`;
    const sections = ['What it means', 'Typical triggers', 'What the client should do', 'What the server or operator should do', 'Retry semantics', 'Alerting and monitoring']
      .map((heading, k) => `## ${heading}\n\n${sentence(k)} ${sentence(k + 5)} ${sentence(k + 9)}\n`)
      .join('\n');
    writeFileSync(
      join(dir, `${code}.mdx`),
      `---
code: ${code}
name: Synthetic ${word(0)} ${word(1)}
summary: A synthetic entry for the scaling benchmark about ${word(2)} and ${word(3)} failures.
clientAction: Retry idempotent requests with backoff, as the benchmark says.
visitor: This is synthetic content generated by the benchmark; it is never published.
status: unofficial
sources:
  - label: Benchmark
    title: Synthetic source
    url: https://www.rfc-editor.org/rfc/rfc9110#section-15.6
emitters: [application]
retry:
  verdict: conditional
  idempotentOnly: true
  honourRetryAfter: true
  rule: Retry idempotent requests with backoff, a few times at most.
aliases: ["${word(4)} ${word(5)} error ${i}"]
verified: 2026-11-30
---

${sections}
## Example response

\`\`\`http
HTTP/1.1 503 Service Unavailable
Retry-After: 30
\`\`\`
`,
    );
  }
}

function ratio(figure: Figure): string {
  if (figure.floor !== undefined) return figure.value >= figure.floor ? 'met' : 'under';
  if (figure.limit === 0) return figure.value === 0 ? '0 (met)' : 'over';
  return figure.limit ? `${((figure.value / figure.limit) * 100).toFixed(0)} %` : '';
}

function show(figure: Figure): string {
  if (figure.unit === 'B') return `${(figure.value / KB).toFixed(1)} KB`;
  if (figure.unit === 'ms') return `${figure.value.toFixed(0)} ms`;
  if (figure.unit === 's') return `${figure.value.toFixed(1)} s`;
  if (figure.unit === '%') return `${figure.value.toFixed(1)} %`;
  if (figure.unit === 'x') return `${figure.value.toFixed(2)}x`;
  return String(Math.round(figure.value));
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(BROWSER_HELP);
    process.exit(1);
  }
  const figures: Figure[] = [];
  console.log(`Building the site ${RUNS} times…`);
  const buildTimes = Array.from({ length: RUNS }, () => build({}));
  figures.push({ name: 'Build (Astro + Pagefind)', value: median(buildTimes), unit: 's' });

  const server = await serve('dist');
  const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update'] });
  for (const [label, path] of [['Home', '/'], ['/503/', '/503/']] as const) {
    const runs: Array<Awaited<ReturnType<typeof coldLoad>>> = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, `${server.origin}${path}`));
    const m = (key: keyof (typeof runs)[number]) => median(runs.map((run) => run[key]));
    figures.push(
      { name: `${label}: transfer, cold`, value: m('total'), unit: 'B', limit: 14 * KB, limitLabel: '14 KB (first TCP window)' },
      { name: `${label}: HTML`, value: m('html'), unit: 'B' },
      { name: `${label}: CSS files`, value: m('css'), unit: 'B', limit: 0, limitLabel: '0 (inlined)' },
      { name: `${label}: JS before interaction`, value: m('js'), unit: 'B', limit: 0, limitLabel: '0' },
      { name: `${label}: fonts`, value: m('fonts'), unit: 'B', limit: 0, limitLabel: '0' },
      { name: `${label}: requests`, value: m('requests'), unit: 'count', limit: 3, limitLabel: '3' },
      { name: `${label}: first contentful paint`, value: m('fcp'), unit: 'ms' },
      { name: `${label}: largest contentful paint`, value: m('lcp'), unit: 'ms' },
    );
  }
  const searches: Array<Awaited<ReturnType<typeof searchRun>>> = [];
  for (let i = 0; i < RUNS; i++) searches.push(await searchRun(browser, server.origin));
  figures.push(
    { name: 'Search, cold: keystroke to first result', value: median(searches.map((s) => s.cold.ms)), unit: 'ms', limit: 250, limitLabel: '250 ms' },
    { name: 'Search, cold, typed the instant the box is focused', value: median(searches.map((s) => s.instant.ms)), unit: 'ms', limit: 100, limitLabel: '100 ms' },
    { name: 'Search, cold: a log line put in the box the instant it is focused, to its message on screen', value: median(searches.map((s) => s.instantPaste)), unit: 'ms' },
    { name: 'Search, cold: bytes fetched (JS + data + index)', value: median(searches.map((s) => s.cold.bytes)), unit: 'B' },
    { name: 'Search, warm: keystroke to first result', value: median(searches.map((s) => s.warm.ms)), unit: 'ms', limit: 16, limitLabel: '16 ms (one frame)' },
    { name: 'Search, warm: bytes fetched per query', value: median(searches.map((s) => s.warm.bytes)), unit: 'B' },
  );

  // Pasted errors: a recognised message on screen, the common-word budget, and the development set.
  const pasteTimes: number[] = [];
  const gatewayBytes: Array<{ total: number; matcherData: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    pasteTimes.push(await warmPasteMs(browser, server.origin, BENCH_NGINX_LINE));
    gatewayBytes.push(await ourQueryBytes(browser, server.origin, 'gateway'));
  }
  figures.push(
    { name: 'Paste, warm: a recognised message on screen', value: median(pasteTimes), unit: 'ms', limit: 16, limitLabel: '16 ms (one frame)' },
    { name: 'Search "gateway": bytes fetched', value: median(gatewayBytes.map((b) => b.total)), unit: 'B', limit: 90 * KB, limitLabel: '90 KB' },
    { name: "Matcher's data, compressed", value: median(gatewayBytes.map((b) => b.matcherData)), unit: 'B', limit: 15 * KB, limitLabel: '15 KB' },
  );
  console.log('Running the development set through the search box…');
  const cases = pasteSet();
  const accuracy = await pasteAccuracy(browser, server.origin, cases);
  const pct = (n: number) => (100 * n) / accuracy.cases;
  for (const miss of accuracy.misses) console.log(`  miss ${miss.file}: want ${miss.want.join('/')}, got ${miss.got.join(', ') || 'nothing'}: ${miss.paste.replace(/\s+/g, ' ')}`);
  figures.push(
    { name: `Development set (${accuracy.cases} pastes): top-1 right`, value: pct(accuracy.top1), unit: '%', floor: 95, limitLabel: 'at least 95 %' },
    { name: 'Development set: right code in the top 3', value: pct(accuracy.top3), unit: '%' },
    { name: 'Development set: nothing found', value: pct(accuracy.empty), unit: '%', limit: 0, limitLabel: '0' },
  );

  const lighthouse = await lighthouseBench(server.origin);
  server.close();

  // The same cold query on a Starlight site built from the same pages.
  console.log('Building the Starlight comparison site…');
  const starlightDist = buildStarlightSite(process.cwd(), 'content/codes');
  const starlight = await serve(starlightDist);
  const ours = await serve('dist');
  const theirs: Array<{ ms: number; bytes: number }> = [];
  const mine: Array<{ ms: number; bytes: number }> = [];
  const theirGateway: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    theirs.push(await starlightSearch(browser, starlight.origin, 'gateway timeout'));
    mine.push(await ourColdSearch(browser, ours.origin, 'gateway timeout'));
    theirGateway.push((await starlightSearch(browser, starlight.origin, 'gateway')).bytes);
  }
  starlight.close();
  ours.close();
  const theirMs = median(theirs.map((run) => run.ms));
  const myMs = median(mine.map((run) => run.ms));
  figures.push(
    { name: 'Starlight, cold: keystroke to first result', value: theirMs, unit: 'ms' },
    { name: 'Ours, cold, measured the same way', value: myMs, unit: 'ms' },
    { name: 'Ours against Starlight, cold', value: myMs / theirMs, unit: 'x', limit: 0.25, limitLabel: '0.25x' },
    { name: 'Starlight: bytes for "gateway"', value: median(theirGateway), unit: 'B' },
  );

  const scaling: Array<{ entries: number; buildSeconds: number; indexBytes: number; bytesPerQuery: number }> = [];
  for (const count of SCALE) {
    const work = mkdtempSync(join(tmpdir(), `http5xx-bench-${count}-`));
    try {
      synthetic(count, join(work, 'codes'));
      console.log(`Scaling: building ${count} synthetic entries…`);
      // The message catalogue names real codes, which the synthetic set does not have: build it empty.
      mkdirSync(join(work, 'messages'), { recursive: true });
      const seconds = build({
        HTTP5XX_SYNTHETIC: '1',
        HTTP5XX_CODES_DIR: join(work, 'codes'),
        HTTP5XX_MESSAGES_DIR: join(work, 'messages'),
        HTTP5XX_OUT_DIR: join(work, 'dist'),
        HTTP5XX_CACHE_DIR: join(work, 'cache'),
      });
      const synth = await serve(join(work, 'dist'));
      const perQuery = await bytesPerQuery(browser, synth.origin, ['gateway timeout', 'handshake', 'retry backoff']);
      synth.close();
      scaling.push({ entries: count, buildSeconds: seconds, indexBytes: folderBytes(join(work, 'dist', 'pagefind')), bytesPerQuery: perQuery });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  await browser.close();

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `Benchmark of ${date} on ${machine}; median of ${RUNS} runs; brotli as a CDN serves it.`,
    '',
    '| Figure | Median | Limit | Ratio |',
    '|---|---:|---|---:|',
    ...figures.map((f) => `| ${f.name} | ${show(f)} | ${f.limitLabel ?? ''} | ${ratio(f)} |`),
  ];
  if (scaling.length > 0) {
    const first = scaling[0];
    lines.push(
      '',
      '| Synthetic entries | Build | Build per entry | Index size | Bytes per query |',
      '|---:|---:|---:|---:|---:|',
      ...scaling.map(
        (s) =>
          `| ${s.entries} | ${s.buildSeconds.toFixed(1)} s | ${((s.buildSeconds / s.entries) * 1000).toFixed(1)} ms | ${(s.indexBytes / KB).toFixed(0)} KB | ${(s.bytesPerQuery / KB).toFixed(1)} KB |`,
      ),
      '',
      first
        ? `From ${first.entries} to ${scaling.at(-1)?.entries} entries (×${((scaling.at(-1)?.entries ?? 1) / first.entries).toFixed(0)}): build ×${((scaling.at(-1)?.buildSeconds ?? 0) / first.buildSeconds).toFixed(1)}, index ×${((scaling.at(-1)?.indexBytes ?? 0) / first.indexBytes).toFixed(1)}, bytes per query ×${((scaling.at(-1)?.bytesPerQuery ?? 0) / first.bytesPerQuery).toFixed(1)}.`
        : '',
    );
  }
  lines.push('', lighthouse.markdown);
  const markdown = lines.join('\n');
  console.log(`\n${markdown}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.md', `${markdown}\n`);
  writeFileSync('bench-results/latest.json', `${JSON.stringify({ date, machine, runs: RUNS, figures, scaling, misses: accuracy.misses, lighthouse: lighthouse.rows }, null, 2)}\n`);
  console.log('Written to bench-results/latest.md and bench-results/latest.json');
}

await main();
