#!/bin/sh
# curl's built-in retries, used safely. Usage: retry.sh URL [ORDER_JSON_FILE]
#
# What curl's --retry N does (curl docs, cmdline-opts/retry.md):
# - retries up to N times on "transient" errors only: a timeout, an FTP 4xx, or an HTTP
#   408, 429, 500, 502, 503 or 504 response;
# - waits 1 s, then doubles the wait up to 10 minutes (no jitter); --retry-delay S replaces that
#   with a fixed S seconds;
# - uses the server's Retry-After as the wait when there is one (curl 7.66.0 and later);
# - --retry-max-time S: no new retry once S seconds have passed since the first attempt (an
#   attempt already running may go on; bound each attempt with --max-time);
# - it does not look at the method: a POST is retried like a GET. Only retry a POST that carries
#   an Idempotency-Key the server deduplicates on.
# --retry-connrefused (7.52.0) adds "connection refused" to the transient errors; nothing was sent,
# so it is safe to add, and the first example does.
# To avoid by default: --retry-all-errors (7.71.0) retries every failure, 4xx included with --fail,
# and can duplicate data (curl's docs call it the "sledgehammer").
set -eu

url="${1:?usage: retry.sh URL [ORDER_JSON_FILE]}"

# 1. An idempotent GET: up to 2 retries (3 attempts in all, as in the site's other snippets), 20 s
#    per attempt, no new attempt after 60 s.
#    Prints the final status code; exits non-zero on an HTTP error (--fail) or a network error.
curl --silent --show-error --fail --output /dev/null --write-out '%{http_code}\n' \
  --retry 2 --retry-connrefused --retry-max-time 60 --max-time 20 --connect-timeout 5 \
  "$url"

# 2. A POST, retried only because it carries an idempotency key: generate the key once per
#    operation and reuse it on every retry (the IETF draft sends it as a quoted string).
if [ "${2:-}" != "" ]; then
  key="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"
  curl --silent --show-error --fail --output /dev/null --write-out '%{http_code}\n' \
    --retry 2 --retry-max-time 30 --max-time 10 --connect-timeout 5 \
    --header "Idempotency-Key: \"$key\"" \
    --header 'Content-Type: application/json' \
    --data-binary "@$2" \
    "$url"
fi
