import { describe, expect, it } from 'vitest';
import type { CodeIndexEntry } from '../../src/lib/messages/matcher-data';
import { indexCodes, searchCodes, stem } from '../../src/lib/search/code-search';
import { fallbackPlan, rankByWordsMatched } from '../../src/lib/search/fallback';
import { fromSearchBox, toSearchBox } from '../../src/lib/search/query-text';
import { mergeRows, type Row } from '../../src/lib/search/rows';

const entry = (code: number, name: string, aliases: string[] = [], summary = ''): CodeIndexEntry => ({
  code,
  name,
  status: 'standard',
  retry: 'yes',
  summary,
  aliases,
  layers: [],
});
const INDEX = indexCodes([
  entry(502, 'Bad Gateway', ['connection refused', 'upstream prematurely closed connection'], 'A gateway got an invalid response.'),
  entry(503, 'Service Unavailable', ['no healthy upstream'], 'The server is overloaded or down for maintenance.'),
  entry(504, 'Gateway Timeout', ['upstream timed out'], 'A gateway gave up waiting for the upstream.'),
]);
const codes = (query: string, prefix = false) => searchCodes(INDEX, query, prefix).map((hit) => hit.entry.code);

describe('searchCodes', () => {
  it('finds a code by its number, its name and its aliases', () => {
    expect(codes('503')).toEqual([503]);
    expect(codes('gateway timeout')).toEqual([504]);
    expect(codes('no healthy upstream')).toEqual([503]);
  });

  it('ranks a name match above a summary match, and says when the reader named the code', () => {
    expect(codes('gateway')).toEqual([502, 504]);
    const [first] = searchCodes(INDEX, 'bad gateway', false);
    expect(first?.byName).toBe(true);
    expect(searchCodes(INDEX, 'maintenance', false)[0]?.byName).toBeUndefined();
  });

  it('needs every word, the last one possibly half typed', () => {
    expect(codes('gateway maint')).toEqual([]);
    expect(codes('service unav', true)).toEqual([503]);
    expect(codes('service unav', false)).toEqual([]);
  });

  it('stems plurals and past tenses lightly', () => {
    expect(stem('timeouts')).toBe('timeout');
    expect(stem('refused')).toBe('refus');
    expect(codes('gateways')).toEqual([502, 504]);
  });
});

describe('fallbackPlan', () => {
  it('tries the query, then its distinctive words, then each of them', () => {
    expect(fallbackPlan('Error: the upstream is GONE at 10.0.0.1', ['upstream', 'gone'])).toEqual({
      all: 'Error: the upstream is GONE at 10.0.0.1',
      distinctive: 'upstream gone',
      any: ['upstream', 'gone'],
    });
  });

  it('searches the words the site is known to use first, so a long paste never loses them', () => {
    const many = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const plan = fallbackPlan(many.join(' '), [...many, 'gateway'], new Set(['gateway']));
    expect(plan.any[0]).toBe('gateway');
    expect(plan.any).toHaveLength(48);
  });

  it('skips the distinctive search when it is the query again', () => {
    expect(fallbackPlan('upstream gone', ['upstream', 'gone']).distinctive).toBeUndefined();
  });
});

describe('rankByWordsMatched', () => {
  it('puts pages holding more of the words first, then the higher scores', () => {
    const ranked = rankByWordsMatched([
      [{ id: 'a', score: 1, item: 'A' }, { id: 'b', score: 5, item: 'B' }],
      [{ id: 'b', score: 1, item: 'B' }, { id: 'c', score: 9, item: 'C' }],
      [{ id: 'c', score: 1, item: 'C' }],
    ]);
    expect(ranked).toEqual([
      { item: 'C', matched: 2 },
      { item: 'B', matched: 2 },
      { item: 'A', matched: 1 },
    ]);
  });
});

describe('search box text', () => {
  it('keeps pasted lines apart with a visible mark, and turns it back into line breaks', () => {
    const box = toSearchBox('HTTP/1.1 502 Bad Gateway\r\nServer: cloudflare\n\n  cf-ray: 123  \n');
    expect(box).toBe('HTTP/1.1 502 Bad Gateway ↵ Server: cloudflare ↵ cf-ray: 123');
    expect(fromSearchBox(box)).toBe('HTTP/1.1 502 Bad Gateway\nServer: cloudflare\ncf-ray: 123');
  });
});

describe('mergeRows', () => {
  const row = (key: string, code: number, kind: Row['kind']): Row => ({ key, path: `/${code}/`, title: key, code, layers: [], kind });
  it('lists each code page once, but keeps every message row', () => {
    const merged = mergeRows(
      [row('message:nginx/a:504', 504, 'message'), row('message:nginx/b:504', 504, 'message')],
      [row('code:504', 504, 'code'), row('code:502', 502, 'code')],
      [row('page:502', 502, 'page'), row('page:503', 503, 'page')],
    );
    expect(merged.map((item) => item.key)).toEqual(['message:nginx/a:504', 'message:nginx/b:504', 'code:502', 'page:503']);
  });
});
