import { parseRetryAfter } from '../../snippets/retry/fetch-retry.ts';
import type { RetryVerdict } from './retry-verdict';

/**
 * The "Should I retry?" decision, shared by the tool page (in the browser), its no-JavaScript
 * decision table (at build time) and the unit tests. It applies RFC 9110's rules on top of each
 * code's `retry` fields from the content; it never re-derives those fields.
 */

/** Methods RFC 9110 §9.2.2 defines as idempotent: PUT, DELETE and the safe methods of §9.2.1. */
export const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'] as const;

/** Methods the tool offers; any other token is accepted and treated as non-idempotent. */
export const METHODS = [...IDEMPOTENT_METHODS, 'POST', 'PATCH', 'CONNECT'] as const;

/** What the decision needs to know about a code: its entry's `retry` fields. */
export interface CodeRetryFacts {
  code: number;
  name: string;
  retry: { verdict: RetryVerdict; idempotentOnly: boolean; honourRetryAfter: boolean; rule: string };
}

/** The situation the reader describes. */
export interface RetryQuestion {
  /** The status code received. */
  status: number;
  /** The request method, e.g. "POST". */
  method: string;
  /** Whether the request carried an Idempotency-Key header. */
  idempotencyKey: boolean;
  /** The raw Retry-After header value, if the response had one. */
  retryAfter?: string | undefined;
  /** Which attempt just failed: 1 for the original request. */
  attempt: number;
  /** Current time in ms, for Retry-After given as an HTTP-date. */
  now?: number | undefined;
}

