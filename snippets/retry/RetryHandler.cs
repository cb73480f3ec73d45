// Safe retries for HttpClient with Microsoft.Extensions.Http.Resilience (Polly v8 underneath).
//   dotnet add package Microsoft.Extensions.Http.Resilience
//
// The standard handler retries, by default, every response >= 500 plus 408 and 429, and
// HttpRequestException and timeouts, for EVERY method, POST included. Pick one of the two setups.
// Not run in this site's CI (the NuGet packages cannot be fetched there): reviewed against the
// Polly and Microsoft.Extensions.Http.Resilience source, not executed.
//
// Registration, e.g. in Program.cs:
//   builder.Services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://api.example.com/"))
//       .AddIdempotentOnlyRetries();        // or .AddSafeRetries()

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

// DisableForUnsafeHttpMethods and GetRequestMessage are marked experimental (EXTEXP0001).
#pragma warning disable EXTEXP0001

public static class RetryHandlerSetup
{
    // Setup 1: the standard handler, with retries switched off for POST, PATCH, PUT, DELETE and
    // CONNECT. Note that this also stops retries of PUT and DELETE, which are idempotent.
    public static IHttpClientBuilder AddIdempotentOnlyRetries(this IHttpClientBuilder builder)
    {
        builder.AddStandardResilienceHandler(options =>
        {
            options.Retry.DisableForUnsafeHttpMethods();
        });
        return builder;
    }

    // Setup 2: explicit policy, the same as the site's other snippets. Retries 429, 502 and 503 up
    // to 3 attempts in all, 504 up to 2, and a connection failure or attempt timeout once, for
    // idempotent methods and for requests that carry an Idempotency-Key. Never sooner than
    // Retry-After asks; a Retry-After above MaxRetryAfter is not retried: the response comes back
    // to the caller with its Retry-After, to report or queue. The total timeout is larger than
    // every attempt and wait together, so it never cuts a wait short and turns a 503 into an
    // exception.
    private static readonly HashSet<HttpMethod> Idempotent = new()
    {
        HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Trace, HttpMethod.Put, HttpMethod.Delete,
    };

    private const int MaxAttempts = 3;             // 429, 502, 503
    private const int MaxAttemptsConditional = 2;  // 504
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    public static IHttpClientBuilder AddSafeRetries(this IHttpClientBuilder builder)
    {
        builder.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = AttemptTimeout;
            // 3 attempts of 10 s and 2 waits of at most 10 s: 50 s. The total timeout sits above that.
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);

            HttpRetryStrategyOptions retry = options.Retry;
            retry.MaxRetryAttempts = MaxAttempts - 1;    // retries, not attempts
            retry.BackoffType = DelayBackoffType.Exponential;
            retry.UseJitter = true;
            retry.Delay = BaseDelay;
            retry.MaxDelay = MaxDelay;                   // caps Polly's own backoff only
            retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args));
            retry.ShouldRetryAfterHeader = false;        // replaced by DelayGenerator below
            // Polly uses this delay instead of its own backoff, so it returns the larger of the two.
            retry.DelayGenerator = args => ValueTask.FromResult(RetryAfterOrBackoff(args.Outcome.Result, args.AttemptNumber));
        });
        return builder;
    }

    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        // The request is on the response, or, after an exception, in the resilience context.
        HttpRequestMessage? request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
        if (request is null)
        {
            return false;
        }

        bool replayable = Idempotent.Contains(request.Method) || request.Headers.Contains("Idempotency-Key");
        if (!replayable)
        {
            return false;
        }

        // AttemptNumber counts from 0: 0 is the first attempt. A failed automatic retry is not
        // retried again (RFC 9110 §9.2.2), so a connection failure or timeout only after attempt 0.
        if (args.Outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return args.AttemptNumber == 0;
        }

        HttpResponseMessage? response = args.Outcome.Result;
        int budget = response?.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable => MaxAttempts,
            HttpStatusCode.GatewayTimeout => MaxAttemptsConditional,
            _ => 1,
        };
        if (args.AttemptNumber + 1 >= budget)
        {
            return false;
        }

        // A longer wait than we can afford: stop, and let the caller see the response and its Retry-After.
        return RetryAfter(response) is not TimeSpan wait || wait <= MaxRetryAfter;
    }

    // Retry-After as a delay or an HTTP-date, measured against the server's Date header.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            DateTimeOffset now = response!.Headers.Date ?? DateTimeOffset.UtcNow;
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    // The wait before the next attempt: never shorter than Retry-After, never shorter than a
    // full-jitter backoff, random in [0, min(MaxDelay, BaseDelay * 2^attempt)).
    private static TimeSpan? RetryAfterOrBackoff(HttpResponseMessage? response, int attemptNumber)
    {
        double ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attemptNumber));
        TimeSpan backoff = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
        return RetryAfter(response) is TimeSpan wait && wait > backoff ? wait : backoff;
    }
}
