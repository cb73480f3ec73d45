import { describe, expect, it } from 'vitest';
import { withoutRecognisedAliases } from '../../src/lib/messages/compact';
import { analyze, answers, createMatcher, recognise } from '../../src/lib/messages/match';
import type { CodeKey, MatcherData, MessageChecks, MessageDetails } from '../../src/lib/messages/matcher-data';
import { readPaste } from '../../src/lib/messages/paste';
import { words } from '../../src/lib/messages/tokens';

// A small catalogue written out by hand, so that every expectation below follows from it alone.
const code = (code: number, name: string, status: 'standard' | 'unofficial' = 'standard'): CodeKey => ({
  code,
  name,
  status,
  retry: 'yes',
  aliases: [],
  layers: [],
});
const DATA: MatcherData = {
  v: 1,
  emitters: [
    {
      name: 'nginx',
      layer: 'reverse-proxy',
      guide: 'nginx-reverse-proxy',
      t: [
        ['upstream timed out', 504],
        ['no live upstreams while connecting to upstream', 502],
      ],
      p: [['upstream timed out \\(\\d+: [^)]*\\) while reading response header from upstream', 504, 0]],
    },
    { name: 'Envoy', layer: 'service-mesh', t: [['no healthy upstream', 503]], p: [] },
    { name: 'Apache httpd', layer: 'reverse-proxy', t: [['AH01075: Error dispatching request to', [504, 503]]], p: [] },
    {
      name: 'API Gateway',
      layer: 'api-gateway',
      t: [
        ['Internal server error', [500, 502]],
        ['Malformed Lambda proxy response', 502],
      ],
      p: [],
    },
  ],
  f: ['typical-triggers'],
  fingerprints: [
    [1, 'server', '^envoy$'],
    [0, 'server', '^nginx'],
  ],
  codes: [
    code(500, 'Internal Server Error'),
    code(501, 'Not Implemented'),
    code(502, 'Bad Gateway'),
    code(503, 'Service Unavailable'),
    code(504, 'Gateway Timeout'),
    code(522, 'Connection Timed Out', 'unofficial'),
  ],
};
const DETAILS: MessageDetails = {
  v: 1,
  summaries: DATA.codes.map((entry) => `${entry.name}.`),
  messages: DATA.emitters.flatMap((emitter) => [...emitter.t, ...emitter.p]).map(([, codes], i) => ({
    m: `meaning ${i}`,
    w: Array.isArray(codes) ? codes.map((c) => `condition for ${c}`) : [],
  })),
  fingerprints: ['Envoy wrote it.', 'nginx wrote it.'],
};
// Emitter ids come with the checks module; messages keep their positions as ids here (#n).
const CHECKS: MessageChecks = {
  v: 1,
  emitters: ['nginx', 'envoy', 'apache', 'gateway'],
  ids: DATA.emitters.flatMap((emitter) => [...emitter.t, ...emitter.p].map((_, n) => `#${n}`)),
  checks: DATA.emitters.flatMap((emitter) => [...emitter.t, ...emitter.p]).map((_, i) => `check ${i}`),
};
const matcher = createMatcher(DATA, DETAILS, CHECKS);
const top = (text: string) => {
  const first = answers(analyze(text, matcher))[0];
  return first === undefined ? undefined : first.kind === 'message' ? `${first.hit.code} ${first.hit.message.key}` : `${first.code} stated`;
};

describe('words', () => {
  it('drops timestamps, addresses, ports, ids, URLs and paths, and keeps the message', () => {
    const line =
      '2024/03/05 10:12:41 [error] 31#31: *4077 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.5, server: _, request: "GET /api/v1/orders HTTP/1.1", upstream: "http://10.0.1.7:8080/api", host: "example.com" 3f2a9c1e-77aa-4b1e-9c0d-1a2b3c4d5e6f 8b1f3c2d9e0a1234';
    expect(words(line)).toEqual(
      'error upstream timed out 110 connection timed out while reading response header from upstream client server request get http 1 1 upstream host example com'.split(' '),
    );
  });

  it('keeps names that mix letters and digits once or twice, and drops ids that mix them at random', () => {
    expect(words('NonS3OriginDnsError HTTPCode_ELB_502_Count AH01102 x3k2nq7z9w4v8t1')).toEqual(['nons3origindnserror', 'httpcode_elb_502_count', 'ah01102']);
  });

  it('unwraps words in underscores (Markdown italics) but keeps underscores inside a word', () => {
    expect(words('_502 Bad Gateway_ upstream_reset_before_response_started')).toEqual(['502', 'bad', 'gateway', 'upstream_reset_before_response_started']);
  });
});

