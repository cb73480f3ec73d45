"""Retry transient HTTP failures safely, with the standard library only (Python 3.9+).

Policy (the same as fetch-retry.ts, and the attempt budgets of the site's "Should I retry?" tool):
- 429, 502 and 503 get up to max_attempts attempts in all (3). 504, and 500 with retry_on_500=True,
  get up to max_attempts_conditional (2): the server may have done the work, and a 500 is usually a
  bug that repeats. 500 only for idempotent methods: a server that honours Idempotency-Key replays
  the stored 500 anyway.
- Only idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9110 section 9.2.2) are
  retried, plus requests that carry an Idempotency-Key header. POST or PATCH without one: sent once.
- A network error or an attempt timeout is retried once, and only when it was the first attempt:
  RFC 9110 section 9.2.2 says not to retry a failed automatic retry.
- Never sooner than Retry-After asks (delay-seconds or HTTP-date, RFC 9110 section 10.2.3): the
  wait is the larger of Retry-After and the backoff. When Retry-After asks for more than
  max_retry_after, or for more than the time left before the deadline, RetryAfterTooLong is raised
  (with the response) instead of retrying early. Without Retry-After: exponential backoff with full
  jitter, retry n waits random(0, min(max_delay, base_delay * 2 ** (n - 1))).
- One overall deadline (seconds) for every attempt and wait. A backoff that would end after it is
  not started: the last response is returned (or the last error raised) at once.
- attempt_timeout (capped at the time left) bounds each wait for the server: urllib applies it to
  connecting and to each read on the socket, not to the attempt as a whole, so a server that
  trickles bytes can stretch one attempt past it, and past the deadline.
- Discarded responses are read and closed.

fetch_with_retry returns the final response whatever its status (an http.client.HTTPResponse, or
a urllib.error.HTTPError for 4xx/5xx, which has the same .status, .headers and .read()). Close it.

CLI: python3 retry.py URL [--method POST --data '{}' --header 'Idempotency-Key: ...']
prints the final status code and exits 0 on 2xx, 1 otherwise.
"""

import argparse
import http.client
import random as _random
import re
import math
import sys
import time
import urllib.error
import urllib.request
from calendar import timegm

IDEMPOTENT_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"}
RETRY_STATUSES = {429, 502, 503}  # up to max_attempts
MAX_ATTEMPTS = 3
MAX_ATTEMPTS_CONDITIONAL = 2  # 504, and 500 when asked


class RetryAfterTooLong(Exception):
    """The server asked, with Retry-After, for a longer wait than this call can afford."""

    def __init__(self, response, retry_after, limit):
        super().__init__(
            "%d: the server asks to wait %d s (Retry-After), longer than this call can wait (%d s); "
            "not retrying early" % (response.status, math.ceil(retry_after), limit)
        )
        self.response = response  # unread: its body and headers are the caller's to read and close
        self.retry_after = retry_after
        self.limit = limit


def fetch_with_retry(
    url,
    method="GET",
    data=None,
    headers=None,
    *,
    max_attempts=MAX_ATTEMPTS,
    max_attempts_conditional=MAX_ATTEMPTS_CONDITIONAL,
    base_delay=0.2,
    max_delay=10.0,
    max_retry_after=30.0,
    attempt_timeout=10.0,
    deadline=30.0,
    retry_on_500=False,
    sleep=time.sleep,
    random=_random.random,
):
    method = method.upper()
    headers = dict(headers or {})
    idempotent = method in IDEMPOTENT_METHODS
    has_key = any(name.lower() == "idempotency-key" for name in headers)
    # Only a bytes body can be sent again; a file or an iterator is consumed by the first attempt.
    replayable = data is None or isinstance(data, (bytes, bytearray))
    may_retry = (idempotent or has_key) and replayable
    deadline_at = time.monotonic() + deadline

    def backoff(attempt):
        return random() * min(max_delay, base_delay * 2 ** (attempt - 1))

    def attempts_for(status):
        if status in RETRY_STATUSES:
            return max_attempts
        if status == 504 or (status == 500 and retry_on_500 and idempotent):
            return max_attempts_conditional
        return 1

    attempt = 0
    while True:
        attempt += 1
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline reached before attempt %d" % attempt)
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            response = urllib.request.urlopen(request, timeout=min(attempt_timeout, remaining))
        except urllib.error.HTTPError as error:
            response = error  # a 4xx/5xx answer: same interface as a response
        except (urllib.error.URLError, http.client.HTTPException, OSError):
            # No response: refused, reset, timed out, DNS failure... Retried only after a first attempt.
            delay = backoff(attempt)
            if not may_retry or attempt > 1 or max_attempts < 2 or time.monotonic() + delay >= deadline_at:
                raise
            sleep(delay)
            continue

        if not may_retry or attempt >= attempts_for(response.status):
            return response

        delay = backoff(attempt)
        # Compute an HTTP-date against the server's own clock (its Date header) to cancel skew.
        server_now = _parse_http_date(response.headers.get("Date") or "", time.time())
        retry_after = parse_retry_after(response.headers.get("Retry-After"), server_now)
        if retry_after is not None:
            limit = min(max_retry_after, deadline_at - time.monotonic())
            if retry_after > limit:
                raise RetryAfterTooLong(response, retry_after, max(0.0, limit))
            delay = max(retry_after, delay)
        if time.monotonic() + delay >= deadline_at:
            return response
        _discard(response)
        sleep(delay)


