// Package retry sends an HTTP request with net/http and retries transient failures safely.
//
// Policy (the same as fetch-retry.ts):
//   - Retries 429, 502, 503 and 504 and transport errors. 500 only with Policy.RetryOn500, and
//     only for idempotent methods.
//   - Only idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9110 §9.2.2) are
//     retried, plus requests that carry an Idempotency-Key header. A request with a body must be
//     replayable: http.NewRequest sets GetBody for *bytes.Reader, *bytes.Buffer and *strings.Reader.
//   - The wait honours Retry-After (RFC 9110 §10.2.3), capped at MaxRetryAfter; otherwise
//     exponential backoff with full jitter.
//   - The context's deadline is the overall deadline: a wait that would end after it is not started.
//   - Discarded response bodies are drained (a little) and closed, so connections are reused.
//
// Go 1.20 or newer (math/rand seeds itself).
package retry

import (
	"context"
	"io"
	"math/rand"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Policy configures Do. The zero value is usable: see the defaults in Do.
type Policy struct {
	MaxAttempts   int           // attempts in total, the first included (default 3)
	BaseDelay     time.Duration // first backoff ceiling (default 200ms)
	MaxDelay      time.Duration // cap on one backoff wait (default 10s)
	MaxRetryAfter time.Duration // cap on a Retry-After wait (default 30s)
	RetryOn500    bool          // also retry 500, idempotent methods only
}

var idempotentMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodOptions: true,
	http.MethodTrace: true, http.MethodPut: true, http.MethodDelete: true,
}

// Do sends req with client and retries it according to p. Give req a context with a deadline
// (context.WithTimeout): it bounds every attempt and every wait. The returned response, whatever
// its status, is the caller's to close.
func Do(client *http.Client, req *http.Request, p Policy) (*http.Response, error) {
	if p.MaxAttempts < 1 {
		p.MaxAttempts = 3
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = 200 * time.Millisecond
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = 10 * time.Second
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = 30 * time.Second
	}

	ctx := req.Context()
	idempotent := idempotentMethods[req.Method]
	hasKey := req.Header.Get("Idempotency-Key") != ""
	replayable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	mayRetry := (idempotent || hasKey) && replayable

	for attempt := 1; ; attempt++ {
		attemptReq := req
		if attempt > 1 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			attemptReq = req.Clone(ctx)
			attemptReq.Body = body
		}

		resp, err := client.Do(attemptReq)
		if err != nil {
			// Deadline reached or caller cancelled: never retry.
			if ctx.Err() != nil {
				return nil, err
			}
			delay := backoff(p, attempt)
			if !mayRetry || attempt >= p.MaxAttempts || pastDeadline(ctx, delay) {
				return nil, err
			}
			if sleepErr := sleep(ctx, delay); sleepErr != nil {
				return nil, err
			}
			continue
		}

		retryable := resp.StatusCode == http.StatusTooManyRequests ||
			resp.StatusCode == http.StatusBadGateway ||
			resp.StatusCode == http.StatusServiceUnavailable ||
			resp.StatusCode == http.StatusGatewayTimeout ||
			(resp.StatusCode == http.StatusInternalServerError && p.RetryOn500 && idempotent)
		if !retryable || !mayRetry || attempt >= p.MaxAttempts {
			return resp, nil
		}

		delay := backoff(p, attempt)
		if wait, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), serverNow(resp)); ok {
			if wait > p.MaxRetryAfter {
				wait = p.MaxRetryAfter
			}
			if wait > delay {
				delay = wait
			}
		}
		if pastDeadline(ctx, delay) {
			return resp, nil // waiting would outlive the deadline: report what we have
		}
		drain(resp)
		if err := sleep(ctx, delay); err != nil {
			return nil, err
		}
	}
}

// ParseRetryAfter reads a Retry-After value: delay-seconds or an HTTP-date in any of the three
// formats of RFC 9110 §5.6.7 (http.ParseTime accepts all three). A past date gives 0.
func ParseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if strings.Trim(value, "0123456789") == "" {
		seconds, err := strconv.ParseInt(value, 10, 64)
		if err != nil || seconds > int64(time.Duration(1<<63-1)/time.Second) {
			return 1<<63 - 1, true // absurdly large: the caller's cap applies
		}
		return time.Duration(seconds) * time.Second, true
	}
	date, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	if wait := date.Sub(now); wait > 0 {
		return wait, true
	}
	return 0, true
}

// serverNow is the server's clock from its Date header, so that an HTTP-date in Retry-After is
// measured against the clock that wrote it; the local clock otherwise.
func serverNow(resp *http.Response) time.Time {
	if date, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		return date
	}
	return time.Now()
}

// backoff is exponential backoff with full jitter: random in [0, min(MaxDelay, BaseDelay*2^(n-1))).
func backoff(p Policy, attempt int) time.Duration {
	ceiling := p.MaxDelay
	if attempt-1 < 32 {
		if d := p.BaseDelay << uint(attempt-1); d > 0 && d < ceiling {
			ceiling = d
		}
	}
	if ceiling <= 0 {
		return 0
	}
	return time.Duration(rand.Int63n(int64(ceiling)))
}

// pastDeadline reports whether a wait of d would end after the context's deadline.
func pastDeadline(ctx context.Context, d time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return ok && !time.Now().Add(d).Before(deadline)
}

func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// drain reads a little of a discarded body, so the connection can go back to the pool, and
// closes it.
func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}
