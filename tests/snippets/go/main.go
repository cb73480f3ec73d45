// A command-line driver for snippets/retry/retry.go, built by tests/snippets/retry-snippets.test.ts
// next to a copy of the snippet (package retry) and run against its scripted local server.
// Prints the final status code; exits 0 on 2xx, 1 otherwise (errors go to stderr).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"snippettest/retry"
)

type headers []string

func (h *headers) String() string     { return strings.Join(*h, ", ") }
func (h *headers) Set(v string) error { *h = append(*h, v); return nil }

func main() {
	method := flag.String("method", "GET", "request method")
	data := flag.String("data", "", "request body")
	var hdrs headers
	flag.Var(&hdrs, "header", "'Name: value', repeatable")
	var p retry.Policy
	flag.IntVar(&p.MaxAttempts, "max-attempts", 0, "attempts for 429, 502, 503 (0: the snippet's default)")
	flag.IntVar(&p.MaxAttemptsConditional, "max-attempts-conditional", 0, "attempts for 504, 500")
	flag.DurationVar(&p.BaseDelay, "base-delay", 0, "")
	flag.DurationVar(&p.MaxDelay, "max-delay", 0, "")
	flag.DurationVar(&p.MaxRetryAfter, "max-retry-after", 0, "")
	flag.DurationVar(&p.AttemptTimeout, "attempt-timeout", 0, "")
	flag.BoolVar(&p.RetryOn500, "retry-500", false, "")
	deadline := flag.Duration("deadline", 30*time.Second, "overall deadline")
	flag.Parse()

	ctx, cancel := context.WithTimeout(context.Background(), *deadline)
	defer cancel()
	var body *bytes.Reader
	if *data != "" {
		body = bytes.NewReader([]byte(*data))
	}
	var req *http.Request
	var err error
	if body != nil {
		req, err = http.NewRequestWithContext(ctx, *method, flag.Arg(0), body)
	} else {
		req, err = http.NewRequestWithContext(ctx, *method, flag.Arg(0), nil)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, line := range hdrs {
		name, value, _ := strings.Cut(line, ":")
		req.Header.Set(strings.TrimSpace(name), strings.TrimSpace(value))
	}

	resp, err := retry.Do(http.DefaultClient, req, p)
	if err != nil {
		var tooLong *retry.RetryAfterTooLongError
		if errors.As(err, &tooLong) {
			fmt.Fprintln(os.Stderr, "retry-after too long:", err)
		} else {
			fmt.Fprintln(os.Stderr, "request failed:", err)
		}
		os.Exit(1)
	}
	defer resp.Body.Close()
	fmt.Println(resp.StatusCode)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		os.Exit(1)
	}
}