describe('readPaste', () => {
  const headers = new Set(['cf-ray']);

  it('reads a raw response: the status line, its headers and its body', () => {
    const paste = readPaste('HTTP/1.1 503 Service Unavailable\r\nServer: envoy\r\nContent-Length: 19\r\n\r\nno healthy upstream', headers);
    expect(paste.statuses).toEqual([503]);
    expect(paste.headers).toContainEqual({ name: 'server', value: 'envoy' });
    expect(paste.lines).toContain('no healthy upstream');
  });

  it('reads curl -v output, marked with "<"', () => {
    const paste = readPaste('> GET / HTTP/2\n< HTTP/2 502\n< server: cloudflare\n< cf-ray: 8b1f3c2d9e0a1234-SJC', headers);
    expect(paste.statuses).toEqual([502]);
    expect(paste.headers.map((header) => header.name)).toEqual(['server', 'cf-ray']);
  });

  it('counts a header that names an emitter even without a status line, and no other "name: value" line', () => {
    const paste = readPaste('Ray ID: 123\ncf-ray: 8b1f3c2d9e0a1234-SJC\nclient: 10.0.0.5', headers);
    expect(paste.headers).toEqual([{ name: 'cf-ray', value: '8b1f3c2d9e0a1234-SJC' }]);
  });

  it.each([
    ['"GET /api HTTP/1.1" 502 559 "-" "curl/8.0"', [502]],
    ['at=error code=H12 desc="Request timeout" method=GET status=503 bytes=0', [503]],
    ['Error 522 Ray ID: 8b1f3c2d9e0a1234', [522]],
    ['HTTP Error 500.30 - ASP.NET Core app failed to start', [500]],
    ['curl: (22) The requested URL returned error: 502', [502]],
    ['API Error (504 {"error":{"message":"timeout"}})', [504]],
    ['Error: Google API error - [503] The service is currently unavailable.', [503]],
    ['504 ERROR The request could not be satisfied.', [504]],
    ['502. That’s an error.', [502]],
    ['{"code": 502, "message": "An invalid response was received from the upstream server"}', [502]],
    ['Response time 512 ms, 200 OK', []],
  ])('finds the status stated in %s', (text, statuses) => {
    expect(readPaste(text, headers).statuses).toEqual(statuses);
  });

  it('takes the strings and statuses out of JSON, whole or one record per line', () => {
    const whole = readPaste('{\n  "type": "error",\n  "error": { "type": "overloaded_error", "message": "Overloaded" }\n}', headers);
    expect(whole.lines).toContain('type overloaded_error');
    const records = readPaste('{"level":"error","status":503,"msg":"no healthy upstream"}', headers);
    expect(records.statuses).toEqual([503]);
    expect(records.lines).toContain('msg no healthy upstream');
  });

  it('drops the tags of a pasted HTML page but keeps the page source for patterns', () => {
    const paste = readPaste('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>', headers);
    expect(paste.lines[0]).not.toContain('<');
    expect(paste.markup[0]).toContain('<center>');
  });

  it('keeps text in angle brackets that is not an HTML tag, such as a Ruby object in a log', () => {
    expect(readPaste('#<Puma::ThreadPool::ForceShutdown: shutdown>', headers).lines[0]).toContain('ForceShutdown');
  });
});

describe('analyze', () => {
  it('finds a literal message inside a noisy log line', () => {
    expect(top('2024/03/05 10:12:41 [error] 31#31: *9 no live upstreams while connecting to upstream, client: 10.0.0.5')).toBe('502 nginx/#1');
  });

  it('ranks the most specific message first and drops a shorter one it contains', () => {
    const analysis = analyze('upstream timed out (110: Connection timed out) while reading response header from upstream, client: 1.2.3.4', matcher);
    expect(analysis.hits.map((hit) => hit.message.key)).toEqual(['nginx/#2']);
    expect(analysis.hits[0]?.matched).toBe('upstream timed out (110: Connection timed out) while reading response header from upstream');
  });

  it('puts first the code, of several, that the paste states', () => {
    expect(top('AH01075: Error dispatching request to : (polling)')).toBe('504 apache/#0');
    expect(top('[proxy_fcgi:error] AH01075: Error dispatching request to : status 503')).toBe('503 apache/#0');
  });

  it('prefers the emitter that the headers name when two say the same thing', () => {
    const analysis = analyze('HTTP/1.1 503 Service Unavailable\nserver: envoy\n\nno healthy upstream', matcher);
    expect(analysis.layers.map((layer) => layer.emitter.id)).toEqual(['envoy']);
    expect(analysis.layers[0]?.meaning).toBe('Envoy wrote it.');
    expect(top('HTTP/1.1 503 Service Unavailable\nserver: envoy\n\nno healthy upstream')).toBe('503 envoy/#0');
  });

  it('ranks an entry that states one code above an equal match whose codes depend on a condition', () => {
    // The conditional entry comes first in the catalogue, so order alone would put it first.
    const shared: MatcherData = {
      ...DATA,
      emitters: [
        { name: 'Caddy', layer: 'reverse-proxy', t: [['timeout awaiting response headers', [504, 502]]], p: [] },
        { name: 'Go', layer: 'application', t: [['timeout awaiting response headers', 502]], p: [] },
      ],
      fingerprints: [],
    };
    const first = answers(analyze('error: GET "/x" failed with: "net/http: timeout awaiting response headers"', createMatcher(shared)))[0];
    expect(first?.kind === 'message' ? [first.hit.code, first.hit.message.emitter.name] : first).toEqual([502, 'Go']);
  });

  it('answers a stated status that no message explains, with the layer its headers name', () => {
    const found = answers(analyze('HTTP/2 502\nserver: nginx/1.25.3\n\n<html>…</html>', matcher));
    expect(found[0]).toMatchObject({ kind: 'status', code: 502, layer: { emitter: { id: 'nginx' } } });
  });

  it('matches a few typed words against parts of messages, the last word half typed', () => {
    const analysis = analyze('no live ups', matcher);
    expect(analysis.hits.map((hit) => [hit.message.key, hit.partial])).toEqual([['nginx/#1', true]]);
  });

  it('does not match one common word against parts of messages', () => {
    expect(analyze('upstream', matcher).hits).toEqual([]);
  });

  it('reads a registered reason phrase alone as implying its code, but not inside a recognised message', () => {
    expect(analyze('upstream said: Bad Gateway', matcher).implied).toEqual([502]);
    expect(analyze('NotImplementedError: Not Implemented', matcher).implied).toEqual([]);
    // The API Gateway body is a message whose text is a reason phrase: no 500 is implied by it.
    const body = analyze('{"message": "Internal server error"}', matcher);
    expect(body.implied).toEqual([]);
    expect(body.hits[0]?.code).toBe(500);
  });

  it('takes a code followed by its name as stated, in any spelling of the name', () => {
    expect(analyze('Expected(200) <=> Actual(500 InternalServerError)', matcher).statuses).toEqual([500]);
    expect(analyze('504: GATEWAY_TIMEOUT', matcher).statuses).toEqual([504]);
  });

  it('recognise() lists every whole message found, before ranking drops the less specific', () => {
    expect([...recognise('upstream timed out (110: Connection timed out) while reading response header from upstream', matcher)].sort()).toEqual(['nginx/#0', 'nginx/#2']);
  });
});

