import { describe, expect, it } from 'vitest';
import {
  budgetMinutes,
  budgetRequests,
  burnRate,
  burnRateThreshold,
  canFire,
  errorBudget,
  errorRatioThreshold,
  maxBurnRate,
  minRequests,
  minutesToFire,
  minutesUntilExhausted,
} from '../../src/lib/alerting/burn-rate';
import { calculate, DEFAULT_INPUT, parseNumber, type CalculatorInput } from '../../src/lib/alerting/calculator';
import { formatCount, formatFactor, formatPercent, formatSpan, formatWindow, promDuration } from '../../src/lib/alerting/format';
import { ALERT_TIERS, type AlertTier, tier } from '../../src/lib/alerting/tiers';

// Expected values are the Google SRE Workbook's worked examples ("Alerting on SLOs",
// https://sre.google/workbook/alerting-on-slos/), Sloth's and Datadog's published tables, written
// out by hand.

const DAY = 1440;
/** A tier of our own making, for the Workbook's examples that use other windows. */
const custom = (budgetPercent: number, longWindowMinutes: number): AlertTier => ({
  id: 'page-1h',
  severity: 'page',
  budgetPercent,
  longWindowMinutes,
  shortWindowMinutes: longWindowMinutes / 12,
  optional: false,
  source: 'test',
});

describe('the Workbook worked examples', () => {
  it('for a 99.9% SLO, a burn rate of 14.4 is an error ratio of 1.44%', () => {
    expect(errorBudget(99.9)).toBe(0.001);
    expect(errorRatioThreshold(tier('page-1h'), 99.9)).toBe(0.0144);
    expect(burnRate(0.0144, 99.9)).toBe(14.4);
  });

  it('Table 5-4: burn rates 1, 2, 10 and 1,000 at 99.9% empty the budget in 30 days, 15 days, 3 days and 43 minutes', () => {
    expect(burnRate(0.001, 99.9)).toBe(1);
    expect(burnRate(0.002, 99.9)).toBe(2);
    expect(burnRate(0.01, 99.9)).toBe(10);
    expect(burnRate(1, 99.9)).toBe(1000);
    expect(minutesUntilExhausted(1, 30)).toBe(30 * DAY);
    expect(minutesUntilExhausted(2, 30)).toBe(15 * DAY);
    expect(minutesUntilExhausted(10, 30)).toBe(3 * DAY);
    expect(minutesUntilExhausted(1000, 30)).toBe(43.2);
  });

  it('Table 5-8: 2% of the budget in 1 hour, 5% in 6 hours and 10% in 3 days are burn rates 14.4, 6 and 1', () => {
    expect(burnRateThreshold(tier('page-1h'))).toBe(14.4);
    expect(burnRateThreshold(tier('page-6h'))).toBe(6);
    expect(burnRateThreshold(tier('ticket-3d'))).toBe(1);
    expect(ALERT_TIERS.map((t) => [t.id, t.severity, t.budgetPercent, t.longWindowMinutes, t.shortWindowMinutes])).toEqual([
      ['page-1h', 'page', 2, 60, 5],
      ['page-6h', 'page', 5, 360, 30],
      ['ticket-1d', 'ticket', 10, 1440, 120],
      ['ticket-3d', 'ticket', 10, 4320, 360],
    ]);
  });

  it('the rule of iteration 6 adds a ticket at burn rate 3 over 24 hours and 2 hours', () => {
    expect(burnRateThreshold(tier('ticket-1d'))).toBe(3);
    expect(tier('ticket-1d').optional).toBe(true);
  });

  it('every short window is 1/12 of its long window', () => {
    for (const t of ALERT_TIERS) expect(t.shortWindowMinutes * 12).toBe(t.longWindowMinutes);
  });

  it('iteration 4: 5% of a 30-day budget in one hour needs a burn rate of 36', () => {
    expect(burnRateThreshold(custom(5, 60))).toBe(36);
  });

  it('iteration 2: a 36-hour window at burn rate 1 detects a total outage in 2 minutes 10 seconds', () => {
    const thirtySixHours = custom(5, 36 * 60);
    expect(burnRateThreshold(thirtySixHours)).toBe(1);
    expect(minutesToFire(thirtySixHours, 99.9, 1)).toBeCloseTo(2.16, 10);
    expect(formatSpan(2.16)).toBe('2.2 min');
  });

  it('a total outage fires the 1-hour page after 52 seconds, having spent 2% of the budget', () => {
    const minutes = minutesToFire(tier('page-1h'), 99.9, 1);
    expect(minutes).toBeCloseTo(0.864, 10);
    expect(formatSpan(minutes ?? 0)).toBe('52 s');
    // burn rate × time to fire ÷ period = the tier's share of the budget.
    expect(((1000 * (minutes ?? 0)) / (30 * DAY)) * 100).toBeCloseTo(tier('page-1h').budgetPercent, 10);
  });

  it('low traffic: at 10 requests an hour one failure is a 10% ratio, 13.9% of a 99.9% budget', () => {
    // The Workbook prints "a 1,000x burn rate" here; its own 13.9% and "seven failed requests in
    // 30 days" match 100×: 10% ÷ 0.1%.
    expect(burnRate(0.1, 99.9)).toBe(100);
    expect(budgetRequests(99.9, 30, 10 / 3600)).toBeCloseTo(7.2, 10);
    expect((1 / 7.2) * 100).toBeCloseTo(13.9, 1);
  });

  it('extreme availability: at a 90% target a total outage spends 1.4% of the budget in an hour, so the 1-hour page cannot fire', () => {
    expect(maxBurnRate(90)).toBe(10);
    expect(((10 * 60) / (30 * DAY)) * 100).toBeCloseTo(1.39, 2);
    expect(canFire(tier('page-1h'), 90)).toBe(false);
    expect(canFire(tier('page-6h'), 90)).toBe(true);
  });

  it('a 99.9% SLO over 30 days allows 43.2 minutes of total outage', () => {
    expect(budgetMinutes(99.9, 30)).toBe(43.2);
    expect(budgetMinutes(99, 30)).toBe(432);
  });
});

