import {
  budgetMinutes,
  budgetRequests,
  burnRate,
  burnRateThreshold,
  canFire,
  clean,
  errorBudget,
  errorRatioThreshold,
  maxBurnRate,
  minRequests,
  minutesToFire,
  minutesUntilExhausted,
} from './burn-rate';
import { formatWindow } from './format';
import { ALERT_TIERS, type AlertTier, LONGEST_WINDOW_MINUTES } from './tiers';

/**
 * The burn-rate calculator: reads what the reader typed (strings, as a form gives them), checks
 * each field, and either names what is wrong with each bad field or works out the report. Pure:
 * the browser element and the tests call it the same way.
 */

/** The calculator's fields, as the form names them. */
export type Field = 'slo' | 'periodDays' | 'errorRatio' | 'requestRate' | 'budgetSpent';

/** What the reader typed. Optional fields may be empty. */
export type CalculatorInput = Record<Field, string>;

/** A bad field and what to do about it. */
export interface FieldError {
  field: Field;
  message: string;
}

/** One tier, worked out for the reader's SLO. */
export interface TierReport {
  tier: AlertTier;
  /** Burn-rate threshold for the reader's period. */
  burnRate: number;
  /** The same threshold as an error ratio (a fraction). */
  errorRatio: number;
  /** False when even a total outage cannot reach the threshold. */
  canFire: boolean;
  /** Fewest requests in the long window before the tier may fire. */
  minRequests: number;
  /** Minutes until the tier fires at the current error ratio, after a healthy window; null: never. */
  firesAfterMinutes: number | null;
}

/** The calculator's answer. Ratios and budgets are fractions; times are minutes. */
export interface BurnRateReport {
  sloPercent: number;
  periodDays: number;
  errorRatio: number;
  requestRate: number | null;
  errorBudget: number;
  burnRate: number;
  maxBurnRate: number;
  /** Minutes of total outage the whole budget allows. */
  budgetMinutes: number;
  /** Failed requests the whole budget allows at the request rate; null without one. */
  budgetRequests: number | null;
  /** Share of the budget not yet spent. */
  budgetLeft: number;
  budgetLeftMinutes: number;
  budgetLeftRequests: number | null;
  /** Minutes until the budget left is gone at the current burn rate; null: never. */
  minutesUntilExhausted: number | null;
  tiers: TierReport[];
}

export type Calculation = { ok: true; report: BurnRateReport } | { ok: false; errors: FieldError[] };

/** The form's starting values: the Workbook's worked example, 99.9 % over 30 days. */
export const DEFAULT_INPUT: CalculatorInput = { slo: '99.9', periodDays: '30', errorRatio: '0.5', requestRate: '', budgetSpent: '' };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A typed number: a trailing % and surrounding spaces are allowed. `undefined` when empty, NaN when not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s*%$/, '');
  if (trimmed === '') return undefined;
  return NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const LONGEST = formatWindow(LONGEST_WINDOW_MINUTES);

/** Checks every field and returns the report, or one message per bad field. */
export function calculate(input: CalculatorInput): Calculation {
  const errors: FieldError[] = [];
  const fail = (field: Field, message: string) => errors.push({ field, message });
  const read = (field: Field, label: string, required: boolean): number | undefined => {
    const value = parseNumber(input[field] ?? '');
    if (value === undefined) {
      if (required) fail(field, `Enter ${label}.`);
      return undefined;
    }
    if (Number.isNaN(value) || !Number.isFinite(value)) {
      fail(field, `"${input[field].trim()}" is not a number. Use digits and a decimal point, such as 99.9.`);
      return undefined;
    }
    return value;
  };

  const slo = read('slo', 'the SLO target, such as 99.9', true);
  if (slo !== undefined) {
    if (slo >= 100) fail('slo', 'A target of 100% or more leaves no error budget: every failure breaks it, and no burn rate exists. Enter a target below 100.');
    else if (slo <= 0) fail('slo', 'Enter a target above 0%, such as 99.9.');
  }
  const periodDays = read('periodDays', 'the SLO window in days, such as 30', true);
  if (periodDays !== undefined) {
    if (periodDays < 0) fail('periodDays', 'A window cannot be negative. Enter the SLO window in days, such as 30.');
    else if (periodDays * 1440 < LONGEST_WINDOW_MINUTES) {
      fail('periodDays', `The SLO window must be at least ${LONGEST}: the slowest alert looks back ${LONGEST}, and an alert window cannot be longer than the SLO window.`);
    }
  }
  const errorRatio = read('errorRatio', 'the current error ratio in percent, such as 0.5', true);
  if (errorRatio !== undefined) {
    if (errorRatio < 0) fail('errorRatio', 'An error ratio cannot be negative. Enter the share of requests that fail, from 0 to 100.');
    else if (errorRatio > 100) fail('errorRatio', 'An error ratio cannot be above 100%. Enter the share of requests that fail, from 0 to 100.');
  }
  const requestRate = read('requestRate', '', false);
  if (requestRate !== undefined && requestRate < 0) fail('requestRate', 'A request rate cannot be negative. Enter requests per second, or leave the field empty.');
  const budgetSpent = read('budgetSpent', '', false);
  if (budgetSpent !== undefined && (budgetSpent < 0 || budgetSpent > 100)) {
    fail('budgetSpent', 'Enter the share of the budget already spent, from 0 to 100, or leave the field empty.');
  }

  if (errors.length > 0 || slo === undefined || periodDays === undefined || errorRatio === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, report: report(slo, periodDays, errorRatio / 100, requestRate ?? null, (budgetSpent ?? 0) / 100) };
}

/** The report for valid numbers: SLO and ratio in percent and as a fraction, rate per second, spent as a fraction. */
export function report(sloPercent: number, periodDays: number, errorRatio: number, requestRate: number | null, budgetSpent = 0): BurnRateReport {
  const burn = burnRate(errorRatio, sloPercent);
  const budgetLeft = clean(1 - budgetSpent);
  const whole = budgetMinutes(sloPercent, periodDays);
  const wholeRequests = requestRate === null ? null : budgetRequests(sloPercent, periodDays, requestRate);
  return {
    sloPercent,
    periodDays,
    errorRatio,
    requestRate,
    errorBudget: errorBudget(sloPercent),
    burnRate: burn,
    maxBurnRate: maxBurnRate(sloPercent),
    budgetMinutes: whole,
    budgetRequests: wholeRequests,
    budgetLeft,
    budgetLeftMinutes: clean(whole * budgetLeft),
    budgetLeftRequests: wholeRequests === null ? null : clean(wholeRequests * budgetLeft),
    minutesUntilExhausted: minutesUntilExhausted(burn, periodDays, budgetLeft),
    tiers: ALERT_TIERS.map((t) => ({
      tier: t,
      burnRate: burnRateThreshold(t, periodDays),
      errorRatio: errorRatioThreshold(t, sloPercent, periodDays),
      canFire: canFire(t, sloPercent, periodDays),
      minRequests: minRequests(t, sloPercent, periodDays),
      firesAfterMinutes: minutesToFire(t, sloPercent, errorRatio, periodDays),
    })),
  };
}
