import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  backoffCeiling,
  type CodeRetryFacts,
  decideRetry,
  formatDuration,
  isIdempotent,
} from '../../src/lib/retry-decision';

// The site's real entries, read from the content files with the tests' own YAML parser.
const dir = join(import.meta.dirname, '../../content/codes');
const codes: CodeRetryFacts[] = readdirSync(dir)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '') as CodeRetryFacts);

const IDEMPOTENT = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'];
const UNSAFE = ['POST', 'PATCH', 'CONNECT', 'LOCK'];
const ask = (status: number, method: string, extra: Partial<Parameters<typeof decideRetry>[0]> = {}) =>
  decideRetry({ status, method, idempotencyKey: false, attempt: 1, ...extra }, codes);

describe('isIdempotent (RFC 9110 §9.2.2)', () => {
  it('accepts PUT, DELETE and the safe methods, and nothing else', () => {
    for (const method of IDEMPOTENT) expect(isIdempotent(method)).toBe(true);
    for (const method of UNSAFE) expect(isIdempotent(method)).toBe(false);
  });
  it('is case-sensitive, as method names are', () => {
    expect(isIdempotent('get')).toBe(false);
  });
});

describe('decideRetry against every entry of the content', () => {
  it('has the content to test', () => {
    expect(codes.length).toBeGreaterThanOrEqual(11);
  });

  for (const entry of codes) {
    const { verdict, idempotentOnly } = entry.retry;
    describe(`${entry.code} (${verdict}${idempotentOnly ? ', idempotent only' : ''})`, () => {
      it.each(IDEMPOTENT)('%s, first attempt, no Retry-After', (method) => {
        const decision = ask(entry.code, method);
        expect(decision.retry).toBe(verdict !== 'no');
        expect(decision.appliedCode).toBe(entry.code);
        if (decision.retry) expect(decision.delay).toEqual({ minMs: 0, maxMs: 1000, from: 'backoff' });
      });

      it.each(UNSAFE)('%s without an Idempotency-Key', (method) => {
        expect(ask(entry.code, method).retry).toBe(verdict !== 'no' && !idempotentOnly);
      });

      it.each(UNSAFE)('%s with an Idempotency-Key', (method) => {
        expect(ask(entry.code, method, { idempotencyKey: true }).retry).toBe(verdict !== 'no');
      });

      it('stops after the last allowed attempt', () => {
        const last = verdict === 'yes' ? 3 : 2;
        expect(ask(entry.code, 'GET', { attempt: last - 1 }).retry).toBe(verdict !== 'no');
        expect(ask(entry.code, 'GET', { attempt: last }).retry).toBe(false);
      });
    });
  }
});

describe('Retry-After (RFC 9110 §10.2.3)', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);

  it('sets the wait from delay-seconds on a 503', () => {
    const decision = ask(503, 'GET', { retryAfter: '30', now });
    expect(decision.retry).toBe(true);
    expect(decision.delay).toEqual({ minMs: 30_000, maxMs: 30_000, from: 'retry-after' });
  });

  it('sets the wait from an HTTP-date', () => {
    const decision = ask(503, 'GET', { retryAfter: 'Sun, 22 Nov 2026 12:00:45 GMT', now });
    expect(decision.delay).toEqual({ minMs: 45_000, maxMs: 45_000, from: 'retry-after' });
  });

  it('retries at once when the date has passed', () => {
    const decision = ask(503, 'GET', { retryAfter: 'Sun, 22 Nov 2026 11:00:00 GMT', now });
    expect(decision.delay?.minMs).toBe(0);
  });

  it('never waits less than the backoff ceiling allows on later attempts', () => {
    const decision = ask(503, 'GET', { retryAfter: '1', attempt: 2, now });
    expect(decision.delay).toEqual({ minMs: 1000, maxMs: 2000, from: 'retry-after' });
  });

  it('gives up on an automatic retry when Retry-After is longer than two minutes', () => {
    const decision = ask(503, 'GET', { retryAfter: '3600', now });
    expect(decision.retry).toBe(false);
    expect(decision.reasons.at(-1)?.text).toContain('1 h');
  });

  it('ignores a value that is neither seconds nor a date, and backs off instead', () => {
    const decision = ask(503, 'GET', { retryAfter: 'soon', now });
    expect(decision.retry).toBe(true);
    expect(decision.delay?.from).toBe('backoff');
    expect(decision.reasons.some((reason) => reason.text.includes('"soon"'))).toBe(true);
  });
});

describe('codes and inputs outside the content', () => {
  it('treats an unknown 5xx like 500 (RFC 9110 §15)', () => {
    const unknown = ask(577, 'GET');
    expect(unknown.appliedCode).toBe(500);
    expect(unknown.retry).toBe(ask(500, 'GET').retry);
    expect(unknown.reasons[0]?.source?.label).toBe('RFC 9110 §15');
  });
  it('refuses statuses outside 5xx and attempts below 1', () => {
    expect(() => ask(404, 'GET')).toThrow(RangeError);
    expect(() => ask(503, 'GET', { attempt: 0 })).toThrow(RangeError);
  });
  it('never retries 501, whatever the method', () => {
    expect(ask(501, 'GET').retry).toBe(false);
    expect(ask(501, 'POST', { idempotencyKey: true }).retry).toBe(false);
  });
  it('retries a POST on 503 only with an Idempotency-Key, and cites the rule', () => {
    const bare = ask(503, 'POST');
    expect(bare.retry).toBe(false);
    expect(bare.reasons.at(-1)?.source?.label).toBe('RFC 9110 §9.2.2');
    expect(ask(503, 'POST', { idempotencyKey: true }).retry).toBe(true);
  });
});

describe('backoffCeiling and formatDuration', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffCeiling(attempt))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
  it('writes durations the way the tool shows them', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(5_400_000)).toBe('1 h 30 min');
  });
});