describe('other periods, as SLO tools compute them', () => {
  it("Sloth's 28-day windows keep the budget shares, so the 1-hour burn rate is 13.44", () => {
    expect(burnRateThreshold(tier('page-1h'), 28)).toBe(13.44);
    expect(burnRateThreshold(tier('page-6h'), 28)).toBe(5.6);
  });

  it("Datadog's maximum burn rate is 1 ÷ (1 − target): 25 at 96%", () => {
    expect(maxBurnRate(96)).toBe(25);
  });

  it("Datadog's 7-day table: 10% of the budget in 1 hour is a burn rate of 16.8", () => {
    expect(burnRateThreshold(custom(10, 60), 7)).toBe(16.8);
  });
});

describe('the minimum request count', () => {
  it('asks for enough requests that an alert needs at least 10 failures', () => {
    expect(minRequests(tier('page-1h'), 99.9)).toBe(695);
    expect(minRequests(tier('page-6h'), 99.9)).toBe(1667);
    expect(minRequests(tier('ticket-1d'), 99.9)).toBe(3334);
    expect(minRequests(tier('ticket-3d'), 99.9)).toBe(10000);
    expect(minRequests(tier('page-1h'), 99)).toBe(70);
  });
});

describe('calculate', () => {
  const input = (changes: Partial<CalculatorInput>): CalculatorInput => ({ ...DEFAULT_INPUT, ...changes });
  const errorsOf = (changes: Partial<CalculatorInput>) => {
    const result = calculate(input(changes));
    return result.ok ? [] : result.errors;
  };

  it('works out burn rate, budget, time left and thresholds', () => {
    const result = calculate(input({ slo: '99.9', periodDays: '30', errorRatio: '1.44', requestRate: '100', budgetSpent: '50' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.report;
    expect(r.burnRate).toBe(14.4);
    expect(r.budgetMinutes).toBe(43.2);
    expect(r.budgetRequests).toBe(259200);
    expect(r.budgetLeft).toBe(0.5);
    expect(r.budgetLeftMinutes).toBe(21.6);
    expect(r.budgetLeftRequests).toBe(129600);
    expect(r.minutesUntilExhausted).toBe(1500);
    expect(r.tiers.map((t) => [t.tier.id, t.burnRate, t.errorRatio])).toEqual([
      ['page-1h', 14.4, 0.0144],
      ['page-6h', 6, 0.006],
      ['ticket-1d', 3, 0.003],
      ['ticket-3d', 1, 0.001],
    ]);
    // Exactly at the 14.4 threshold the 1-hour page stays quiet; the slower tiers fire in time.
    expect(r.tiers[0]?.firesAfterMinutes).toBeNull();
    expect(r.tiers[1]?.firesAfterMinutes).toBe(150);
  });

  it('leaves out what needs a request rate when there is none, and never runs out at 0 errors', () => {
    const result = calculate(input({ errorRatio: '0' }));
    expect(result.ok && result.report.budgetRequests).toBeNull();
    expect(result.ok && result.report.minutesUntilExhausted).toBeNull();
  });

  it('accepts a trailing percent sign and spaces', () => {
    expect(parseNumber(' 99.9 % ')).toBe(99.9);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('1,5')).toBeNaN();
    expect(calculate(input({ slo: '99.95%' })).ok).toBe(true);
  });

  it('refuses an SLO of 100% or more, 0 or below, and text', () => {
    for (const slo of ['100', '100.5', '0', '-5', 'abc', '']) {
      const errors = errorsOf({ slo });
      expect(errors.map((e) => e.field), slo).toEqual(['slo']);
    }
    expect(errorsOf({ slo: '100' })[0]?.message).toContain('no error budget');
    expect(errorsOf({ slo: 'abc' })[0]?.message).toContain('"abc" is not a number');
  });

  it('refuses an SLO window shorter than the longest alert window', () => {
    expect(errorsOf({ periodDays: '2' })[0]?.message).toBe(
      'The SLO window must be at least 3 days: the slowest alert looks back 3 days, and an alert window cannot be longer than the SLO window.',
    );
    expect(errorsOf({ periodDays: '3' })).toEqual([]);
    expect(errorsOf({ periodDays: '-30' })[0]?.message).toContain('cannot be negative');
  });

  it('refuses negative or impossible ratios, rates and spent budgets, each on its own field', () => {
    expect(errorsOf({ errorRatio: '-1' }).map((e) => e.field)).toEqual(['errorRatio']);
    expect(errorsOf({ errorRatio: '150' })[0]?.message).toContain('above 100%');
    expect(errorsOf({ requestRate: '-3' }).map((e) => e.field)).toEqual(['requestRate']);
    expect(errorsOf({ budgetSpent: '120' }).map((e) => e.field)).toEqual(['budgetSpent']);
    const all = errorsOf({ slo: '100', periodDays: 'x', errorRatio: '-2', requestRate: 'fast', budgetSpent: '-1' });
    expect(all.map((e) => e.field)).toEqual(['slo', 'periodDays', 'errorRatio', 'requestRate', 'budgetSpent']);
  });
});

describe('formatting', () => {
  it('writes percentages, factors, counts, windows and spans as the pages show them', () => {
    expect(formatPercent(0.0144)).toBe('1.44%');
    expect(formatPercent(0.001)).toBe('0.1%');
    expect(formatPercent(0.00144)).toBe('0.144%');
    expect(formatFactor(14.4)).toBe('14.4');
    expect(formatFactor(13.44)).toBe('13.44');
    expect(formatCount(259200)).toBe('259,200');
    expect(formatWindow(5)).toBe('5 minutes');
    expect(formatWindow(60)).toBe('1 hour');
    expect(formatWindow(4320)).toBe('3 days');
    expect(promDuration(1440)).toBe('1d');
    expect(promDuration(30)).toBe('30m');
    expect(formatSpan(43.2)).toBe('43.2 min');
    expect(formatSpan(150)).toBe('2 h 30 min');
    expect(formatSpan(15 * DAY)).toBe('15 days');
  });
});

describe('the CloudWatch and Datadog equivalents', () => {
  it('carry the page tiers for 99.9%: thresholds, windows and the minimum count', async () => {
    const { cloudwatchAlbAlarms, datadogBurnRateMonitors } = await import('../../src/lib/alerting/equivalents');
    const cloudwatch = cloudwatchAlbAlarms();
    expect(cloudwatch).toContain('period 3600 s, 1 evaluation period, threshold 0.0144');
    expect(cloudwatch).toContain('e1 = IF(total >= 695, errors / total, 0)');
    // With no target registered, RequestCount is missing and the load balancer's own 503s are the total.
    expect(cloudwatch).toContain('total = MAX([requests, errors])');
    expect(cloudwatch).toContain('period 300 s, 1 evaluation period, threshold 0.0144');
    expect(cloudwatch).toContain('ALARM("alb-5xx-6h") AND ALARM("alb-5xx-30m")');
    expect(datadogBurnRateMonitors().split('\n').slice(-2)).toEqual([
      'burn_rate("<slo_id>").over("30d").long_window("1h").short_window("5m") > 14.4',
      'burn_rate("<slo_id>").over("30d").long_window("6h").short_window("30m") > 6',
    ]);
  });
});
