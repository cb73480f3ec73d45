// Safe retries for HttpClient with Microsoft.Extensions.Http.Resilience (Polly v8 underneath).
//   dotnet add package Microsoft.Extensions.Http.Resilience
//
// The standard handler retries, by default, every response >= 500 plus 408 and 429, and
// HttpRequestException and timeouts, for EVERY method, POST included. Pick one of the two setups.
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

    // Setup 2: explicit policy. Retries 429/502/503/504, connection failures and attempt timeouts,
    // for idempotent methods and for requests that carry an Idempotency-Key; honours Retry-After
    // up to a cap; everything inside one 30 s budget.
    private static readonly HashSet<HttpMethod> Idempotent = new()
    {
        HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Trace, HttpMethod.Put, HttpMethod.Delete,
    };

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(20);

    public static IHttpClientBuilder AddSafeRetries(this IHttpClientBuilder builder)
    {
        builder.AddStandardResilienceHandler(options =>
        {
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30); // the overall deadline
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);

            HttpRetryStrategyOptions retry = options.Retry;
            retry.MaxRetryAttempts = 2;                          // 3 attempts in total
            retry.BackoffType = DelayBackoffType.Exponential;
            retry.UseJitter = true;
            retry.Delay = TimeSpan.FromMilliseconds(200);
            retry.MaxDelay = TimeSpan.FromSeconds(10);           // caps the backoff, not Retry-After
            retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args));
            retry.ShouldRetryAfterHeader = false;                // replaced by the capped version below
            retry.DelayGenerator = args => ValueTask.FromResult(CappedRetryAfter(args.Outcome.Result));
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

        if (args.Outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }

        return args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;
    }

    // Retry-After as a delay or an HTTP-date, measured against the server's Date header, capped.
    // Returning null lets the strategy use its own jittered exponential delay.
    private static TimeSpan? CappedRetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        TimeSpan? wait = retryAfter.Delta;
        if (wait is null && retryAfter.Date is DateTimeOffset date)
        {
            DateTimeOffset now = response!.Headers.Date ?? DateTimeOffset.UtcNow;
            wait = date > now ? date - now : TimeSpan.Zero;
        }

        if (wait is null)
        {
            return null;
        }

        return wait.Value > MaxRetryAfter ? MaxRetryAfter : wait.Value;
    }
}
