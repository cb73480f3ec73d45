import { execFile, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithRetry, parseRetryAfter, RetryAfterTooLongError } from '../../snippets/retry/fetch-retry';
import { DEFAULT_POLICY } from '../../src/lib/retry-decision';
import { withLoadShedding } from '../../snippets/retry/server-503';

const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Runs a command from the repository root; Python must not leave __pycache__ in snippets/. */
const run = (command: string, args: string[]) =>
  execFileAsync(command, args, { cwd: repoRoot, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });

interface Step {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer: the client has to give up on its own. */
  hang?: boolean;
  /** Send the headers at once and the body this much later. */
  bodyDelayMs?: number;
}

interface Seen {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** The transient-failure script of the retry guide: 503 (Retry-After: 1), 502, 500, then 200. */
const FLAKY: Step[] = [
  { status: 503, headers: { 'Retry-After': '1' }, body: 'overloaded' },
  { status: 502, body: 'bad gateway' },
  { status: 500, body: 'oops' },
  { status: 200, body: 'hello' },
];
/** The same without Retry-After, for tests about something else than waiting. */
const FLAKY_NO_WAIT: Step[] = FLAKY.map((step) => ({ ...step, headers: {} }));
/** A 503 whose Retry-After asks for an hour. */
const AN_HOUR: Step[] = [{ status: 503, headers: { 'Retry-After': '3600' }, body: 'come back later' }];

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

/** A local server that answers with the steps in order (the last one repeats) and records requests. */
async function scripted(steps: Step[]): Promise<{ url: string; seen: Seen[]; gaps: () => number[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), at: performance.now() });
      const step = steps[Math.min(seen.length - 1, steps.length - 1)];
      if (step === undefined || step.hang === true) return;
      if (step.bodyDelayMs === undefined) {
        res.writeHead(step.status, step.headers ?? {}).end(step.body ?? '');
        return;
      }
      res.writeHead(step.status, step.headers ?? {}).flushHeaders();
      setTimeout(() => res.end(step.body ?? ''), step.bodyDelayMs);
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const gaps = (): number[] => seen.slice(1).map((s, i) => s.at - (seen[i]?.at ?? 0));
  return { url: `http://127.0.0.1:${port}/resource`, seen, gaps };
}

/** Backoff of at most 5 ms, so that tests spend their time only where Retry-After asks for it. */
const FAST = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5 };
/** Every status retried as often as the script needs. */
const GENEROUS = { maxAttempts: 5, maxAttemptsConditional: 5 };

