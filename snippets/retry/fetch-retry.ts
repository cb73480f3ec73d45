// fetchWithRetry: retry transient HTTP failures with the global fetch. Node 22.18+, Deno and Bun
// run this file as it is; for browsers, strip the types.
//
// Policy:
// - Retries 429, 502, 503 and 504 responses and network errors (fetch rejecting). 500 only when
//   `retryOn500` is set, and only for idempotent methods: a 500 is usually a bug that repeats, and a
//   server that honours Idempotency-Key replays the stored 500 anyway.
// - Only idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9110 §9.2.2) are retried,
//   plus requests that carry an Idempotency-Key header (the server deduplicates them). A POST or
//   PATCH without a key is sent once.
// - The wait honours Retry-After (delay-seconds or HTTP-date, RFC 9110 §10.2.3), capped at
//   maxRetryAfterMs, and is never shorter than the backoff: exponential with full jitter, retry n
//   waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))).
// - At most maxAttempts attempts, all within one overall deadline (timeoutMs) that also cancels a
//   request in flight. A wait that would end after the deadline is not started: the last response
//   is returned (or the last error thrown) at once. The deadline also covers reading the body of
//   the response you get back. init.signal aborts everything.
// - The body of every discarded response is cancelled, so the connection can be released.
//
// The final response is returned whatever its status: check response.ok as usual.
// Type stripping friendly (no enums, namespaces or parameter properties), no imports.

export interface RetryOptions {
  /** Attempts in total, the first one included. Default 3. */
  maxAttempts?: number;
  /** Backoff base: the first retry waits a random time in [0, baseDelayMs). Default 200 ms. */
  baseDelayMs?: number;
  /** Upper bound of one backoff wait. Default 10 000 ms. */
  maxDelayMs?: number;
  /** Upper bound of a wait asked for by Retry-After. Default 30 000 ms. */
  maxRetryAfterMs?: number;
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
  /** The network error that is being retried, when there was no response. */
  error?: unknown;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export async function fetchWithRetry(
  url: string | URL,
  init: RequestInit = {},
  options: RetryOptions = {},
): Promise<Response> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const random = options.random ?? Math.random;

  const method = (init.method ?? 'GET').toUpperCase();
  const idempotent = IDEMPOTENT_METHODS.has(method);
  const hasKey = new Headers(init.headers).has('Idempotency-Key');
  // A stream can be read once only, so a request that streams its body cannot be sent again.
  const replayable = !(init.body instanceof ReadableStream);
  const mayRetry = (idempotent || hasKey) && replayable;

  const deadline = Date.now() + timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;

  const backoff = (attempt: number): number =>
    random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));

  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal });
    } catch (error) {
      // Deadline reached or caller aborted: never retry, report why.
      if (signal.aborted) throw signal.reason;
      if (!mayRetry || attempt >= maxAttempts) throw error;
      const delayMs = backoff(attempt);
      if (Date.now() + delayMs >= deadline) throw error;
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal);
      continue;
    }

    const retryable =
      RETRY_STATUSES.has(response.status) ||
      (response.status === 500 && options.retryOn500 === true && idempotent);
    if (!retryable || !mayRetry || attempt >= maxAttempts) return response;

    // Compute an HTTP-date against the server's own clock (its Date header) to cancel clock skew.
    const serverNow = parseHttpDate(response.headers.get('Date') ?? '', Date.now());
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), serverNow ?? Date.now());
    const delayMs =
      retryAfterMs === undefined
        ? backoff(attempt)
        : Math.max(Math.min(retryAfterMs, maxRetryAfterMs), backoff(attempt));
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
    // Two-digit year: a date more than 50 years ahead means the most recent past year with those
    // two digits (RFC 9110 §5.6.7).
    const thisYear = new Date(now).getUTCFullYear();
    let year = thisYear - (thisYear % 100) + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
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