// Large inputs: the runner's timeout is generous because these machines are often busy; nothing here is timed.
describe('the matcher on hostile input', { timeout: 60_000 }, () => {
  it('answers "nothing" for binary junk, and never throws', () => {
    const junk = String.fromCharCode(...Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 65_536));
    const analysis = analyze(junk, matcher);
    expect(analysis.hits).toEqual([]);
  });

  it('treats HTML and script as text', () => {
    const analysis = analyze('<script>alert(1)</script><img src=x onerror=alert(2)> no healthy upstream', matcher);
    expect(analysis.hits[0]?.message.key).toBe('envoy/#0');
  });

  it.each([
    ['parentheses', '((((((((((((((((((((((((((((('],
    ['one long word', 'a'.repeat(200_000) + '!'],
    ['a pattern’s start, repeated', 'upstream timed out ('.repeat(20_000)],
    ['escapes and quotes', '\\'.repeat(100_000) + '"'.repeat(100_000)],
  ])('answers for regex-hostile input: %s', (_label, text) => {
    expect(() => analyze(text, matcher)).not.toThrow();
  });

  it('does work in proportion to the paste: twice the lines, twice the work', () => {
    const line = '2024/03/05 10:12:41 [error] 31#31: *9 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.5\n';
    const small = analyze(line.repeat(2_500), matcher).work;
    const large = analyze(line.repeat(5_000), matcher).work;
    expect(large.words / small.words).toBeCloseTo(2, 1);
    // Each pattern stops after a bounded number of matches, so its work does not grow at all here.
    expect(large.patternChars).toBeLessThanOrEqual(small.patternChars * 2);
  });

  it('scans a long line with patterns in bounded windows: the work grows linearly with the line', () => {
    const filler = 'x '.repeat(50_000);
    const tail = 'upstream timed out (110: x) while reading response header from upstream';
    const small = analyze(`${filler}${tail}`, matcher).work;
    const large = analyze(`${filler}${filler}${tail}`, matcher).work;
    expect(small.patternChars).toBeGreaterThan(0);
    expect(large.patternChars / small.patternChars).toBeLessThan(2.2);
  });

  it('finds a message in 10,000 lines of other log', () => {
    const noise = Array.from({ length: 10_000 }, (_, i) => `2024-05-12T03:14:${String(i % 60).padStart(2, '0')}Z INFO request ${i} served in 12 ms`);
    noise.splice(7_777, 0, '2024/05/12 03:14:07 [error] 1#1: *2 no live upstreams while connecting to upstream');
    expect(top(noise.join('\n'))).toBe('502 nginx/#1');
  });
});

describe('withoutRecognisedAliases', () => {
  it('drops only the aliases the catalogue recognises as a message with the same code', () => {
    const data: MatcherData = {
      ...DATA,
      codes: DATA.codes.map((entry) =>
        entry.code === 502
          ? { ...entry, aliases: ['no live upstreams while connecting to upstream', 'connection refused', 'no healthy upstream'] }
          : entry,
      ),
    };
    const slim = withoutRecognisedAliases(data);
    // "no healthy upstream" is an Envoy message, but a 503: as a 502 alias it stays.
    expect(slim.codes.find((entry) => entry.code === 502)?.aliases).toEqual(['connection refused', 'no healthy upstream']);
  });
});
