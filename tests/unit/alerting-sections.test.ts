import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertingSection, handWrittenAlertingNumbers } from '../../src/lib/alerting/section-check';

// Burn-rate numbers live in src/lib/alerting/tiers.ts; code pages show them with <AlertingRule />.
// These tests fail when an alerting section types one by hand. The first block proves the check
// can fail, on sentences the pages used to carry.

const quotes = (text: string) => handWrittenAlertingNumbers(text).map((found) => found.quote);

describe('the check, on fixture sentences', () => {
  it('flags burn rates, their windows, threshold ratios and budget shares written by hand', () => {
    expect(quotes('The multiwindow rule pages at a burn rate of 14.4 over both 1 hour and 5 minutes.')).toEqual(
      expect.arrayContaining(['burn rate of 14.4', '14.4', '1 hour … 5 minutes']),
    );
    expect(quotes('A fast burn-rate alert (1-hour and 5-minute windows) catches them quickly.')).toEqual(['1-hour … 5-minute']);
    expect(quotes('Page when timeouts use up the budget at 14.4x the sustainable rate.')).toEqual(expect.arrayContaining(['14.4x']));
    expect(quotes('or 6 times over both 6 hours and 30 minutes')).toEqual(['6 times', '6 hours … 30 minutes']);
    expect(quotes('For a 99.9% SLO, a 14.4 burn rate is an error ratio of 1.44%.')).toEqual(expect.arrayContaining(['1.44%']));
    expect(quotes('(2% of the budget gone in an hour)')).toEqual(['2% of the budget']);
    expect(quotes('A ticket at 1 over 3 days and 6 hours.')).toEqual(['3 days … 6 hours']);
  });

  it('lets through other thresholds, components, code and links', () => {
    expect(quotes('Alert on a sustained rate (for example more than 5% of calls for 10 minutes).')).toEqual([]);
    expect(quotes('Alert on the no-response rate, for example over 1% for 10 minutes.')).toEqual([]);
    expect(quotes('Filesystem usage (for example 85% warning, 95% page).')).toEqual([]);
    expect(quotes('Page at <AlertingRule severity="page" /> ([guide](/guides/alerting/#burn-rate-alerts)).')).toEqual([]);
    expect(quotes('Log `upstream_rq_5xx` and `$upstream_status`.\n\n```promql\nx > 14.4 * 0.001\n```')).toEqual([]);
    expect(quotes('Certificates expire; alert at least 14 days ahead, and watch the 5-minute error rate.')).toEqual([]);
  });

  it('finds the section and stops at the next one', () => {
    const mdx = '## Retry semantics\n\n14.4\n\n## Alerting and monitoring\n\n- one\n\n## Example response\n\n14.4';
    expect(alertingSection(mdx)?.trim()).toBe('- one');
  });
});

const dir = join(import.meta.dirname, '../../content/codes');
const pages = readdirSync(dir)
  .filter((file) => file.endsWith('.mdx'))
  .sort()
  .map((file) => [file, readFileSync(join(dir, file), 'utf8')] as const);

describe('every code page', () => {
  it.each(pages)('%s: its alerting section writes no burn-rate number by hand and links to the guide', (_file, mdx) => {
    const section = alertingSection(mdx);
    expect(section).toBeDefined();
    expect(handWrittenAlertingNumbers(section ?? '').map((f) => `${f.quote}: ${f.message}`)).toEqual([]);
    expect(section).toMatch(/\]\(\/guides\/alerting\/(#[\w-]+)?\)/);
  });
});
