// Load shedding for a Node http server: past maxInFlight concurrent requests, or while in
// maintenance, answer 503 with Retry-After at once, before doing any work, and a small
// RFC 9457 problem body. Unexpected errors become a 500 problem that names no internals.
// When this wrapper runs in a gateway in front of other servers, set `proxyName`: the responses it
// makes up then say so in an RFC 9209 Proxy-Status header. An origin server must not send one.
// Run the demo: node server-503.ts (Node 22.18+ strips the types), then e.g.
//   for i in $(seq 20); do curl -s -o /dev/null -w '%{http_code}\n' localhost:8080/ & done
import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface SheddingOptions {
  /** Requests handled at once; the next one gets a 503. */
  maxInFlight: number;
  /** Base Retry-After, in seconds. */
  retryAfterSeconds: number;
  /** Up to this many seconds are added at random, so shed clients do not all return together. */
  retryAfterSpreadSeconds?: number;
  /** Return true to answer every request with 503 (planned maintenance). */
  inMaintenance?: () => boolean;
  /**
   * Only in a gateway or proxy: its name in Proxy-Status (RFC 9209 §2), a service or host name such
   * as "api-gw.example.net", never a product name. Leave it out in an origin server.
   */
  proxyName?: string;
}

export function withLoadShedding(handler: Handler, options: SheddingOptions) {
  let inFlight = 0;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const maintenance = options.inMaintenance?.() === true;
    if (maintenance || inFlight >= options.maxInFlight) {
      const seconds = options.retryAfterSeconds + randomInt(0, (options.retryAfterSpreadSeconds ?? 0) + 1);
      const detail = maintenance
        ? `The service is down for maintenance. Try again in ${seconds} seconds.`
        : `The service is overloaded. Try again in ${seconds} seconds.`;
      // RFC 9209 §2.3: shedding is a limit on the work sent to the next hop; maintenance is an
      // answer made up without trying the next hop.
      const error = maintenance ? 'proxy_internal_response' : 'connection_limit_reached';
      sendProblem(res, 503, 'Service Unavailable', { detail }, {
        'Retry-After': String(seconds),
        ...proxyStatus(options.proxyName, error),
      });
      return;
    }
    inFlight++;
    // 'close' fires once the response is sent or the client goes away: either way the slot is free.
    res.once('close', () => inFlight--);
    handler(req, res).catch((error: unknown) => {
      const id = randomUUID();
      // The details stay in your logs, under an id the client can quote to support.
      console.error(`request ${id} failed:`, error);
      if (res.headersSent) res.destroy();
      else sendProblem(res, 500, 'Internal Server Error', { instance: `urn:uuid:${id}` }, proxyStatus(options.proxyName, 'proxy_internal_error'));
    });
  };
}

/**
 * A Proxy-Status field (RFC 9209 §2) naming this intermediary and the error type (§2.3), or nothing
 * when there is no proxy name. The name is a Structured Fields token when it can be one, else a
 * string (RFC 8941 §3.3.4, §3.3.3).
 */
function proxyStatus(name: string | undefined, error: string): Record<string, string> {
  if (name === undefined) return {};
  const member = /^[A-Za-z*][!#$%&'*+.^_`|~0-9A-Za-z:/-]*$/.test(name) ? name : `"${name.replace(/[\\"]/g, '\\$&')}"`;
  return { 'Proxy-Status': `${member}; error=${error}` };
}

function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  members: { detail?: string; instance?: string },
  headers: Record<string, string> = {},
): void {
  // "about:blank" says the status code is the whole story; title is then the status phrase
  // (RFC 9457 §4.2.1). No stack trace, exception text, host name or upstream address.
  const problem: Record<string, string | number> = { type: 'about:blank', title, status };
  if (members.detail !== undefined) problem.detail = members.detail;
  if (members.instance !== undefined) problem.instance = members.instance;
  const body = JSON.stringify(problem);
  res
    .writeHead(status, {
      ...headers,
      'Content-Type': 'application/problem+json',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    })
    .end(body);
}

// Demo: a handler that takes 200 ms, at most 4 at once.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const slow: Handler = async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  };
  const port = Number(process.env.PORT ?? 8080);
  createServer(withLoadShedding(slow, { maxInFlight: 4, retryAfterSeconds: 5, retryAfterSpreadSeconds: 5 })).listen(
    port,
    () => console.log(`listening on http://localhost:${port}/`),
  );
}
