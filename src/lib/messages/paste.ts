/**
 * Reads what a reader pasted (a log line, a log excerpt, an error page's text, a raw HTTP response
 * with its status line and headers, a JSON body or log record) into lines to search, the headers
 * it carries, and the 5xx statuses written in it. Linear in the size of the paste.
 */

/** Longest paste read, in characters; anything after it is ignored. */
export const MAX_PASTE_CHARS = 2 * 1024 * 1024;
/** Longest header value read. */
const MAX_HEADER_VALUE = 500;
/** JSON documents larger than this are searched as text, not parsed. */
const MAX_JSON_CHARS = 256 * 1024;
/** At most this many strings are taken out of a JSON document. */
const MAX_JSON_STRINGS = 2000;

/** One response header found in a paste. */
export interface PastedHeader {
  /** Lower-case name. */
  name: string;
  value: string;
}

/** A paste, read. */
export interface Paste {
  /** Lines to search, HTML tags removed, with JSON string values added as lines of their own. */
  lines: string[];
  /** Lines that held HTML tags, as pasted: patterns written against a page's source run on these too. */
  markup: string[];
  headers: PastedHeader[];
  /** The 5xx statuses the paste states (status line, `status=503`, "Error 522"...), first seen first. */
  statuses: number[];
}

// Control characters (binary junk) other than tab and line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

/**
 * Where a line states a status number. Each is linear: no unbounded run meets its own kind. A code
 * followed by its name ("502 Bad Gateway") is found by the matcher, over the paste's words.
 */
const STATUS_PATTERNS: readonly RegExp[] = [
  // Status lines and access logs: HTTP/1.1 502 Bad Gateway, "GET / HTTP/1.1" 504 167
  /\bhttp\/\d(?:\.\d)?"?[ \t]{1,10}(5\d\d)\b/gi,
  // Fields: status=503, "status": 502, statusCode: 500, "code": 502, elb_status_code 502, sc-status=500
  /\b(?:status|status_?code|http_?status(?:_?code)?|elb_status_code|target_status_code|sc-status|response_?code|statuscode|code)"?[ \t]{0,3}[:=]?[ \t]{0,3}"?(5\d\d)\b/gi,
  // Prose: Error 522, HTTP 503, HTTP Error 500.19, returned error: 502, API Error (504, HTTP status [503]
  /\b(?:error|http|status|code)[ \t]{0,3}[:=([]?[ \t]{0,3}(5\d\d)\b/gi,
  // Titles: 504 ERROR (CloudFront), 503 Server Error: (requests)
  /\b(5\d\d)[ \t]{1,3}(?:server[ \t]{1,3})?error\b/gi,
  // A code in brackets: [503], (502)
  /[[(](5\d\d)[\])]/g,
  // A line that starts with a status, as tools and pages print it: 504 {"message": ...}, "502. That's an error."
  /^[^a-z0-9\n]{0,3}(5\d\d)(?:[ \t]|[.:][ \t]|[.:]?$)/gim,
];

/**
 * HTML tags, as in a page's source pasted whole; the text between them is kept. Only the tags of
 * error pages are known, so that `#<Puma::ThreadPool::ForceShutdown>` or `<Future exception=...>`
 * in a log stays text.
 */
const TAG =
  /<\/?(?:html|head|body|title|meta|link|style|script|h[1-6]|p|div|span|center|hr|br|a|b|i|em|strong|small|font|pre|code|tt|address|table|thead|tbody|tr|td|th|ul|ol|li|dl|dt|dd|img|main|section|header|footer|nav|article|button|form|input|noscript|svg|path)\b[^<>\n]{0,300}>|<!--|-->|<!doctype[^<>\n]{0,300}>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' };

/** Adds the status numbers that `line` states to `found`. */
function statusesIn(line: string, found: Set<number>): void {
  for (const pattern of STATUS_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of line.matchAll(pattern)) found.add(Number(match[1]));
  }
}

/** Every string value in a parsed JSON document, and the statuses its fields state. */
function jsonStrings(value: unknown, out: string[], statuses: Set<number>, depth = 0): void {
  if (out.length >= MAX_JSON_STRINGS || depth > 20) return;
  if (typeof value === 'string') {
    out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) jsonStrings(item, out, statuses, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'number' && item >= 500 && item <= 599 && /status|code/i.test(key)) statuses.add(item);
      if (typeof item === 'string' && /^5\d\d$/.test(item) && /status/i.test(key)) statuses.add(Number(item));
      // Keys carry meaning too: {"error": {"type": "overloaded_error"}} is searched as "type overloaded_error".
      if (typeof item === 'string') out.push(`${key} ${item}`);
      else jsonStrings(item, out, statuses, depth + 1);
    }
  }
}

function tryJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.length > MAX_JSON_CHARS || !/^[[{]/.test(trimmed) || !/[\]}]$/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a paste. `headerNames` are the headers that name an emitter: they count as headers even
 * without a status line.
 */
export function readPaste(raw: string, headerNames: ReadonlySet<string>): Paste {
  let text = raw.length > MAX_PASTE_CHARS ? raw.slice(0, MAX_PASTE_CHARS) : raw;
  text = text.replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
  // Logs that carry messages as escaped JSON strings: "msg":"upstream timed out\n..."
  if (text.includes('\\n') || text.includes('\\"')) {
    text = text.replace(/\\r\\n|\\n/g, '\n').replace(/\\t/g, ' ').replace(/\\"/g, '"');
  }
  const lines: string[] = [];
  const markup: string[] = [];
  const headers: PastedHeader[] = [];
  const statuses = new Set<number>();
  const extra: string[] = [];
  const whole = tryJson(text);
  if (whole !== undefined) jsonStrings(whole, extra, statuses);
  let sawStatusLine = false;
  const candidates: PastedHeader[] = [];
  for (const rawLine of text.split('\n')) {
    // curl -v marks response lines with "< " and request lines with "> ".
    let line = rawLine.replace(/^[<>*] /, '');
    if (line.includes('<') || line.includes('&')) {
      markup.push(line);
      line = line.replace(TAG, ' ').replace(/&(?:amp|lt|gt|quot|#39|#x27|nbsp);/g, (entity) => ENTITIES[entity] ?? entity);
    }
    if (/^http\/\d(?:\.\d)? 5\d\d\b/i.test(line.trimStart())) sawStatusLine = true;
    const header = /^([a-z][a-z0-9-]{0,60}):[ \t]*([^\n]*)$/i.exec(line);
    if (header?.[1] && header[2] !== undefined) {
      candidates.push({ name: header[1].toLowerCase(), value: header[2].slice(0, MAX_HEADER_VALUE).trim() });
    }
    if (whole === undefined && line.length <= MAX_JSON_CHARS && /^\s*[[{]/.test(line)) {
      const record = tryJson(line);
      if (record !== undefined) jsonStrings(record, extra, statuses);
    }
    statusesIn(line, statuses);
    lines.push(line);
  }
  for (const candidate of candidates) {
    if (sawStatusLine || headerNames.has(candidate.name)) headers.push(candidate);
  }
  for (const value of extra) {
    statusesIn(value, statuses);
    for (const part of value.split('\n')) lines.push(part);
  }
  return { lines, markup, headers, statuses: [...statuses] };
}