/** Limits the advice assumes; the retry guide's snippets use the same. */
export interface RetryPolicy {
  /** Total attempts (original included) for codes whose verdict is "yes". */
  maxAttempts: number;
  /** Total attempts for codes whose verdict is "conditional". */
  maxAttemptsConditional: number;
  /** First backoff ceiling, in ms; doubles per attempt. */
  baseDelayMs: number;
  /** Largest backoff ceiling, in ms. */
  maxDelayMs: number;
  /** Longest Retry-After an automatic retry waits for, in ms; longer means "not automatically". */
  maxRetryAfterMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxAttemptsConditional: 2,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** A rule the answer rests on, with where it comes from. */
export interface Reason {
  text: string;
  source?: { label: string; url: string };
}

/** The answer: retry or not, why, and how long to wait first. */
export interface RetryDecision {
  retry: boolean;
  /** The code whose rules applied (an unknown 5xx falls back to 500). */
  appliedCode: number;
  reasons: Reason[];
  /** When `retry`: wait at least `minMs`; with backoff pick a random delay up to `maxMs`. */
  delay?: { minMs: number; maxMs: number; from: 'retry-after' | 'backoff' };
}

const RFC9110 = 'https://www.rfc-editor.org/rfc/rfc9110';
const SOURCES = {
  idempotent: { label: 'RFC 9110 §9.2.2', url: `${RFC9110}#section-9.2.2` },
  retryAfter: { label: 'RFC 9110 §10.2.3', url: `${RFC9110}#section-10.2.3` },
  unknownStatus: { label: 'RFC 9110 §15', url: `${RFC9110}#section-15` },
  idempotencyKey: {
    label: 'Idempotency-Key (IETF draft)',
    url: 'https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/',
  },
} as const;

/** True for the methods of {@link IDEMPOTENT_METHODS}; method names are case-sensitive (RFC 9110 §9.1). */
export function isIdempotent(method: string): boolean {
  return (IDEMPOTENT_METHODS as readonly string[]).includes(method);
}

/** Ceiling of the full-jitter backoff before attempt `attempt + 1`. */
export function backoffCeiling(attempt: number, policy: RetryPolicy = DEFAULT_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Decides whether to retry. `codes` are the site's entries; a 5xx without an entry is treated as
 * 500, as RFC 9110 §15 tells clients to treat any status code they do not recognise.
 */
export function decideRetry(
  question: RetryQuestion,
  codes: readonly CodeRetryFacts[],
  policy: RetryPolicy = DEFAULT_POLICY,
): RetryDecision {
  if (!Number.isInteger(question.status) || question.status < 500 || question.status > 599) {
    throw new RangeError(`status must be a 5xx code, got ${question.status}`);
  }
  if (!Number.isInteger(question.attempt) || question.attempt < 1) {
    throw new RangeError(`attempt must be 1 or more, got ${question.attempt}`);
  }
  const reasons: Reason[] = [];
  let facts = codes.find((entry) => entry.code === question.status);
  if (!facts) {
    facts = codes.find((entry) => entry.code === 500);
    if (!facts) throw new Error('the code list has no entry for 500');
    reasons.push({
      text: `${question.status} is not a code this site knows; a client treats an unrecognised 5xx as 500.`,
      source: SOURCES.unknownStatus,
    });
  }
  const { retry } = facts;
  const no = (reason: Reason): RetryDecision => ({ retry: false, appliedCode: facts.code, reasons: [...reasons, reason] });

  if (retry.verdict === 'no') {
    return no({ text: `${facts.code} ${facts.name}: ${retry.rule}` });
  }
  reasons.push({ text: `${facts.code} ${facts.name}: ${retry.rule}` });

  if (retry.idempotentOnly && !isIdempotent(question.method)) {
    if (!question.idempotencyKey) {
      return no({
        text: `${question.method} is not idempotent: repeating it may apply it twice. A client should not retry it automatically unless it knows the request is idempotent or was never applied. Send an Idempotency-Key to make retries safe, where the server supports it.`,
        source: SOURCES.idempotent,
      });
    }
    reasons.push({
      text: `${question.method} is not idempotent, but the Idempotency-Key lets a server that supports it recognise the repeat and not apply it twice. Reuse the same key on every retry.`,
      source: SOURCES.idempotencyKey,
    });
  } else if (isIdempotent(question.method)) {
    reasons.push({ text: `${question.method} is idempotent: repeating it has the same effect as sending it once.`, source: SOURCES.idempotent });
  }

  const maxAttempts = retry.verdict === 'yes' ? policy.maxAttempts : policy.maxAttemptsConditional;
  if (question.attempt >= maxAttempts) {
    return no({
      text: `Attempt ${question.attempt} of at most ${maxAttempts} for this code has failed: stop, and report the error with its request id. More retries add load to a struggling server.`,
    });
  }

  const backoff = backoffCeiling(question.attempt, policy);
  const header = question.retryAfter?.trim();
  if (header) {
    const retryAfterMs = parseRetryAfter(header, question.now ?? Date.now());
    if (retryAfterMs === undefined) {
      reasons.push({
        text: `Retry-After "${header}" is neither a number of seconds nor an HTTP-date, so it is ignored.`,
        source: SOURCES.retryAfter,
      });
    } else if (retry.honourRetryAfter) {
      if (retryAfterMs > policy.maxRetryAfterMs) {
        return no({
          text: `Retry-After asks for ${formatDuration(retryAfterMs)}, longer than an automatic retry should wait (${formatDuration(policy.maxRetryAfterMs)}). Fail now, and retry later from a queue or on the user's request.`,
          source: SOURCES.retryAfter,
        });
      }
      reasons.push({ text: `Wait at least as long as Retry-After says: ${formatDuration(retryAfterMs)}.`, source: SOURCES.retryAfter });
      return {
        retry: true,
        appliedCode: facts.code,
        reasons,
        delay: { minMs: retryAfterMs, maxMs: Math.max(retryAfterMs, backoff), from: 'retry-after' },
      };
    }
  }
  reasons.push({
    text: `Back off with full jitter: wait a random time between 0 and ${formatDuration(backoff)} (the ceiling doubles with each attempt, up to ${formatDuration(policy.maxDelayMs)}).`,
  });
  return { retry: true, appliedCode: facts.code, reasons, delay: { minMs: 0, maxMs: backoff, from: 'backoff' } };
}

/** "1.5 s", "2 min", "1 h 30 min": durations as the tool shows them. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
