import { describe, expect, it } from 'vitest';
import { groupByStatus, sortByCode } from '../../src/lib/code-order';
import { level2Headings, sectionProblems } from '../../src/lib/code-sections';
import { codePattern } from '../../src/lib/code-pattern';
import { codePath, guidePath, withBase } from '../../src/lib/site-paths';
import { parseRfcUrl, rfcLabelMismatch } from '../../src/lib/spec-links';

describe('withBase', () => {
  it('joins a root-relative path to the domain root', () => {
    expect(withBase('/', '/503/')).toBe('/503/');
  });
  it('joins a path under a sub-path base, with or without its trailing slash', () => {
    expect(withBase('/http-5xx/', '/503/')).toBe('/http-5xx/503/');
    expect(withBase('/http-5xx', '/503/')).toBe('/http-5xx/503/');
  });
  it('keeps queries and fragments', () => {
    expect(withBase('/docs/', '/search/?q=a%20b#top')).toBe('/docs/search/?q=a%20b#top');
  });
});

describe('page paths', () => {
  it('puts a code at /NNN/ and a guide under /guides/', () => {
    expect(codePath(500)).toBe('/500/');
    expect(guidePath('5xx-class')).toBe('/guides/5xx-class/');
  });
});

describe('sortByCode and groupByStatus', () => {
  const items = [
    { code: 522, status: 'unofficial' as const },
    { code: 503, status: 'standard' as const },
    { code: 500, status: 'standard' as const },
    { code: 509, status: 'unofficial' as const },
  ];
  it('sorts ascending without touching the input', () => {
    expect(sortByCode(items).map((item) => item.code)).toEqual([500, 503, 509, 522]);
    expect(items[0]?.code).toBe(522);
  });
  it('splits registered from unofficial codes, each in order', () => {
    const { standard, unofficial } = groupByStatus(items);
    expect(standard.map((item) => item.code)).toEqual([500, 503]);
    expect(unofficial.map((item) => item.code)).toEqual([509, 522]);
  });
});

describe('level2Headings', () => {
  it('finds ## headings and skips ### and those inside code fences', () => {
    const body = ['## One', 'text', '### Sub', '```md', '## Not a heading', '```', '## Two ##', '~~~', '## no', '~~~'].join('\n');
    expect(level2Headings(body)).toEqual(['One', 'Two']);
  });
});

describe('sectionProblems', () => {
  const template = [
    'What it means',
    'Typical triggers',
    'What the client should do',
    'What the server or operator should do',
    'Retry semantics',
    'Alerting and monitoring',
    'Example response',
  ];
  const body = (headings: string[]) => headings.map((heading) => `## ${heading}\n\ntext\n`).join('\n');

  it('accepts the template, with extra sections in between', () => {
    expect(sectionProblems(body(template))).toEqual([]);
    expect(sectionProblems(body([...template.slice(0, 2), 'Examples', ...template.slice(2)]))).toEqual([]);
  });
  it('names each missing section', () => {
    expect(sectionProblems(body(template.filter((h) => h !== 'Retry semantics' && h !== 'Example response')))).toEqual([
      'missing section "## Retry semantics"',
      'missing section "## Example response"',
    ]);
  });
  it('reports sections out of order', () => {
    const swapped = [template[1], template[0], ...template.slice(2)] as string[];
    expect(sectionProblems(body(swapped))[0]).toMatch(/^sections out of order/);
  });
});

describe('RFC citations', () => {
  it('reads the RFC number and section from an rfc-editor URL', () => {
    expect(parseRfcUrl('https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4')).toEqual({ rfc: 9110, section: '15.6.4' });
    expect(parseRfcUrl('https://www.rfc-editor.org/rfc/rfc9110.html#section-9.2.2')).toEqual({ rfc: 9110, section: '9.2.2' });
    expect(parseRfcUrl('https://developers.cloudflare.com/support/x/#y')).toBeUndefined();
  });
  it('accepts a label that names the linked section', () => {
    const url = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4';
    expect(rfcLabelMismatch({ label: 'RFC 9110 §15.6.4', url })).toBeUndefined();
    expect(rfcLabelMismatch({ label: 'RFC 9110 §15.6.4 (503)', url })).toBeUndefined();
  });
  it('rejects a label whose RFC or section differs from the URL', () => {
    const url = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4';
    expect(rfcLabelMismatch({ label: 'RFC 9110 §15.6.5', url })).toBe('RFC 9110 §15.6.4');
    expect(rfcLabelMismatch({ label: 'RFC 9110 §15.6', url })).toBe('RFC 9110 §15.6.4');
    expect(rfcLabelMismatch({ label: 'RFC 7231 §15.6.4', url })).toBe('RFC 9110 §15.6.4');
    expect(rfcLabelMismatch({ label: 'RFC 9110 §15.6.41', url })).toBe('RFC 9110 §15.6.4');
  });
});

describe('codePattern', () => {
  const codes = [500, 502, 503, 509, 520, 522, 599];
  const matches = (query: string) => {
    const test = codePattern(query);
    return test ? codes.filter(test) : undefined;
  };
  it('lists every code for "5", "5x" and "5xx"', () => {
    expect(matches('5')).toEqual(codes);
    expect(matches('5x')).toEqual(codes);
    expect(matches(' 5XX ')).toEqual(codes);
  });
  it('lists a decade for "50" or "52x"', () => {
    expect(matches('50')).toEqual([500, 502, 503, 509]);
    expect(matches('52x')).toEqual([520, 522]);
    expect(matches('5x2')).toEqual([502, 522]);
  });
  it('leaves full codes, other classes and words to the full-text search', () => {
    expect(matches('503')).toBeUndefined();
    expect(matches('40')).toBeUndefined();
    expect(matches('5xxx')).toBeUndefined();
    expect(matches('timeout')).toBeUndefined();
  });
});
