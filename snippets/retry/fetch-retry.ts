// fetchWithRetry: retry transient HTTP failures with the global fetch. Node 22.18+, Deno and Bun
// run this file as it is; for browsers, strip the types.
//
// Policy (the site's retry guide; attempt budgets as in its "Should I retry?" tool):
// - 429, 502 and 503 get up to maxAttempts attempts in all (3). 504, and 500 when `retryOn500` is
//   set, get up to maxAttemptsConditional (2): the server may have done the work, and a 500 is
//   usually a bug that repeats. 500 only for idempotent methods: a server that honours
//   Idempotency-Key replays the stored 500 anyway.
// - Only idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9110 §9.2.2) are retried,
//   plus requests that carry an Idempotency-Key header (the server deduplicates them). A POST or
//   PATCH without a key is sent once.
// - A network error, or an attempt with no response headers within attemptTimeoutMs, is retried
//   once, and only when it was the first attempt: RFC 9110 §9.2.2 says not to retry a failed
//   automatic retry.
// - Never sooner than Retry-After asks (delay-seconds or HTTP-date, RFC 9110 §10.2.3): the wait is
//   the larger of Retry-After and the backoff. When Retry-After asks for more than maxRetryAfterMs,
//   or for more than the time left before the deadline, it throws RetryAfterTooLongError (with
//   the response) instead of retrying early. Without Retry-After: exponential backoff with full
//   jitter, retry n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))).
// - One overall deadline (timeoutMs) covers every attempt and wait, cancels a request in flight,
//   and also covers reading the body of the response you get back. A backoff that would end after
//   it is not started: the last response is returned (or the last error thrown) at once.
//   init.signal aborts everything.
// - The body of every discarded response is cancelled, so the connection can be released.
//
// The final response is returned whatever its status: check response.ok as usual.
// Type stripping friendly (no enums, namespaces or parameter properties), no imports.

export interface RetryOptions {
  /** Attempts in all, the first included, for 429, 502 and 503. Default 3. */
  maxAttempts?: number;
  /** Attempts in all for 504, and for 500 with retryOn500. Default 2. */
  maxAttemptsConditional?: number;
  /** Backoff base: the first retry waits a random time in [0, baseDelayMs). Default 200 ms. */
  baseDelayMs?: number;
  /** Upper bound of one backoff wait. Default 10 000 ms. */
  maxDelayMs?: number;
  /** Longest Retry-After this call waits for; a longer one throws RetryAfterTooLongError. Default 30 000 ms. */
  maxRetryAfterMs?: number;
  /** How long one attempt may wait for the response headers. Default 10 000 ms. */
  attemptTimeoutMs?: number;
  /** Overall deadline for every attempt and wait together. Default 30 000 ms. */
  timeoutMs?: number;
  /** Also retry 500 Internal Server Error, for idempotent methods only. Default false. */
  retryOn500?: boolean;
  /** Source of randomness in [0, 1) for the jitter. Default Math.random. */
  random?: () => number;
  /** Called before each wait, e.g. for logging or metrics. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** The status that is being retried, when there was a response. */
  status?: number;
  /** The network error or attempt timeout that is being retried, when there was no response. */
  error?: unknown;
}

/** The server asked, with Retry-After, for a longer wait than this call can afford. */
export class RetryAfterTooLongError extends Error {
  override name = 'RetryAfterTooLongError';
  /** The response that carried Retry-After (its body unread), e.g. a 503. */
  readonly response: Response;
  /** The wait the server asked for, in ms. */
  readonly retryAfterMs: number;
  /** The longest wait this call could afford: maxRetryAfterMs or the time left, in ms. */
  readonly limitMs: number;

  constructor(response: Response, retryAfterMs: number, limitMs: number) {
    super(
      `${response.status}: the server asks to wait ${Math.ceil(retryAfterMs / 1000)} s (Retry-After), ` +
        `longer than this call can wait (${Math.floor(limitMs / 1000)} s); not retrying early`,
    );
    this.response = response;
    this.retryAfterMs = retryAfterMs;
    this.limitMs = limitMs;
  }
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);
/** Retried up to maxAttempts: transient by nature. */
const RETRY_STATUSES = new Set([429, 502, 503]);

