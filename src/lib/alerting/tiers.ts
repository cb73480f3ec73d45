/**
 * The burn-rate alert tiers: one list that the alerting guide, the calculator, its no-JavaScript
 * table, the code pages' alerting sections and the tests all read. The Prometheus rules in
 * `snippets/alerting/` write the same numbers out, and a unit test holds them to this list.
 *
 * The numbers are the Google SRE Workbook's, "Alerting on SLOs" (Table 5-8 and the rule of its
 * iteration 6, "Multiwindow, Multi-Burn-Rate Alerts"): each tier names a share of the error budget
 * that, spent within the long window, is worth a notification. The burn rate follows from it and
 * from the SLO period (see `burnRateThreshold`); for the Workbook's 30 days it is 14.4, 6, 3 and 1.
 */

/** Who gets told: `page` wakes someone now, `ticket` waits for working hours. */
export type Severity = 'page' | 'ticket';

/** One multiwindow, multi-burn-rate alert. */
export interface AlertTier {
  /** Stable id: the severity and the long window, e.g. `page-1h`. */
  id: 'page-1h' | 'page-6h' | 'ticket-1d' | 'ticket-3d';
  severity: Severity;
  /** Share of the period's error budget, in percent, that fires the alert when spent within the long window. */
  budgetPercent: number;
  /** The long window, in minutes: the burn rate must be above the threshold over it. */
  longWindowMinutes: number;
  /** The short window, in minutes (1/12 of the long one): the burn must still be going on. */
  shortWindowMinutes: number;
  /** True for the 1-day tier, which the Workbook's rule has but its table of recommendations leaves out. */
  optional: boolean;
  /** Where the tier comes from. */
  source: string;
}

const WORKBOOK = 'Google SRE Workbook, "Alerting on SLOs", Table 5-8';

/** The tiers, fastest first. */
export const ALERT_TIERS: readonly AlertTier[] = [
  { id: 'page-1h', severity: 'page', budgetPercent: 2, longWindowMinutes: 60, shortWindowMinutes: 5, optional: false, source: WORKBOOK },
  { id: 'page-6h', severity: 'page', budgetPercent: 5, longWindowMinutes: 360, shortWindowMinutes: 30, optional: false, source: WORKBOOK },
  {
    id: 'ticket-1d',
    severity: 'ticket',
    budgetPercent: 10,
    longWindowMinutes: 1440,
    shortWindowMinutes: 120,
    optional: true,
    source: 'Google SRE Workbook, "Alerting on SLOs", iteration 6 rule; Sloth\'s default 30-day windows',
  },
  { id: 'ticket-3d', severity: 'ticket', budgetPercent: 10, longWindowMinutes: 4320, shortWindowMinutes: 360, optional: false, source: WORKBOOK },
];

export type TierId = AlertTier['id'];

/** The SLO period the Workbook's burn rates are written for: 30 days. */
export const WORKBOOK_PERIOD_DAYS = 30;

/** The SLO targets the guide's table lists, in percent. */
export const COMMON_SLOS: readonly number[] = [99, 99.5, 99.9, 99.95, 99.99];

/**
 * No alert may fire on fewer failed requests than this. Our choice, not the Workbook's: its
 * "Low-Traffic Services and Error Budget Alerting" section shows the problem (at 10 requests an
 * hour, one failure is a tenth of the hour's requests and 13.9 % of a 99.9 % budget) but leaves
 * the cure to you. See `minRequests`.
 */
export const MIN_FAILED_REQUESTS = 10;

/** The tier with this id. */
export function tier(id: TierId): AlertTier {
  const found = ALERT_TIERS.find((t) => t.id === id);
  if (!found) throw new RangeError(`no alert tier ${id}`);
  return found;
}

/** The tiers of one severity, fastest first. */
export function tiersOf(severity: Severity): AlertTier[] {
  return ALERT_TIERS.filter((t) => t.severity === severity);
}

/** The longest window any tier looks back over, in minutes (3 days). */
export const LONGEST_WINDOW_MINUTES = Math.max(...ALERT_TIERS.map((t) => t.longWindowMinutes));
