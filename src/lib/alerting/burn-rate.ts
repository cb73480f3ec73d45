import { type AlertTier, MIN_FAILED_REQUESTS, WORKBOOK_PERIOD_DAYS } from './tiers';

/**
 * Burn-rate arithmetic, after the Google SRE Workbook, "Alerting on SLOs":
 *
 * - error budget = 1 − SLO;
 * - burn rate = error ratio ÷ error budget ("how fast, relative to the SLO, the service consumes
 *   the error budget"); at 1 the budget lasts exactly the SLO period;
 * - time to exhaustion = period ÷ burn rate (Table 5-4);
 * - budget consumed by the time an alert fires = burn rate × alert window ÷ period, so the burn
 *   rate for a tier is budget share × period ÷ long window (as Sloth computes it);
 * - time for an alert to fire = (1 − SLO) ÷ error ratio × alert window × burn rate.
 *
 * Percentages come in as percent (99.9), ratios go out as fractions (0.001). Results are rounded
 * to 12 significant digits so that 14.4 × 0.1 % is 0.0144, not 0.014400000000000012.
 */

const MINUTES_PER_DAY = 24 * 60;

/** `x` to 12 significant digits: removes binary floating-point noise, keeps every digit that matters. */
export function clean(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** The error budget of an SLO target given in percent, as a fraction: 99.9 → 0.001. */
export function errorBudget(sloPercent: number): number {
  return clean((100 - sloPercent) / 100);
}

/** The burn rate of an error ratio (a fraction) against an SLO in percent: 0.0144 at 99.9 → 14.4. */
export function burnRate(errorRatio: number, sloPercent: number): number {
  return clean(errorRatio / errorBudget(sloPercent));
}

/** The highest burn rate an SLO allows: every request failing. 1,000 at 99.9 %. */
export function maxBurnRate(sloPercent: number): number {
  return clean(1 / errorBudget(sloPercent));
}

/** The tier's burn-rate threshold for an SLO period: 14.4, 6, 3 and 1 for 30 days. */
export function burnRateThreshold(t: AlertTier, periodDays: number = WORKBOOK_PERIOD_DAYS): number {
  return clean(((t.budgetPercent / 100) * periodDays * MINUTES_PER_DAY) / t.longWindowMinutes);
}

/** The tier's threshold as an error ratio (a fraction): 0.0144 for the 1-hour tier at 99.9 % over 30 days. */
export function errorRatioThreshold(t: AlertTier, sloPercent: number, periodDays: number = WORKBOOK_PERIOD_DAYS): number {
  return clean(burnRateThreshold(t, periodDays) * errorBudget(sloPercent));
}

/**
 * The fewest requests the long window must hold before the tier may fire: enough that crossing
 * the threshold takes at least {@link MIN_FAILED_REQUESTS} failures. 695 per hour at 99.9 %.
 */
export function minRequests(t: AlertTier, sloPercent: number, periodDays: number = WORKBOOK_PERIOD_DAYS): number {
  return Math.ceil(clean(MIN_FAILED_REQUESTS / errorRatioThreshold(t, sloPercent, periodDays)));
}

/** False when even a total outage stays under the tier's threshold (a low SLO with a high burn rate). */
export function canFire(t: AlertTier, sloPercent: number, periodDays: number = WORKBOOK_PERIOD_DAYS): boolean {
  return errorRatioThreshold(t, sloPercent, periodDays) < 1;
}

/**
 * Minutes from the start of an error ratio (a fraction) until the tier fires, after a healthy
 * long window: (1 − SLO) ÷ error ratio × long window × burn rate. `null` when it never fires.
 */
export function minutesToFire(t: AlertTier, sloPercent: number, errorRatio: number, periodDays: number = WORKBOOK_PERIOD_DAYS): number | null {
  if (errorRatio <= errorRatioThreshold(t, sloPercent, periodDays)) return null;
  return clean((errorBudget(sloPercent) / errorRatio) * t.longWindowMinutes * burnRateThreshold(t, periodDays));
}

/** Minutes of total outage the budget allows over the period: 43.2 at 99.9 % over 30 days. */
export function budgetMinutes(sloPercent: number, periodDays: number): number {
  return clean(errorBudget(sloPercent) * periodDays * MINUTES_PER_DAY);
}

/** Failed requests the budget allows over the period at a steady request rate (per second). */
export function budgetRequests(sloPercent: number, periodDays: number, requestsPerSecond: number): number {
  return clean(errorBudget(sloPercent) * requestsPerSecond * periodDays * MINUTES_PER_DAY * 60);
}

/**
 * Minutes until the budget is gone at a steady burn rate, starting with `budgetLeft` (a fraction
 * of the whole budget): period × budget left ÷ burn rate. `null` when nothing burns.
 */
export function minutesUntilExhausted(burn: number, periodDays: number, budgetLeft = 1): number | null {
  if (burn <= 0) return null;
  return clean((Math.max(0, budgetLeft) * periodDays * MINUTES_PER_DAY) / burn);
}
