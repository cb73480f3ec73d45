// Package retry sends an HTTP request with net/http and retries transient failures safely.
//
// Policy (the same as fetch-retry.ts, and the attempt budgets of the site's "Should I retry?" tool):
//   - 429, 502 and 503 get up to MaxAttempts attempts in all (3). 504, and 500 with RetryOn500, get
//     up to MaxAttemptsConditional (2). 500 only for idempotent methods.
//   - Only idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9110 §9.2.2) are
//     retried, plus requests that carry an Idempotency-Key header. A request with a body must be
//     replayable: http.NewRequest sets GetBody for *bytes.Reader, *bytes.Buffer and *strings.Reader.
//   - A transport error, or an attempt with no response headers within AttemptTimeout, is retried
//     once, and only when it was the first attempt (RFC 9110 §9.2.2: no retry of a failed automatic
//     retry). Certificate errors, an unsupported scheme and redirect loops are not retried.
//   - Never sooner than Retry-After asks (RFC 9110 §10.2.3): the wait is the larger of Retry-After
//     and the backoff. When Retry-After asks for more than MaxRetryAfter, or for more than is left
//     before the context's deadline, Do returns a *RetryAfterTooLongError instead of retrying early.
//     Without Retry-After: exponential backoff with full jitter.
//   - The context's deadline is the overall deadline: a backoff that would end after it is not
//     started, and the last response is returned.
//   - Discarded response bodies are drained (a little) and closed, so connections are reused.
//
// Standard library only. Go 1.20 or newer seeds math/rand itself; on older Go, call rand.Seed.
package retry

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Policy configures Do. The zero value is usable: see the defaults in Do.
type Policy struct {
	MaxAttempts            int           // attempts in all for 429, 502, 503 (default 3)
	MaxAttemptsConditional int           // attempts in all for 504, and 500 with RetryOn500 (default 2)
	BaseDelay              time.Duration // first backoff ceiling (default 200ms)
	MaxDelay               time.Duration // cap on one backoff wait (default 10s)
	MaxRetryAfter          time.Duration // longest Retry-After to wait for (default 30s)
	AttemptTimeout         time.Duration // how long one attempt may wait for response headers (default 10s)
	RetryOn500             bool          // also retry 500, idempotent methods only
}

// RetryAfterTooLongError reports a Retry-After longer than the caller can afford. The response's
// body has been closed; its status and headers are kept.
type RetryAfterTooLongError struct {
	StatusCode int
	Header     http.Header
	RetryAfter time.Duration // what the server asked for
	Limit      time.Duration // MaxRetryAfter, or the time left before the deadline
}

func (e *RetryAfterTooLongError) Error() string {
	return fmt.Sprintf("%d: the server asks to wait %s (Retry-After), longer than this call can wait (%s); not retrying early",
		e.StatusCode, e.RetryAfter.Round(time.Second), e.Limit.Round(time.Second))
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
	if p.MaxAttemptsConditional < 1 {
		p.MaxAttemptsConditional = 2
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
	if p.AttemptTimeout <= 0 {
		p.AttemptTimeout = 10 * time.Second
	}

	ctx := req.Context()
	idempotent := idempotentMethods[req.Method]
	hasKey := req.Header.Get("Idempotency-Key") != ""
	replayable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	mayRetry := (idempotent || hasKey) && replayable
	attemptsFor := func(status int) int {
		switch {
		case status == http.StatusTooManyRequests || status == http.StatusBadGateway || status == http.StatusServiceUnavailable:
			return p.MaxAttempts
		case status == http.StatusGatewayTimeout || (status == http.StatusInternalServerError && p.RetryOn500 && idempotent):
			return p.MaxAttemptsConditional
		}
		return 1
	}

	for attempt := 1; ; attempt++ {
		// Each attempt gets its own cancel: a timer fires it if no headers arrive in time; after that,
		// closing the returned body fires it, so the caller can read the body under ctx alone.
		attemptCtx, cancel := context.WithCancel(ctx)
		timedOut := make(chan struct{})
		timer := time.AfterFunc(p.AttemptTimeout, func() { close(timedOut); cancel() })
		attemptReq := req.Clone(attemptCtx)
		if attempt > 1 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				cancel()
				return nil, err
			}
			attemptReq.Body = body
		}

		resp, err := client.Do(attemptReq)
		stopped := timer.Stop()
		if err != nil {
			cancel()
			// Deadline reached or caller cancelled: never retry.
			if ctx.Err() != nil {
				return nil, err
			}
			if !stopped {
				<-timedOut
				err = fmt.Errorf("attempt %d: no response within %s: %w", attempt, p.AttemptTimeout, err)
			}
			delay := backoff(p, attempt)
			if !mayRetry || attempt > 1 || p.MaxAttempts < 2 || permanent(err) || pastDeadline(ctx, delay) {
				return nil, err
			}
			if sleepErr := sleep(ctx, delay); sleepErr != nil {
				return nil, err
			}
			continue
		}
		resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}

		if !mayRetry || attempt >= attemptsFor(resp.StatusCode) {
			return resp, nil
		}

		delay := backoff(p, attempt)
		if wait, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), serverNow(resp)); ok {
			limit := p.MaxRetryAfter
			if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < limit {
				limit = time.Until(deadline)
			}
			if wait > limit {
				drain(resp)
				return nil, &RetryAfterTooLongError{StatusCode: resp.StatusCode, Header: resp.Header, RetryAfter: wait, Limit: limit}
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
			return 1<<63 - 1, true // absurdly large: longer than any limit
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

// permanent reports transport errors that fail the same way every time.
func permanent(err error) bool {
	var unknownAuthority x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var hostname x509.HostnameError
	if errors.As(err, &unknownAuthority) || errors.As(err, &invalid) || errors.As(err, &hostname) {
		return true
	}
	text := err.Error()
	return strings.Contains(text, "unsupported protocol scheme") || strings.Contains(text, "stopped after")
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

// cancelOnClose releases an attempt's context when its response body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// drain reads a little of a discarded body, so the connection can go back to the pool, and
// closes it.
func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}
