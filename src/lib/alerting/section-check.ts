import { burnRateThreshold, errorRatioThreshold } from './burn-rate';
import { formatFactor, formatPercent } from './format';
import { ALERT_TIERS, COMMON_SLOS } from './tiers';

/**
 * Finds burn-rate numbers written by hand in a code page's "Alerting and monitoring" section.
 * Those numbers live in the tiers module and reach the page through <AlertingRule />; a section
 * that types "14.4 over 1 hour and 5 minutes" itself would drift the day the tiers change.
 */

/** The body of the `## Alerting and monitoring` section of an MDX file, up to the next `## `. */
export function alertingSection(mdx: string): string | undefined {
  const match = /^## Alerting and monitoring[ \t]*\r?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(mdx);
  return match?.[1];
}

/** The section's prose: no code, no components, no imports, no link targets. */
function prose(section: string): string {
  return section
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/^import .*$/gm, ' ')
    .replace(/<[A-Z]\w*[^>]*\/>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\s+/g, ' ');
}

const NUMBER_WORDS: Record<number, string> = { 1: 'one', 2: 'two', 3: 'three', 5: 'five', 6: 'six', 12: 'twelve', 24: 'twenty-four', 30: 'thirty' };

/** Ways prose writes a window: "1 hour", "1-hour", "one hour", "an hour", "1h", "60 minutes"... */
function windowPattern(minutes: number): string {
  const forms: string[] = [];
  const add = (n: number, unit: string, short: string) => {
    const word = NUMBER_WORDS[n];
    forms.push(`${n}[ -]?${unit}s?`, `${n} ?${short}`);
    if (word) forms.push(`${word}[ -]${unit}s?`);
    if (n === 1) forms.push(`an? ${unit}`);
  };
  add(minutes, 'minute', 'min');
  add(minutes, 'minute', 'm');
  if (minutes % 60 === 0) {
    add(minutes / 60, 'hour', 'h');
  }
  if (minutes % 1440 === 0) add(minutes / 1440, 'day', 'd');
  return `(?<![\\w.])(?:${forms.join('|')})(?![\\w])`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One hand-written number: the text quoted and what it restates. */
export interface HandWritten {
  quote: string;
  message: string;
}

/** Every burn-rate number, tier window pair, threshold ratio or budget share the section writes by hand. */
export function handWrittenAlertingNumbers(section: string): HandWritten[] {
  const text = prose(section);
  const found: HandWritten[] = [];
  const flag = (pattern: RegExp, message: string) => {
    for (const match of text.matchAll(pattern)) found.push({ quote: match[0].trim(), message });
  };
  const rates = [...new Set(ALERT_TIERS.map((t) => formatFactor(burnRateThreshold(t))))];
  flag(/burn[- ]rates? (?:of |above |at |over |is |around )?(?:\d+(?:\.\d+)?)/gi, 'a burn rate written by hand');
  flag(new RegExp(`(?<![\\w.])(?:${rates.map(escape).join('|')}) ?(?:×|x|times)(?![\\w])`, 'gi'), 'a burn-rate multiple written by hand');
  flag(/(?<![\w.])14\.4(?![\w])/g, "the fast page's burn rate written by hand");
  const ratios = [...new Set(COMMON_SLOS.flatMap((slo) => ALERT_TIERS.map((t) => formatPercent(errorRatioThreshold(t, slo)))))].filter((r) => r.includes('.'));
  flag(new RegExp(`(?<![\\w.])(?:${ratios.map(escape).join('|')})`, 'g'), 'an alert threshold as an error ratio, written by hand');
  flag(/\d+(?:\.\d+)?% of (?:the |its |your )?(?:\d+-day |monthly )?(?:error )?budget/gi, 'a budget share written by hand');
  for (const sentence of text.split(/(?<=[.;:!?])\s+/)) {
    for (const t of ALERT_TIERS) {
      const long = new RegExp(windowPattern(t.longWindowMinutes), 'i').exec(sentence);
      const short = new RegExp(windowPattern(t.shortWindowMinutes), 'i').exec(sentence);
      if (long && short) found.push({ quote: `${long[0]} … ${short[0]}`, message: `the windows of the ${t.id} alert written by hand` });
    }
  }
  return found;
}
