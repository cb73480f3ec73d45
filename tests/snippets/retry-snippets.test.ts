import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchWithRetry, parseRetryAfter } from '../../snippets/retry/fetch-retry';
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
}

interface Seen {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** The transient-failure script of this page: 503 (Retry-After: 1), 502, 500, then 200. */
const FLAKY: Step[] = [
  { status: 503, headers: { 'Retry-After': '1' }, body: 'overloaded' },
  { status: 502, body: 'bad gateway' },
  { status: 500, body: 'oops' },
  { status: 200, body: 'hello' },
];

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
      res.writeHead(step.status, step.headers ?? {}).end(step.body ?? '');
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const gaps = (): number[] => seen.slice(1).map((s, i) => s.at - (seen[i]?.at ?? 0));
  return { url: `http://127.0.0.1:${port}/resource`, seen, gaps };
}

/** Delays small enough for a test: backoff of at most 5 ms, Retry-After capped at 100 ms. */
const FAST = { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 100, random: () => 0.5 };

describe('fetchWithRetry (snippets/retry/fetch-retry.ts)', () => {
  it('retries 503, 502 and 500 (opted in) for a GET and returns the 200 after exactly 4 requests', async () => {
    const { url, seen } = await scripted(FLAKY);
    const response = await fetchWithRetry(url, {}, { ...FAST, maxAttempts: 5, retryOn500: true });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
  });

  it('waits the capped Retry-After after the 503, and only the short backoff after the 502 and 500', async () => {
    const { url, gaps } = await scripted(FLAKY);
    await fetchWithRetry(url, {}, { ...FAST, maxAttempts: 5, retryOn500: true });
    const [afterRetryAfter, after502, after500] = gaps();
    // Retry-After: 1 asks for 1000 ms; maxRetryAfterMs caps it at 100 ms.
    expect(afterRetryAfter).toBeGreaterThanOrEqual(95);
    expect(afterRetryAfter).toBeLessThan(900);
    expect(after502).toBeLessThan(90);
    expect(after500).toBeLessThan(90);
  });

  it('does not retry 500 unless asked to', async () => {
    const { url, seen } = await scripted(FLAKY);
    const response = await fetchWithRetry(url, {}, { ...FAST, maxAttempts: 5 });
    expect(response.status).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it('sends a POST without Idempotency-Key once and returns the 503', async () => {
    const { url, seen } = await scripted(FLAKY);
    const response = await fetchWithRetry(url, { method: 'POST', body: '{"sku":"A1"}' }, { ...FAST, maxAttempts: 5 });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(seen).toHaveLength(1);
  });

  it('retries a POST that carries an Idempotency-Key, resending the same key and body', async () => {
    const { url, seen } = await scripted([{ status: 503, headers: { 'Retry-After': '1' } }, { status: 201, body: 'created' }]);
    const init = { method: 'POST', body: '{"sku":"A1"}', headers: { 'Idempotency-Key': '"k-123"' } };
    const response = await fetchWithRetry(url, init, { ...FAST, maxAttempts: 3 });
    expect(response.status).toBe(201);
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['"k-123"', '"k-123"']);
    expect(seen.map((s) => s.body)).toEqual(['{"sku":"A1"}', '{"sku":"A1"}']);
  });

  it('never retries a 500 for a POST, even with an Idempotency-Key and retryOn500', async () => {
    const { url, seen } = await scripted(FLAKY);
    const init = { method: 'POST', body: '{}', headers: { 'Idempotency-Key': '"k-500"' } };
    const response = await fetchWithRetry(url, init, { ...FAST, maxAttempts: 5, retryOn500: true });
    expect(response.status).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it('respects maxAttempts: with 2 it stops at the 502', async () => {
    const { url, seen } = await scripted(FLAKY);
    const response = await fetchWithRetry(url, {}, { ...FAST, maxAttempts: 2, retryOn500: true });
    expect(response.status).toBe(502);
    expect(seen).toHaveLength(2);
  });

  it('does not start a wait that would end after the deadline', async () => {
    const { url, seen } = await scripted([{ status: 503, headers: { 'Retry-After': '1' } }]);
    const started = performance.now();
    const response = await fetchWithRetry(url, {}, { maxAttempts: 5, maxRetryAfterMs: 5_000, timeoutMs: 300 });
    expect(response.status).toBe(503);
    expect(seen).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('stops retrying when the deadline runs out between backoffs', async () => {
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
    expect(performance.now() - started).toBeLessThan(390);
  });

  it('aborts a request in flight at the deadline and rejects with a TimeoutError', async () => {
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
    await expect(
      fetchWithRetry(url, { signal: controller.signal }, { maxAttempts: 5, maxRetryAfterMs: 5_000 }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
  });

  it('retries network errors for a GET but not for a POST', async () => {
    const { url } = await scripted([]);
    const dead = url.replace(/:\d+\//, ':1/'); // nothing listens on port 1
    let retries = 0;
    await expect(
      fetchWithRetry(dead, {}, { ...FAST, maxAttempts: 3, onRetry: () => void retries++ }),
    ).rejects.toThrow();
    expect(retries).toBe(2);
    retries = 0;
    await expect(
      fetchWithRetry(dead, { method: 'POST', body: 'x' }, { ...FAST, maxAttempts: 3, onRetry: () => void retries++ }),
    ).rejects.toThrow();
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

describe('retry.py (snippets/retry/retry.py)', () => {
  it('retries 503, 502 and 500 and prints 200 after exactly 4 requests', async () => {
    const { url, seen } = await scripted(FLAKY);
    const flags = ['--max-attempts', '5', '--base-delay', '0.001', '--max-delay', '0.005', '--max-retry-after', '0.1', '--retry-500'];
    const { stdout } = await run('python3', ['snippets/retry/retry.py', url, ...flags]);
    expect(stdout).toBe('200\n');
    expect(seen).toHaveLength(4);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(95);
  });

  it('sends a POST without Idempotency-Key once, prints 503 and exits 1', async () => {
    const { url, seen } = await scripted(FLAKY);
    const result = await run('python3', ['snippets/retry/retry.py', url, '--method', 'POST', '--data', '{}', '--base-delay', '0.001']).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(result).toMatchObject({ code: 1, stdout: '503\n' });
    expect(seen).toHaveLength(1);
  });

  it('retries a POST with an Idempotency-Key', async () => {
    const { url, seen } = await scripted([{ status: 503 }, { status: 201 }]);
    const args = ['--method', 'POST', '--data', '{}', '--header', 'Idempotency-Key: "k-py"', '--base-delay', '0.001'];
    const { stdout } = await run('python3', ['snippets/retry/retry.py', url, ...args]);
    expect(stdout).toBe('201\n');
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['"k-py"', '"k-py"']);
  });

  it('parse_retry_after handles seconds, the three date formats, past dates and garbage', async () => {
    const script = [
      'import sys, json',
      "sys.path.insert(0, 'snippets/retry')",
      'from retry import parse_retry_after as p',
      'now = 1735689600  # Wed, 01 Jan 2025 00:00:00 GMT',
      "print(json.dumps([p('120'), p('Wed, 01 Jan 2025 00:02:00 GMT', now), p('Wednesday, 01-Jan-25 00:02:00 GMT', now),",
      "  p('Wed Jan  1 00:02:00 2025', now), p('Fri, 31 Dec 1999 23:59:59 GMT', now),",
      "  p('soon'), p('-5'), p('1.5'), p(''), p(None)]))",
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script]);
    expect(JSON.parse(stdout)).toEqual([120, 120, 120, 120, 0, null, null, null, null, null]);
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

    release();
    expect((await first).status).toBe(200);
    expect((await get(url)).status).toBe(200); // the slot is free again
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
