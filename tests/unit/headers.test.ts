import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFor, parseHeadersFile, patternMatches } from '../../src/lib/headers-file';
import { deployedHeaders, inlineScripts, scriptHash } from '../../src/lib/security-headers';

const committed = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');

describe('inlineScripts', () => {
  it('finds classic and module inline scripts, and skips external scripts and JSON data', () => {
    const html = `<script>a()</script><script type="module">b()</script><script src="/x.js"></script>
      <script type="application/json" data-codes>{"c":1}</script><script type="text/javascript">d()</script>`;
    expect(inlineScripts(html)).toEqual(['a()', 'b()', 'd()']);
  });
});

describe('scriptHash', () => {
  it('gives the CSP source a browser computes for the exact text', () => {
    // Known value: the SHA-256 of "alert(1)", base64-encoded.
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });
});

describe('deployedHeaders', () => {
  it('adds the inline-script hashes to script-src, sorted and once each, and nothing else', () => {
    const out = deployedHeaders("/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none'\n", '/', [
      "'sha256-b'",
      "'sha256-a'",
      "'sha256-a'",
    ]);
    expect(out).toContain("  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'");
  });
  it('puts the base path in front of every path and leaves comments alone', () => {
    const out = deployedHeaders("# /not-a-path\n/*\n  Content-Security-Policy: script-src 'self'\n/_assets/*\n  Cache-Control: immutable\n", '/http-5xx/', []);
    expect(parseHeadersFile(out).map((rule) => rule.pattern)).toEqual(['/http-5xx/*', '/http-5xx/_assets/*']);
    expect(out).toContain('# /not-a-path');
  });
  it("refuses a policy that allows 'unsafe-inline' scripts, one without script-src, and a file without a policy", () => {
    expect(() => deployedHeaders("/*\n  Content-Security-Policy: script-src 'self' 'unsafe-inline'\n", '/', [])).toThrow(/line 2: script-src must not allow 'unsafe-inline'/);
    expect(() => deployedHeaders("/*\n  Content-Security-Policy: default-src 'self'\n", '/', [])).toThrow(/line 2: .*no script-src/);
    expect(() => deployedHeaders('/*\n  X-Frame-Options: DENY\n', '/', [])).toThrow(/no Content-Security-Policy/);
    expect(() => deployedHeaders("*\n  Content-Security-Policy: script-src 'self'\n", '/', [])).toThrow(/line 1: a path must start with "\/"/);
  });
});

describe('public/_headers', () => {
  it('deploys into rules that give pages the strict headers and hashed assets a year of cache', () => {
    const rules = parseHeadersFile(deployedHeaders(committed, '/http-5xx/', ["'sha256-a'"]));
    expect(rules.map((rule) => rule.pattern)).toEqual(['/http-5xx/*', '/http-5xx/_assets/*', '/http-5xx/pagefind/*']);
    const page = headersFor(rules, '/http-5xx/503/');
    expect(page.get('Content-Security-Policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-a';/);
    expect(page.get('Content-Security-Policy')).toContain("object-src 'none'");
    expect(page.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
    expect(page.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(page.has('Cache-Control')).toBe(false);
    expect(headersFor(rules, '/http-5xx/_assets/search.abc.js').get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('parseHeadersFile', () => {
  it('matches * across path segments and nothing outside the pattern', () => {
    expect(patternMatches('/_assets/*', '/_assets/a/b.js')).toBe(true);
    expect(patternMatches('/_assets/*', '/503/')).toBe(false);
    expect(patternMatches('/503/', '/503/')).toBe(true);
  });
  it('rejects a header line that belongs to no path', () => {
    expect(() => parseHeadersFile('  X-A: b')).toThrow(/outside a path block/);
  });
});
