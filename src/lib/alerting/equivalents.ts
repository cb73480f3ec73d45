import { burnRateThreshold, errorRatioThreshold, minRequests } from './burn-rate';
import { formatFactor, promDuration } from './format';
import { type AlertTier, tiersOf, WORKBOOK_PERIOD_DAYS } from './tiers';

/**
 * The page tiers written for monitoring systems other than Prometheus, generated from the tiers so
 * that the guide's examples carry the same numbers. These are not run in CI: nothing here can
 * execute CloudWatch or Datadog.
 */

/** SLO target the examples are written for, in percent. */
export const EXAMPLE_SLO = 99.9;

const pageTiers = (): AlertTier[] => tiersOf('page');

/**
 * CloudWatch metric math for an Application Load Balancer: one alarm per window of each page tier
 * (the 5xx ratio over a period as long as the window, the long one with the minimum request
 * count), and a composite alarm per tier that needs both. CloudWatch reports the load balancer's
 * 5XX count only when it is not zero and RequestCount only while targets are registered, hence
 * FILL. RequestCount also leaves out requests rejected before a target was chosen (the 503 with no
 * targets among them), so the total is at least the 5xx counted: with no target at all, the ratio
 * is 1, not nothing.
 */
export function cloudwatchAlbAlarms(): string {
  const lines = [
    '# Metrics (namespace AWS/ApplicationELB, dimension LoadBalancer, statistic Sum,',
    '# period = the window of the alarm):',
    '#   m1 = HTTPCode_ELB_5XX_Count     5xx the load balancer generated',
    '#   m2 = HTTPCode_Target_5XX_Count  5xx the targets returned',
    '#   m3 = RequestCount',
    '# Expressions in every alarm (RequestCount misses requests rejected before a target was chosen):',
    'errors = FILL(m1, 0) + FILL(m2, 0)',
    'requests = FILL(m3, 0)',
    'total = MAX([requests, errors])',
  ];
  for (const t of pageTiers()) {
    const long = promDuration(t.longWindowMinutes);
    const short = promDuration(t.shortWindowMinutes);
    const ratio = errorRatioThreshold(t, EXAMPLE_SLO);
    lines.push(
      '',
      `# Alarm alb-5xx-${long}: period ${t.longWindowMinutes * 60} s, 1 evaluation period, threshold ${ratio}, GreaterThanThreshold`,
      `e1 = IF(total >= ${minRequests(t, EXAMPLE_SLO)}, errors / total, 0)`,
      `# Alarm alb-5xx-${short}: period ${t.shortWindowMinutes * 60} s, 1 evaluation period, threshold ${ratio}, GreaterThanThreshold`,
      'e1 = errors / total',
      `# Composite alarm alb-5xx-burn-${long} (the page): burn rate ${formatFactor(burnRateThreshold(t))} over both windows`,
      `ALARM("alb-5xx-${long}") AND ALARM("alb-5xx-${short}")`,
    );
  }
  return lines.join('\n');
}

/** Datadog burn-rate monitors on a metric-based SLO, one per page tier. */
export function datadogBurnRateMonitors(): string {
  const lines = [
    '# A metric-based SLO: good events = all requests minus 5xx, total = all requests,',
    `# target ${EXAMPLE_SLO}% over ${WORKBOOK_PERIOD_DAYS} days. Then one monitor of type "slo alert" per page tier:`,
  ];
  for (const t of pageTiers()) {
    lines.push(
      `burn_rate("<slo_id>").over("${WORKBOOK_PERIOD_DAYS}d").long_window("${promDuration(t.longWindowMinutes)}").short_window("${promDuration(t.shortWindowMinutes)}") > ${formatFactor(burnRateThreshold(t))}`,
    );
  }
  return lines.join('\n');
}