def parse_retry_after(value, now=None):
    """Parses a Retry-After value into seconds to wait, or None.

    Accepts delay-seconds ("120") and the three HTTP-date formats of RFC 9110 section 5.6.7.
    A date in the past gives 0. Empty, negative, fractional or malformed values give None.
    """
    if value is None:
        return None
    text = value.strip()
    if re.fullmatch(r"[0-9]+", text):
        return float(int(text))
    now = time.time() if now is None else now
    date = _parse_http_date(text, now)
    if date is None:
        return None
    return max(0.0, date - now)


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_TIME = r"([0-9]{2}):([0-9]{2}):([0-9]{2})"
# Sun, 06 Nov 1994 08:49:37 GMT
_IMF_FIXDATE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) %s ([0-9]{4}) %s GMT" % (_MONTH, _TIME))
# Sunday, 06-Nov-94 08:49:37 GMT
_RFC850_DATE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ([0-9]{2})-%s-([0-9]{2}) %s GMT"
    % (_MONTH, _TIME)
)
# Sun Nov  6 08:49:37 1994
_ASCTIME_DATE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) %s ( [0-9]|[0-9]{2}) %s ([0-9]{4})" % (_MONTH, _TIME))


def _parse_http_date(text, now):
    """Parses an HTTP-date into a Unix timestamp (seconds), or None."""
    m = _IMF_FIXDATE.fullmatch(text)
    if m:
        day, month, year, hour, minute, second = m.groups()
        return _to_timestamp(int(year), month, day, hour, minute, second)
    m = _RFC850_DATE.fullmatch(text)
    if m:
        day, month, yy, hour, minute, second = m.groups()
        # Two-digit year: the latest year with those digits that is at most 50 years ahead; one
        # further ahead means the most recent past year with them (RFC 9110 section 5.6.7).
        this_year = time.gmtime(now).tm_year
        year = this_year - this_year % 100 + int(yy)
        if year > this_year + 50:
            year -= 100
        elif year + 100 <= this_year + 50:
            year += 100
        return _to_timestamp(year, month, day, hour, minute, second)
    m = _ASCTIME_DATE.fullmatch(text)
    if m:
        month, day, hour, minute, second, year = m.groups()
        return _to_timestamp(int(year), month, day, hour, minute, second)
    return None


def _to_timestamp(year, month, day, hour, minute, second):
    mo = _MONTHS.index(month) + 1
    d, h, mi, s = int(day), int(hour), int(minute), int(second)
    if h > 23 or mi > 59 or s > 60 or d < 1:
        return None
    days_in_month = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
    if d > days_in_month:
        return None
    return float(timegm((year, mo, d, h, mi, s, 0, 0, 0)))


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _discard(response):
    try:
        response.read()
    except (OSError, http.client.HTTPException):
        pass
    finally:
        response.close()


def _main(argv=None):
    parser = argparse.ArgumentParser(description="Fetch URL, retrying transient failures safely.")
    parser.add_argument("url")
    parser.add_argument("--method", default="GET")
    parser.add_argument("--data", help="request body (sent as UTF-8)")
    parser.add_argument("--header", action="append", default=[], help="'Name: value', repeatable")
    parser.add_argument("--max-attempts", type=int, default=MAX_ATTEMPTS, help="for 429, 502, 503")
    parser.add_argument("--max-attempts-conditional", type=int, default=MAX_ATTEMPTS_CONDITIONAL, help="for 504, 500")
    parser.add_argument("--base-delay", type=float, default=0.2, help="seconds")
    parser.add_argument("--max-delay", type=float, default=10.0, help="seconds")
    parser.add_argument("--max-retry-after", type=float, default=30.0, help="seconds")
    parser.add_argument("--attempt-timeout", type=float, default=10.0, help="seconds, each attempt")
    parser.add_argument("--deadline", type=float, default=30.0, help="seconds, all attempts together")
    parser.add_argument("--retry-500", action="store_true", help="also retry 500 (idempotent methods only)")
    args = parser.parse_args(argv)

    headers = {}
    for line in args.header:
        name, sep, value = line.partition(":")
        if not sep:
            parser.error("--header needs 'Name: value', got %r" % line)
        headers[name.strip()] = value.strip()
    data = args.data.encode("utf-8") if args.data is not None else None

    try:
        response = fetch_with_retry(
            args.url,
            args.method,
            data,
            headers,
            max_attempts=args.max_attempts,
            max_attempts_conditional=args.max_attempts_conditional,
            base_delay=args.base_delay,
            max_delay=args.max_delay,
            max_retry_after=args.max_retry_after,
            attempt_timeout=args.attempt_timeout,
            deadline=args.deadline,
            retry_on_500=args.retry_500,
        )
    except RetryAfterTooLong as error:
        error.response.close()
        print(error, file=sys.stderr)
        return 1
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        print("request failed: %s" % error, file=sys.stderr)
        return 1
    with response:
        print(response.status)
        return 0 if 200 <= response.status < 300 else 1


if __name__ == "__main__":
    sys.exit(_main())
