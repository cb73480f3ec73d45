/**
 * How the alerting numbers read on the page, the same at build time and in the browser.
 */

/** A fraction as a percentage, up to four significant digits: 0.0144 → "1.44%", 0.001 → "0.1%". */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(4))}%`;
}

/** A burn rate or other factor, up to four significant digits: 14.4, 13.44, 6. */
export function formatFactor(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A whole count with thousands separators: 43200 → "43,200". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** An alert window in words: 5 → "5 minutes", 60 → "1 hour", 4320 → "3 days". */
export function formatWindow(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/** An alert window as Prometheus writes it: 5 → "5m", 60 → "1h", 1440 → "1d". */
export function promDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** A span of time for reading: "52 s", "43.2 min", "2 h 5 min", "15 days". */
export function formatSpan(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
  if (minutes < 48 * 60) {
    const total = Math.round(minutes);
    const hours = Math.floor(total / 60);
    const rest = total % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  return `${Number((minutes / 1440).toFixed(1))} days`;
}
