/**
 * The "checked against its sources" trail: how a verified date reads on a page, and which entries
 * have gone unchecked for too long (`npm run check:freshness`).
 */

/** How long a page may go unchecked before check:freshness lists it. */
export const FRESHNESS_DAYS = 180;

const MS_PER_DAY = 86_400_000;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Midnight UTC of a YYYY-MM-DD date, in epoch ms; throws on anything else. */
export function parseIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return ms;
}

/**
 * A verified date as YAML readers hand it over: "2026-11-30", a Date (js-yaml reads an unquoted
 * date as one), or the Date's JSON, "2026-11-30T00:00:00.000Z" (MDX's `frontmatter`). Undefined stays
 * undefined; anything else throws.
 */
export function toIsoDay(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value instanceof Date ? value.toISOString() : String(value);
  const day = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.000)?Z)?$/.exec(text)?.[1];
  if (day === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  parseIsoDate(day);
  return day;
}

/** "30 November 2026": a verified date as the pages show it (the same in every time zone). */
export function formatVerified(date: string): string {
  const day = new Date(parseIsoDate(date));
  return `${day.getUTCDate()} ${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/** Whole days from `date` to `today` (both YYYY-MM-DD); negative when `date` is in the future. */
export function daysBetween(date: string, today: string): number {
  return Math.round((parseIsoDate(today) - parseIsoDate(date)) / MS_PER_DAY);
}

/** One thing that carries a verified date: a code page, a guide or a library row. */
export interface Checked {
  /** What it is, as a reader finds it: "content/codes/503.mdx" or "library row urllib3". */
  what: string;
  /** Its verified date, or undefined when it has none. */
  verified: string | undefined;
}

/** An entry check:freshness reports, with how long ago it was checked (undefined: never). */
export interface Stale extends Checked {
  ageDays: number | undefined;
}

/**
 * The entries last checked more than `maxAgeDays` before `today`, or never, oldest first (never
 * checked before everything else). An entry checked exactly `maxAgeDays` ago is still fresh.
 */
export function staleEntries(entries: readonly Checked[], today: string, maxAgeDays: number = FRESHNESS_DAYS): Stale[] {
  return entries
    .map((entry) => ({ ...entry, ageDays: entry.verified === undefined ? undefined : daysBetween(entry.verified, today) }))
    .filter((entry) => entry.ageDays === undefined || entry.ageDays > maxAgeDays)
    .sort((a, b) => (b.ageDays ?? Number.POSITIVE_INFINITY) - (a.ageDays ?? Number.POSITIVE_INFINITY) || a.what.localeCompare(b.what));
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
