import { describe, expect, it } from 'vitest';
import { defaultRetry, librariesRetrying, sortLibraries } from '../../src/lib/library-retries';

const statuses = (over: Partial<{ codes: number[]; all5xx: boolean; except: number[]; conditional: number[] }>) => ({
  codes: [],
  all5xx: false,
  except: [],
  conditional: [],
  ...over,
});

describe('defaultRetry', () => {
  it('retries the codes a library lists', () => {
    const got = { retriesByDefault: true, statuses: statuses({ codes: [500, 502, 503, 504, 521, 522, 524] }) };
    expect(defaultRetry(got, 522)).toBe('retried');
    expect(defaultRetry(got, 520)).toBe('not-retried');
    expect(defaultRetry(got, 501)).toBe('not-retried');
  });
  it('retries every 5xx but the exceptions when all5xx is set', () => {
    const retryablehttp = { retriesByDefault: true, statuses: statuses({ codes: [429], all5xx: true, except: [501] }) };
    expect(defaultRetry(retryablehttp, 500)).toBe('retried');
    expect(defaultRetry(retryablehttp, 599)).toBe('retried');
    expect(defaultRetry(retryablehttp, 501)).toBe('not-retried');
    expect(defaultRetry(retryablehttp, 429)).toBe('retried');
    expect(defaultRetry(retryablehttp, 404)).toBe('not-retried');
  });
  it('marks codes retried only under a condition', () => {
    const urllib3 = { retriesByDefault: true, statuses: statuses({ codes: [413, 429, 503], conditional: [413, 429, 503] }) };
    expect(defaultRetry(urllib3, 503)).toBe('conditional');
  });
  it('retries nothing when the library does not retry by default, whatever it lists', () => {
    const off = { retriesByDefault: false, statuses: statuses({ codes: [503], all5xx: true }) };
    expect(defaultRetry(off, 503)).toBe('not-retried');
  });
});

describe('librariesRetrying', () => {
  it('keeps the libraries that retry the code, in order, with how', () => {
    const libraries = [
      { name: 'a', retriesByDefault: true, statuses: statuses({ codes: [503] }) },
      { name: 'b', retriesByDefault: false, statuses: statuses({ codes: [503] }) },
      { name: 'c', retriesByDefault: true, statuses: statuses({ codes: [503], conditional: [503] }) },
    ];
    expect(librariesRetrying(libraries, 503).map(({ library, how }) => [library.name, how])).toEqual([
      ['a', 'retried'],
      ['c', 'conditional'],
    ]);
  });
});

describe('sortLibraries', () => {
  it('groups by ecosystem, then sorts by name', () => {
    const sorted = sortLibraries([
      { ecosystem: 'Python', name: 'urllib3' },
      { ecosystem: 'Go', name: 'retryablehttp' },
      { ecosystem: 'Python', name: 'botocore' },
    ]);
    expect(sorted.map((library) => library.name)).toEqual(['retryablehttp', 'botocore', 'urllib3']);
  });
});
