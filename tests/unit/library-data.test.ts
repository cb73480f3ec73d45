import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { libraryDefaultsSchema, type LibraryDefaults } from '../../src/lib/library-schema';

// The real data file, read straight from disk and checked against the schema. The fact checks
// below were verified against each library's source; they guard against accidental edits.
const file = join(import.meta.dirname, '../../content/libraries/retry-defaults.yaml');
const raw: unknown = parse(readFileSync(file, 'utf8'));
const items: unknown[] = Array.isArray(raw) ? raw : [];

function entry(id: string): LibraryDefaults {
  const found = items.find((item) => (item as { id?: unknown }).id === id);
  if (!found) throw new Error(`no entry with id ${id}`);
  return libraryDefaultsSchema.parse(found);
}

describe('content/libraries/retry-defaults.yaml', () => {
  it('is a list of library entries', () => {
    expect(Array.isArray(raw)).toBe(true);
    expect(items.length).toBeGreaterThan(0);
  });

  it.each(items.map((item, index) => [(item as { id?: string }).id ?? `#${index}`, item]))(
    '%s matches the schema',
    (_id, item) => {
      const result = libraryDefaultsSchema.safeParse(item);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  it('gives every entry a unique id', () => {
    const ids = items.map((item) => (item as { id?: unknown }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists the required libraries in the agreed order', () => {
    const ids = items.map((item) => (item as { id?: unknown }).id);
    expect(ids).toEqual([
      'requests',
      'urllib3',
      'botocore-legacy',
      'botocore-standard',
      'google-api-core',
      'got',
      'ky',
      'undici-retry',
      'go-retryablehttp',
      'dotnet-http-resilience',
      'envoy',
      'istio',
      'nginx-proxy-next-upstream',
    ]);
  });

  it('only uses explicit except codes together with all5xx', () => {
    for (const item of items) {
      const data = libraryDefaultsSchema.parse(item);
      if (!data.statuses.all5xx) expect(data.statuses.except).toEqual([]);
    }
  });
});

describe('verified retry defaults', () => {
  it('requests retries nothing by default', () => {
    const requests = entry('requests');
    expect(requests.retriesByDefault).toBe(false);
    expect(requests.statuses.codes).toEqual([]);
    expect(requests.retriesPost).toBe(false);
  });

  it('urllib3 retries 413, 429 and 503 only with Retry-After, and never POST responses', () => {
    const urllib3 = entry('urllib3');
    expect(urllib3.statuses.codes).toEqual([413, 429, 503]);
    expect(urllib3.statuses.note).toMatch(/Retry-After/);
    expect(urllib3.retriesPost).toBe(false);
  });

  it('botocore legacy mode retries 509 and 429, standard mode only 500, 502, 503 and 504', () => {
    expect(entry('botocore-legacy').statuses.codes).toEqual(expect.arrayContaining([429, 509]));
    expect(entry('botocore-standard').statuses.codes).toEqual([500, 502, 503, 504]);
  });

  it('google-api-core treats 500, 429 and 503 as transient but not 502 or 504', () => {
    const codes = entry('google-api-core').statuses.codes;
    expect(codes).toEqual(expect.arrayContaining([429, 500, 503]));
    expect(codes).not.toContain(502);
    expect(codes).not.toContain(504);
  });

  it('got retries the Cloudflare 52x codes by name but not POST', () => {
    const got = entry('got');
    expect(got.statuses.codes).toEqual(expect.arrayContaining([521, 522, 524]));
    expect(got.retriesPost).toBe(false);
  });

  it('ky and undici leave 501 and the 52x codes out of their explicit lists', () => {
    for (const id of ['ky', 'undici-retry']) {
      const { codes, all5xx } = entry(id).statuses;
      expect(all5xx).toBe(false);
      expect(codes).not.toContain(501);
      expect(codes).not.toContain(521);
    }
  });

  it('go-retryablehttp retries every 5xx except 501, plus 429, and retries POST', () => {
    const go = entry('go-retryablehttp');
    expect(go.statuses.all5xx).toBe(true);
    expect(go.statuses.except).toContain(501);
    expect(go.statuses.codes).toContain(429);
    expect(go.retriesPost).toBe(true);
  });

  it('the .NET standard resilience handler retries every 5xx including 501, plus 408 and 429', () => {
    const dotnet = entry('dotnet-http-resilience');
    expect(dotnet.statuses.all5xx).toBe(true);
    expect(dotnet.statuses.except).toEqual([]);
    expect(dotnet.statuses.codes).toEqual(expect.arrayContaining([408, 429]));
    expect(dotnet.retriesPost).toBe(true);
  });

  it('Envoy retries nothing without a retry policy', () => {
    const envoy = entry('envoy');
    expect(envoy.retriesByDefault).toBe(false);
    expect(envoy.statuses.codes).toEqual([]);
  });

  it('Istio no longer retries 503 by default', () => {
    expect(entry('istio').statuses.codes).not.toContain(503);
  });

  it('nginx passes requests on for errors and timeouts only, never for a status by default', () => {
    const nginx = entry('nginx-proxy-next-upstream');
    expect(nginx.retriesByDefault).toBe(true);
    expect(nginx.statuses.codes).toEqual([]);
    expect(nginx.statuses.all5xx).toBe(false);
  });

  it('Istio: the 503 gate exists only in 1.24 to 1.26 (removed in 1.27, commit 748c90d41d4)', () => {
    const istio = entry('istio');
    expect(istio.statuses.note).toMatch(/1\.24 to 1\.26/);
    expect(istio.statuses.note).toMatch(/1\.27 removed/);
  });

  it('botocore: the new behaviour is gated by AWS_NEW_RETRIES_2026, not a version constant that develop lacks', () => {
    for (const id of ['botocore-legacy', 'botocore-standard']) {
      const text = JSON.stringify(entry(id));
      expect(text).toContain('AWS_NEW_RETRIES_2026');
      expect(text).not.toMatch(/STANDARD_RETRY_MODE_VERSION|version 2\.[01]/);
    }
  });

  it('got and ky: QUERY is on main only, not in the latest releases read (got v15.0.5, ky v2.0.2)', () => {
    expect(entry('got').methods).toMatch(/^GET, PUT, HEAD, DELETE, OPTIONS, TRACE in v15\.0\.5/);
    expect(entry('ky').methods).toMatch(/^GET, PUT, HEAD, DELETE, OPTIONS, TRACE in v2\.0\.2/);
  });

  it('records the day every entry was checked against its source', () => {
    for (const item of items) expect(libraryDefaultsSchema.parse(item).verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
