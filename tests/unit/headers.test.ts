import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, patternMatches } from '../../scripts/headers-file';
import { contentSecurityPolicy, headersFile, inlineScripts, scriptHash } from '../../src/lib/security-headers';

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

describe('contentSecurityPolicy', () => {
  it('allows inline scripts only by hash, never with unsafe-inline', () => {
    const policy = contentSecurityPolicy(["'sha256-b'", "'sha256-a'", "'sha256-a'"]);
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
  });
});

describe('_headers', () => {
  it('round-trips: the generated file parses into rules that match the right paths', () => {
    const rules = parseHeadersFile(headersFile('/http-5xx/', ["'sha256-a'"]));
    expect(rules.map((rule) => rule.pattern)).toEqual(['/http-5xx/*', '/http-5xx/_assets/*', '/http-5xx/pagefind/*']);
    const page = headersFor(rules, '/http-5xx/503/');
    expect(page.get('Content-Security-Policy')).toContain("'sha256-a'");
    expect(page.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.has('Cache-Control')).toBe(false);
    expect(headersFor(rules, '/http-5xx/_assets/search.abc.js').get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });
  it('matches * across path segments and nothing outside the pattern', () => {
    expect(patternMatches('/_assets/*', '/_assets/a/b.js')).toBe(true);
    expect(patternMatches('/_assets/*', '/503/')).toBe(false);
    expect(patternMatches('/503/', '/503/')).toBe(true);
  });
  it('rejects a header line that belongs to no path', () => {
    expect(() => parseHeadersFile('  X-A: b')).toThrow(/outside a path block/);
  });
});