export async function fetchWithRetry(
  url: string | URL,
  init: RequestInit = {},
  options: RetryOptions = {},
): Promise<Response> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
  const maxAttemptsConditional = Math.max(1, Math.floor(options.maxAttemptsConditional ?? 2));
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const random = options.random ?? Math.random;

  const method = (init.method ?? 'GET').toUpperCase();
  const idempotent = IDEMPOTENT_METHODS.has(method);
  const hasKey = new Headers(init.headers).has('Idempotency-Key');
  // A stream can be read once only, so a request that streams its body cannot be sent again.
  const replayable = !(init.body instanceof ReadableStream);
  const mayRetry = (idempotent || hasKey) && replayable;

  const deadline = Date.now() + timeoutMs;
  const overall = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, overall]) : overall;

  const backoff = (attempt: number): number =>
    random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  const attemptsFor = (status: number): number =>
    RETRY_STATUSES.has(status)
      ? maxAttempts
      : status === 504 || (status === 500 && options.retryOn500 === true && idempotent)
        ? maxAttemptsConditional
        : 1;

  for (let attempt = 1; ; attempt++) {
    // The attempt timer bounds the wait for response headers; once they arrive, only the overall
    // deadline applies, so the caller can still read the body of the response it gets.
    const attemptTimer = new AbortController();
    const timer = setTimeout(
      () => attemptTimer.abort(new DOMException(`no response within ${attemptTimeoutMs} ms`, 'TimeoutError')),
      attemptTimeoutMs,
    );
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.any([signal, attemptTimer.signal]) });
    } catch (error) {
      // Deadline reached or caller aborted: never retry, report why.
      if (signal.aborted) throw signal.reason;
      if (!mayRetry || attempt > 1 || maxAttempts < 2) throw error;
      const delayMs = backoff(attempt);
      if (Date.now() + delayMs >= deadline) throw error;
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal);
      continue;
    } finally {
      clearTimeout(timer);
    }

    if (!mayRetry || attempt >= attemptsFor(response.status)) return response;

    let delayMs = backoff(attempt);
    // Compute an HTTP-date against the server's own clock (its Date header) to cancel clock skew.
    const serverNow = parseHttpDate(response.headers.get('Date') ?? '', Date.now());
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), serverNow ?? Date.now());
    if (retryAfterMs !== undefined) {
      const limitMs = Math.min(maxRetryAfterMs, deadline - Date.now());
      if (retryAfterMs > limitMs) throw new RetryAfterTooLongError(response, retryAfterMs, limitMs);
      delayMs = Math.max(retryAfterMs, delayMs);
    }
    if (Date.now() + delayMs >= deadline) return response;

    await discard(response);
    options.onRetry?.({ attempt, delayMs, status: response.status });
    await sleep(delayMs, signal);
  }
}

/**
 * Parses a Retry-After value (RFC 9110 §10.2.3) into a wait in milliseconds.
 * Accepts delay-seconds ("120") and HTTP-dates in all three formats of RFC 9110 §5.6.7.
 * A date in the past gives 0. Anything else (empty, negative, fractional, garbage) gives undefined.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  const date = parseHttpDate(text, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC850_DATE = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`,
);
// Sun Nov  6 08:49:37 1994
const ASCTIME_DATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/** Parses an HTTP-date (RFC 9110 §5.6.7) into epoch milliseconds, or undefined. */
function parseHttpDate(text: string, now: number): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return toEpoch(m[3], m[2], m[1], m[4], m[5], m[6]);
  m = RFC850_DATE.exec(text);
  if (m) {
    // Two-digit year: the latest year with those digits that is at most 50 years ahead; one further
    // ahead means the most recent past year with them (RFC 9110 §5.6.7).
    const thisYear = new Date(now).getUTCFullYear();
    let year = thisYear - (thisYear % 100) + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
    else if (year + 100 <= thisYear + 50) year += 100;
    return toEpoch(String(year), m[2], m[1], m[4], m[5], m[6]);
  }
  m = ASCTIME_DATE.exec(text);
  if (m) return toEpoch(m[6], m[1], m[2], m[3], m[4], m[5]);
  return undefined;
}

function toEpoch(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | undefined {
  const y = Number(year);
  const mo = MONTHS.indexOf(month ?? '');
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 0 || h > 23 || mi > 59 || s > 60) return undefined;
  // Rejects impossible days such as 31 Feb, which Date.UTC would silently roll over.
  const day0 = new Date(Date.UTC(y, mo, d));
  if (day0.getUTCFullYear() !== y || day0.getUTCMonth() !== mo || day0.getUTCDate() !== d) return undefined;
  return Date.UTC(y, mo, d, h, mi, s);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to release.
  }
}
