/**
 * Turns text into the words that carry meaning, dropping what varies from one occurrence of a
 * message to the next: timestamps, addresses, ports, ids, URLs and paths. Catalogue literals and
 * pasted text go through the same function, so a message matches whatever surrounds it.
 *
 * Every regular expression here is linear on its input: no nested quantifiers, and every
 * unbounded run is followed by a character it cannot match.
 */

/** Spans of text that are noise wherever they appear, replaced by a space before splitting. */
const NOISE_SPANS: readonly RegExp[] = [
  // URLs, with their scheme: http://10.0.0.1:8080/api?x=1
  /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>()[\]{}]*/gi,
  // UUIDs
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  // ISO and RFC 3339 timestamps: 2024-05-12T03:14:07.123Z, 2024-05-12 03:14:07,123 +0000
  /\b\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:z|[+-]\d{2}:?\d{2})?)?/gi,
  // nginx and syslog-style dates: 2024/05/12 03:14:07, 12/May/2024:03:14:07 +0000
  /\b\d{4}\/\d{2}\/\d{2}\b/g,
  /\b\d{1,2}\/[a-z]{3}\/\d{4}(?::\d{2}:\d{2}:\d{2})?(?: [+-]\d{4})?/gi,
  // Times of day: 03:14:07, 03:14:07.123456
  /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\b/g,
  // Day and month names in dates: [Sun May 12 03:14:07.123 2024], Mon, 12 May 2024
  /\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b,?/gi,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b/gi,
  // IPv4 addresses, with or without a port
  /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?::\d{1,5})?\b/g,
  // IPv6 addresses: anything with "::" or four or more colon-separated hex groups
  /\[?\b[0-9a-f]{0,4}::[0-9a-f:]{0,40}\]?(?::\d{1,5})?/gi,
  /\b[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){4,7}\b/gi,
  // nginx's "pid#tid: *connection" prefix
  /\b\d{1,10}#\d{1,10}: \*\d{1,20}/g,
  // Paths after a space, quote, equals sign, colon or bracket: /var/run/php-fpm.sock, "/api/v1"
  /(?:^|(?<=[\s"'=:([,]))(?:~|\.{1,2})?\/[^\s"'()[\]{},]*/g,
  // Windows paths: C:\inetpub\wwwroot\web.config
  /\b[a-z]:\\[^\s"'<>|]*/gi,
  // Host names with a port: api.example.com:8443
  /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}:\d{1,5}\b/gi,
];

/** A word that is an id rather than language: long numbers, hex strings, mixed letter-digit ids. */
function isNoiseWord(word: string): boolean {
  if (/^\d+$/.test(word)) return word.length > 4;
  if (word.length >= 8 && /^[0-9a-f]+$/.test(word) && /\d/.test(word)) return true;
  // Ids mix letters and digits at random (x3k2nxq1234abcd); names mix them once or twice
  // (nons3origindnserror, httpcode_elb_502_count).
  if (word.length >= 12 && (word.match(/[a-z_][0-9]|[0-9][a-z_]/g)?.length ?? 0) >= 4) return true;
  return false;
}

/** Lower-cases `text`, drops noise spans, and splits it into words of letters, digits and underscores. */
export function words(text: string): string[] {
  let cleaned = text.toLowerCase();
  for (const noise of NOISE_SPANS) cleaned = cleaned.replace(noise, ' ');
  const out: string[] = [];
  for (const part of cleaned.split(/[^a-z0-9_]+/)) {
    // Underscores join words (upstream_reset_before_response_started) but also wrap them (_italics_).
    const word = part.replace(/^_+|_+$/g, '');
    if (word !== '' && !isNoiseWord(word)) out.push(word);
  }
  return out;
}

/**
 * Common English words that say nothing about which error this is. Dropped when search falls back
 * to the distinctive words of a query that matched nothing as a whole.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their then there these this to too was we were what when where ' +
    'which while who why will with you your get got error errors http https www com'
  ).split(' '),
);
