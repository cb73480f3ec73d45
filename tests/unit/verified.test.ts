import { describe, expect, it } from 'vitest';
import { daysBetween, formatVerified, parseIsoDate, staleEntries, toIsoDay, todayUtc } from '../../src/lib/verified';

describe('formatVerified', () => {
  it('writes the day, the month in words and the year, in UTC', () => {
    expect(formatVerified('2026-11-30')).toBe('30 November 2026');
    expect(formatVerified('2027-01-01')).toBe('1 January 2027');
  });
});

describe('parseIsoDate', () => {
  it('rejects dates that do not exist and other formats', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('2026-11')).toThrow(RangeError);
    expect(() => parseIsoDate('30/11/2026')).toThrow(RangeError);
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('daysBetween', () => {
  it('counts whole days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
  });
});

describe('staleEntries', () => {
  const entries = [
    { what: 'fresh', verified: '2026-11-30' },
    { what: 'exactly 180 days', verified: '2026-06-03' },
    { what: '181 days', verified: '2026-06-02' },
    { what: 'two years', verified: '2024-11-30' },
    { what: 'never', verified: undefined },
  ];

  it('lists what was checked more than 180 days ago, and what was never checked, oldest first', () => {
    const stale = staleEntries(entries, '2026-11-30');
    expect(stale.map((entry) => entry.what)).toEqual(['never', 'two years', '181 days']);
    expect(stale.map((entry) => entry.ageDays)).toEqual([undefined, 730, 181]);
  });

  it('keeps an entry checked exactly the limit ago', () => {
    expect(staleEntries(entries, '2026-11-30', 180).some((entry) => entry.what === 'exactly 180 days')).toBe(false);
  });

  it('takes another limit and another today', () => {
    expect(staleEntries(entries, '2026-12-01', 0).map((entry) => entry.what)).toEqual([
      'never',
      'two years',
      '181 days',
      'exactly 180 days',
      'fresh',
    ]);
  });

  it('reports nothing when everything is fresh', () => {
    expect(staleEntries([{ what: 'a', verified: '2026-11-01' }], '2026-11-30')).toEqual([]);
  });
});

describe('todayUtc', () => {
  it('is the UTC date, whatever the local time zone', () => {
    expect(todayUtc(new Date(Date.UTC(2026, 10, 30, 23, 59)))).toBe('2026-11-30');
  });
});

describe('toIsoDay', () => {
  it('accepts the forms YAML readers hand a date over in', () => {
    expect(toIsoDay('2026-11-30')).toBe('2026-11-30');
    expect(toIsoDay(new Date(Date.UTC(2026, 10, 30)))).toBe('2026-11-30');
    expect(toIsoDay('2026-11-30T00:00:00.000Z')).toBe('2026-11-30');
    expect(toIsoDay(undefined)).toBeUndefined();
  });
  it('refuses a time of day, an impossible date or another format', () => {
    expect(() => toIsoDay('2026-11-30T12:00:00Z')).toThrow(RangeError);
    expect(() => toIsoDay('2026-02-31')).toThrow(RangeError);
    expect(() => toIsoDay('November 2026')).toThrow(RangeError);
  });
});