describe('fetchWithRetry (snippets/retry/fetch-retry.ts)', () => {
  it('retries 503, 502 and 500 (opted in) for a GET, waiting the full Retry-After, and returns the 200 after 4 requests', async () => {
    const { url, seen, gaps } = await scripted(FLAKY);
    const response = await fetchWithRetry(url, {}, { ...FAST, ...GENEROUS, retryOn500: true });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    const [afterRetryAfter, after502, after500] = gaps();
    // Retry-After: 1 asks for 1000 ms: never sooner. The 502 and the 500 get the short backoff.
    expect(afterRetryAfter).toBeGreaterThanOrEqual(995);
    expect(after502).toBeLessThan(200);
    expect(after500).toBeLessThan(200);
  });

  it("keeps to the guide's attempt budgets: 3 attempts for a 503, 2 for a 504 and for an opted-in 500", async () => {
    expect({ maxAttempts: 3, maxAttemptsConditional: 2 }).toEqual({
      maxAttempts: DEFAULT_POLICY.maxAttempts,
      maxAttemptsConditional: DEFAULT_POLICY.maxAttemptsConditional,
    });
    for (const [status, requests] of [[503, 3], [504, 2], [500, 2]] as const) {
      const { url, seen } = await scripted([{ status }]);
      const response = await fetchWithRetry(url, {}, { ...FAST, retryOn500: true });
      expect(response.status).toBe(status);
      expect(seen).toHaveLength(requests);
    }
  });

  it('does not retry 500 unless asked to', async () => {
    const { url, seen } = await scripted(FLAKY_NO_WAIT);
    const response = await fetchWithRetry(url, {}, { ...FAST, ...GENEROUS });
    expect(response.status).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it('sends a POST without Idempotency-Key once and returns the 503', async () => {
    const { url, seen } = await scripted(FLAKY);
    const response = await fetchWithRetry(url, { method: 'POST', body: '{"sku":"A1"}' }, { ...FAST, ...GENEROUS });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(seen).toHaveLength(1);
  });

  it('retries a POST that carries an Idempotency-Key, resending the same key and body', async () => {
    const { url, seen } = await scripted([{ status: 503 }, { status: 201, body: 'created' }]);
    const init = { method: 'POST', body: '{"sku":"A1"}', headers: { 'Idempotency-Key': '"k-123"' } };
    const response = await fetchWithRetry(url, init, FAST);
    expect(response.status).toBe(201);
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['"k-123"', '"k-123"']);
    expect(seen.map((s) => s.body)).toEqual(['{"sku":"A1"}', '{"sku":"A1"}']);
  });

  it('never retries a 500 for a POST, even with an Idempotency-Key and retryOn500', async () => {
    const { url, seen } = await scripted(FLAKY_NO_WAIT);
    const init = { method: 'POST', body: '{}', headers: { 'Idempotency-Key': '"k-500"' } };
    const response = await fetchWithRetry(url, init, { ...FAST, ...GENEROUS, retryOn500: true });
    expect(response.status).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it('stops at once and says so when Retry-After asks for more than maxRetryAfterMs, instead of retrying early', async () => {
    const { url, seen } = await scripted(AN_HOUR);
    const started = performance.now();
    const error = await fetchWithRetry(url, {}, { ...FAST, maxRetryAfterMs: 60_000, timeoutMs: 120_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryAfterTooLongError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, limitMs: 60_000 });
    expect((error as RetryAfterTooLongError).message).toMatch(/asks to wait 3600 s \(Retry-After\)/);
    expect(await (error as RetryAfterTooLongError).response.text()).toBe('come back later');
    expect(seen).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('stops at once when Retry-After asks for more than the time left before the deadline', async () => {
    const { url, seen } = await scripted([{ status: 503, headers: { 'Retry-After': '2' } }]);
    const started = performance.now();
    const error = await fetchWithRetry(url, {}, { ...FAST, timeoutMs: 1_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryAfterTooLongError);
    expect((error as RetryAfterTooLongError).limitMs).toBeLessThanOrEqual(1_000);
    expect(seen).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('stops retrying when the deadline runs out between backoffs, and returns the last response', async () => {
    const { url, seen } = await scripted([{ status: 503 }]);
    const started = performance.now();
    const response = await fetchWithRetry(url, {}, {
      maxAttempts: 50,
      baseDelayMs: 100,
      maxDelayMs: 100,
      random: () => 0.999,
      timeoutMs: 390,
    });
    expect(response.status).toBe(503);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(4);
    // Never past the deadline by more than the last request's own time.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('gives up on an attempt that gets no response within attemptTimeoutMs and tries again', async () => {
    const { url, seen } = await scripted([{ status: 200, hang: true }, { status: 200, body: 'second try' }]);
    const retries: unknown[] = [];
    const response = await fetchWithRetry(url, {}, { ...FAST, attemptTimeoutMs: 200, timeoutMs: 5_000, onRetry: (info) => void retries.push(info.error) });
    expect(await response.text()).toBe('second try');
    expect(seen).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ name: 'TimeoutError' });
  });

  it('retries a timed-out attempt only once: a failed automatic retry is not retried (RFC 9110 §9.2.2)', async () => {
    const { url, seen } = await scripted([{ status: 200, hang: true }]);
    await expect(fetchWithRetry(url, {}, { ...FAST, attemptTimeoutMs: 100, timeoutMs: 5_000 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(seen).toHaveLength(2);
  });

  it('lets the caller read a slow body after the attempt timeout, within the overall deadline', async () => {
    const { url } = await scripted([{ status: 200, body: 'late body', bodyDelayMs: 300 }]);
    const response = await fetchWithRetry(url, {}, { ...FAST, attemptTimeoutMs: 100, timeoutMs: 5_000 });
    expect(await response.text()).toBe('late body');
  });

  it('aborts a request in flight at the overall deadline and rejects with a TimeoutError', async () => {
    const { url, seen } = await scripted([{ status: 200, hang: true }]);
    const started = performance.now();
    await expect(fetchWithRetry(url, {}, { ...FAST, timeoutMs: 200 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(seen).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("stops when the caller's signal aborts during a wait", async () => {
    const { url, seen } = await scripted([{ status: 503, headers: { 'Retry-After': '1' } }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(fetchWithRetry(url, { signal: controller.signal }, FAST)).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
  });

  it('retries a network error once for a GET, and not at all for a POST', async () => {
    const { url } = await scripted([]);
    const dead = url.replace(/:\d+\//, ':1/'); // nothing listens on port 1
    let retries = 0;
    await expect(fetchWithRetry(dead, {}, { ...FAST, onRetry: () => void retries++ })).rejects.toThrow();
    expect(retries).toBe(1);
    retries = 0;
    await expect(fetchWithRetry(dead, { method: 'POST', body: 'x' }, { ...FAST, onRetry: () => void retries++ })).rejects.toThrow();
    expect(retries).toBe(0);
  });
});

describe('parseRetryAfter (snippets/retry/fetch-retry.ts)', () => {
  const now = Date.UTC(2025, 0, 1, 0, 0, 0); // Wed, 01 Jan 2025 00:00:00 GMT

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('0')).toBe(0);
  });
  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:02:00 GMT', now)).toBe(120_000);
  });
  it('reads the two obsolete HTTP-date formats too', () => {
    expect(parseRetryAfter('Wednesday, 01-Jan-25 00:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('Wed Jan  1 00:02:00 2025', now)).toBe(120_000);
  });
  it('reads a two-digit year as at most 50 years ahead, in the next century too (RFC 9110 §5.6.7)', () => {
    const in2060 = Date.UTC(2060, 0, 1);
    // 2105 is 45 years ahead of 2060: the next century, not 2005.
    expect(parseRetryAfter('Sunday, 01-Jan-05 00:00:00 GMT', in2060)).toBe(Date.UTC(2105, 0, 1) - in2060);
    // 2111 would be 51 years ahead: 2011, in the past, so no wait.
    expect(parseRetryAfter('Sunday, 01-Jan-11 00:00:00 GMT', in2060)).toBe(0);
  });
  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Fri, 31 Dec 1999 23:59:59 GMT', now)).toBe(0);
  });
  it('gives undefined for garbage, negative and fractional values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-5')).toBeUndefined();
    expect(parseRetryAfter('-120')).toBeUndefined();
    expect(parseRetryAfter('1.5')).toBeUndefined();
    expect(parseRetryAfter('2025-01-01T00:02:00Z', now)).toBeUndefined();
    expect(parseRetryAfter('Wed, 31 Feb 2025 00:00:00 GMT', now)).toBeUndefined();
  });
});

// Each test starts Python once or twice: allow for a slow start on a busy machine.
describe('retry.py (snippets/retry/retry.py)', { timeout: 30_000 }, () => {
  const py = (url: string, ...args: string[]) =>
    run('python3', ['snippets/retry/retry.py', url, '--base-delay', '0.001', '--max-delay', '0.005', ...args]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('retries 503, 502 and 500, waiting the full Retry-After, and prints 200 after exactly 4 requests', async () => {
    const { url, seen } = await scripted(FLAKY);
    const result = await py(url, '--max-attempts', '5', '--max-attempts-conditional', '5', '--retry-500');
    expect(result).toMatchObject({ stdout: '200\n' });
    expect(seen).toHaveLength(4);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(995);
  });

  it("keeps to the guide's attempt budgets by default: 3 attempts for a 503, 2 for a 504", async () => {
    for (const [status, requests] of [[503, 3], [504, 2]] as const) {
      const { url, seen } = await scripted([{ status }]);
      expect(await py(url)).toMatchObject({ code: 1, stdout: `${status}\n` });
      expect(seen).toHaveLength(requests);
    }
  });

  it('sends a POST without Idempotency-Key once, prints 503 and exits 1', async () => {
    const { url, seen } = await scripted(FLAKY);
    expect(await py(url, '--method', 'POST', '--data', '{}')).toMatchObject({ code: 1, stdout: '503\n' });
    expect(seen).toHaveLength(1);
  });

  it('retries a POST with an Idempotency-Key', async () => {
    const { url, seen } = await scripted([{ status: 503 }, { status: 201 }]);
    const result = await py(url, '--method', 'POST', '--data', '{}', '--header', 'Idempotency-Key: "k-py"');
    expect(result).toMatchObject({ stdout: '201\n' });
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['"k-py"', '"k-py"']);
  });

  it('stops at once and says so when Retry-After asks for more than it can wait', async () => {
    const { url, seen } = await scripted(AN_HOUR);
    const result = await py(url, '--max-retry-after', '60');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect((result as { stderr: string }).stderr).toMatch(/503: the server asks to wait 3600 s \(Retry-After\)/);
    expect(seen).toHaveLength(1);
  });

  it('gives up on an attempt that gets no response within --attempt-timeout and tries again', async () => {
    const { url, seen } = await scripted([{ status: 200, hang: true }, { status: 200 }]);
    expect(await py(url, '--attempt-timeout', '0.3', '--deadline', '5')).toMatchObject({ stdout: '200\n' });
    expect(seen).toHaveLength(2);
  });

  it('parse_retry_after handles seconds, the three date formats, two-digit years, past dates and garbage', async () => {
    const script = [
      'import sys, json',
      "sys.path.insert(0, 'snippets/retry')",
      'from retry import parse_retry_after as p',
      'now = 1735689600  # Wed, 01 Jan 2025 00:00:00 GMT',
      'in2060 = 2840140800  # Sat, 01 Jan 2060 00:00:00 GMT',
      "print(json.dumps([p('120'), p('Wed, 01 Jan 2025 00:02:00 GMT', now), p('Wednesday, 01-Jan-25 00:02:00 GMT', now),",
      "  p('Wed Jan  1 00:02:00 2025', now), p('Fri, 31 Dec 1999 23:59:59 GMT', now),",
      "  p('Sunday, 01-Jan-05 00:00:00 GMT', in2060), p('Sunday, 01-Jan-11 00:00:00 GMT', in2060),",
      "  p('soon'), p('-5'), p('1.5'), p(''), p(None)]))",
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script]);
    const in2105 = Date.UTC(2105, 0, 1) / 1000 - Date.UTC(2060, 0, 1) / 1000;
    expect(JSON.parse(stdout)).toEqual([120, 120, 120, 120, 0, in2105, 0, null, null, null, null, null]);
  });
});

/** Where to get Go when it is missing; .ci/run installs Debian's package by itself. */
const GO_HELP = [
  'Go is needed to test snippets/retry/retry.go (standard library only, Go 1.19 or newer).',
  '  On Debian or Ubuntu: sudo apt-get install -y golang-go',
  '  Elsewhere: https://go.dev/dl/ , or set GO=/path/to/go',
  '  .ci/run installs it when it is missing.',
].join('\n');

describe('retry.go (snippets/retry/retry.go), built with the local Go toolchain', { timeout: 30_000 }, () => {
  let work = '';
  let binary = '';
  const go = process.env['GO'] ?? 'go';

  beforeAll(() => {
    try {
      execFileSync(go, ['version'], { stdio: 'ignore' });
    } catch {
      throw new Error(GO_HELP);
    }
    // A throwaway module: the snippet as package retry, the test driver as main. Nothing is
    // downloaded (standard library only), and the build cache lives and dies with the folder.
    work = mkdtempSync(join(tmpdir(), 'retry-go-'));
    mkdirSync(join(work, 'retry'));
    copyFileSync(join(repoRoot, 'snippets/retry/retry.go'), join(work, 'retry/retry.go'));
    copyFileSync(join(repoRoot, 'tests/snippets/go/main.go'), join(work, 'main.go'));
    writeFileSync(join(work, 'go.mod'), 'module snippettest\n\ngo 1.19\n');
    binary = join(work, 'retry-driver');
    execFileSync(go, ['build', '-o', binary, '.'], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        GOFLAGS: '-mod=mod',
        GOPROXY: 'off',
        GOSUMDB: 'off',
        GOTOOLCHAIN: 'local',
        GOTELEMETRY: 'off',
        GOCACHE: join(work, 'cache'),
        GOPATH: join(work, 'gopath'),
      },
    });
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const goRun = (url: string, ...args: string[]) =>
    execFileAsync(binary, ['-base-delay', '1ms', '-max-delay', '5ms', ...args, url]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('retries 503, 502 and 500, waiting the full Retry-After, and prints 200 after exactly 4 requests', async () => {
    const { url, seen } = await scripted(FLAKY);
    const result = await goRun(url, '-max-attempts', '5', '-max-attempts-conditional', '5', '-retry-500');
    expect(result).toMatchObject({ stdout: '200\n' });
    expect(seen).toHaveLength(4);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(995);
  });

  it("keeps to the guide's attempt budgets by default: 3 attempts for a 503, 2 for a 504", async () => {
    for (const [status, requests] of [[503, 3], [504, 2]] as const) {
      const { url, seen } = await scripted([{ status }]);
      expect(await goRun(url)).toMatchObject({ code: 1, stdout: `${status}\n` });
      expect(seen).toHaveLength(requests);
    }
  });

  it('sends a POST without Idempotency-Key once', async () => {
    const { url, seen } = await scripted(FLAKY);
    expect(await goRun(url, '-method', 'POST', '-data', '{}')).toMatchObject({ code: 1, stdout: '503\n' });
    expect(seen).toHaveLength(1);
  });

  it('retries a POST with an Idempotency-Key, resending the same key and body', async () => {
    const { url, seen } = await scripted([{ status: 503 }, { status: 201 }]);
    const result = await goRun(url, '-method', 'POST', '-data', '{"sku":"A1"}', '-header', 'Idempotency-Key: "k-go"');
    expect(result).toMatchObject({ stdout: '201\n' });
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['"k-go"', '"k-go"']);
    expect(seen.map((s) => s.body)).toEqual(['{"sku":"A1"}', '{"sku":"A1"}']);
  });

  it('stops at once and says so when Retry-After asks for more than it can wait', async () => {
    const { url, seen } = await scripted(AN_HOUR);
    const result = await goRun(url, '-max-retry-after', '60s');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect((result as { stderr: string }).stderr).toMatch(/503: the server asks to wait 1h0m0s \(Retry-After\)/);
    expect(seen).toHaveLength(1);
  });

  it('gives up on an attempt that gets no response within -attempt-timeout and tries again', async () => {
    const { url, seen } = await scripted([{ status: 200, hang: true }, { status: 200 }]);
    expect(await goRun(url, '-attempt-timeout', '300ms', '-deadline', '5s')).toMatchObject({ stdout: '200\n' });
    expect(seen).toHaveLength(2);
  });

  it('lets the caller read a slow body after the attempt timeout', async () => {
    const { url } = await scripted([{ status: 200, body: 'late', bodyDelayMs: 300 }]);
    expect(await goRun(url, '-attempt-timeout', '100ms', '-deadline', '5s')).toMatchObject({ stdout: '200\n' });
  });
});

describe('withLoadShedding (snippets/retry/server-503.ts)', () => {
  async function get(url: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      httpRequest(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
        .on('error', reject)
        .end();
    });
  }

  it('answers 503 with Retry-After and a problem+json body once maxInFlight requests are running', async () => {
    let release = (): void => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const handler = withLoadShedding(
      async (_req, res) => {
        await blocked;
        res.writeHead(200).end('ok');
      },
      { maxInFlight: 1, retryAfterSeconds: 7 },
    );
    const server = createServer(handler);
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    const first = get(url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shed = await get(url);
    expect(shed.status).toBe(503);
    expect(shed.headers['retry-after']).toBe('7');
    expect(shed.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(shed.body)).toMatchObject({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
    // An origin server must not send Proxy-Status (RFC 9209 §2).
    expect(shed.headers['proxy-status']).toBeUndefined();

    release();
    expect((await first).status).toBe(200);
    expect((await get(url)).status).toBe(200); // the slot is free again
  });

  it('in a gateway, names itself and the error type in Proxy-Status (RFC 9209)', async () => {
    let maintenance = false;
    const handler = withLoadShedding(async (_req, res) => void res.writeHead(200).end('ok'), {
      maxInFlight: 0,
      retryAfterSeconds: 5,
      proxyName: 'api-gw.example.net',
      inMaintenance: () => maintenance,
    });
    const server = createServer(handler);
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    expect((await get(url)).headers['proxy-status']).toBe('api-gw.example.net; error=connection_limit_reached');
    maintenance = true;
    expect((await get(url)).headers['proxy-status']).toBe('api-gw.example.net; error=proxy_internal_response');
  });

  it('turns an exception into a 500 problem that does not leak the error', async () => {
    const handler = withLoadShedding(
      async () => {
        throw new Error('db password=hunter2 at 10.1.2.3');
      },
      { maxInFlight: 10, retryAfterSeconds: 5 },
    );
    const server = createServer(handler);
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const originalError = console.error;
    console.error = () => {};
    try {
      const res = await get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.body).not.toMatch(/hunter2|password|10\.1\.2\.3|stack/);
      expect(JSON.parse(res.body)).toMatchObject({ title: 'Internal Server Error', status: 500 });
    } finally {
      console.error = originalError;
    }
  });
});

describe('snippets CI cannot run state the same attempt budgets', () => {
  const read = (file: string) => readFileSync(join(repoRoot, 'snippets/retry', file), 'utf8');

  it('RetryHandler.cs (needs NuGet packages): 3 attempts for 429/502/503, 2 for 504', () => {
    const cs = read('RetryHandler.cs');
    expect(cs).toMatch(new RegExp(`const int MaxAttempts = ${DEFAULT_POLICY.maxAttempts};`));
    expect(cs).toMatch(new RegExp(`const int MaxAttemptsConditional = ${DEFAULT_POLICY.maxAttemptsConditional};`));
    expect(cs).toContain('Not run in this site\'s CI');
  });

  it('retry.sh: --retry 2, that is 3 attempts in all', () => {
    for (const match of read('retry.sh').matchAll(/--retry (\d+)/g)) expect(Number(match[1]) + 1).toBe(DEFAULT_POLICY.maxAttempts);
  });
});
