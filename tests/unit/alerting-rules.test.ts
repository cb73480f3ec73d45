import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { burnRateThreshold } from '../../src/lib/alerting/burn-rate';
import { formatFactor, promDuration } from '../../src/lib/alerting/format';
import { ALERT_TIERS, MIN_FAILED_REQUESTS, tier } from '../../src/lib/alerting/tiers';

// The Prometheus rules write the thresholds out, as PromQL must. These tests hold them to the
// module the pages read, so the rules, the guide, the calculator and the code pages cannot drift.

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const dir = join(import.meta.dirname, '../../snippets/alerting');
const rulesOf = (file: string): Rule[] =>
  (parse(readFileSync(join(dir, file), 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((group) => group.rules);
const budget = '0.001';
const seconds = (minutes: number) => minutes * 60;

describe('burn-rate-alerts.rules.yml', () => {
  const alerts = rulesOf('burn-rate-alerts.rules.yml');

  it('has one alert per tier of the module, in the same order', () => {
    expect(alerts.map((rule) => rule.alert)).toEqual(ALERT_TIERS.map((t) => `ErrorBudgetBurn${promDuration(t.longWindowMinutes)}`));
  });

  it.each(ALERT_TIERS.map((t) => [t.id, t] as const))('%s: same burn rate, windows, severity and minimum count as the module', (_id, t) => {
    const rule = alerts.find((r) => r.alert === `ErrorBudgetBurn${promDuration(t.longWindowMinutes)}`);
    const long = promDuration(t.longWindowMinutes);
    const short = promDuration(t.shortWindowMinutes);
    const burn = formatFactor(burnRateThreshold(t));
    expect(rule?.labels).toEqual({ severity: t.severity, long_window: long, short_window: short, burn_rate: burn });
    expect(rule?.expr.trim().split('\n').map((line) => line.trim())).toEqual([
      `slo:http_5xx:ratio_rate${long} > (${burn} * ${budget})`,
      `and slo:http_5xx:ratio_rate${short} > (${burn} * ${budget})`,
      `and slo:http_requests:rate${long} * ${seconds(t.longWindowMinutes)} >= ${MIN_FAILED_REQUESTS} / (${burn} * ${budget})`,
    ]);
  });
});

describe('the SLI files', () => {
  const windows = [...new Set(ALERT_TIERS.flatMap((t) => [t.shortWindowMinutes, t.longWindowMinutes]))].sort((a, b) => a - b).map(promDuration);

  it.each(['http-requests.rules.yml', 'ingress-nginx.rules.yml', 'istio.rules.yml'])('%s records every window the alerts read, and nothing else', (file) => {
    const records = rulesOf(file).map((rule) => rule.record);
    expect(records).toEqual(windows.flatMap((w) => [`slo:http_requests:rate${w}`, `slo:http_5xx:ratio_rate${w}`]));
    for (const rule of rulesOf(file)) {
      const w = /rate(\w+)$/.exec(rule.record ?? '')?.[1];
      // Every range in the expression is the window the series is named after.
      expect([...rule.expr.matchAll(/\[(\w+)\]/g)].map((m) => m[1]), rule.record).toEqual(rule.record?.includes('ratio') ? [w, w] : [w]);
    }
  });
});

describe('code-families.rules.yml', () => {
  const fast = tier('page-1h');
  const burn = formatFactor(burnRateThreshold(fast));

  it('uses the fast page tier for every burn-rate family alert', () => {
    const alerts = rulesOf('code-families.rules.yml').filter((rule) => rule.labels?.['burn_rate']);
    expect(alerts.map((rule) => rule.labels?.['family'])).toEqual(['500', '502/504', '503']);
    for (const rule of alerts) {
      expect(rule.labels).toMatchObject({ severity: 'page', long_window: '1h', short_window: '5m', burn_rate: burn });
      const lines = rule.expr.trim().split('\n').map((line) => line.trim());
      expect(lines[0], rule.alert).toMatch(new RegExp(`_rate1h\\w* > \\(${burn} \\* ${budget}\\)$`));
      expect(lines[1], rule.alert).toMatch(new RegExp(`^and \\S+_rate5m\\w* > \\(${burn} \\* ${budget}\\)$`));
      expect(lines[2], rule.alert).toMatch(new RegExp(`^and \\S+rate1h\\w* \\* 3600 >= ${MIN_FAILED_REQUESTS} / \\(${burn} \\* ${budget}\\)$`));
    }
  });
});

describe('runbook links', () => {
  it('point at headings that exist in the alerting guide', () => {
    const guide = readFileSync(join(import.meta.dirname, '../../content/guides/alerting.mdx'), 'utf8');
    const slugger = new GithubSlugger();
    const anchors = new Set([...guide.matchAll(/^#{2,4} (.+)$/gm)].map((m) => slugger.slug(m[1] ?? '')));
    const files = ['burn-rate-alerts.rules.yml', 'code-families.rules.yml'];
    const links = files.flatMap((file) => rulesOf(file).flatMap((rule) => (rule.annotations?.['runbook_url'] ? [rule.annotations['runbook_url']] : [])));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const url = new URL(link);
      expect(url.pathname).toBe('/guides/alerting/');
      expect(anchors, link).toContain(url.hash.slice(1));
    }
  });
});
