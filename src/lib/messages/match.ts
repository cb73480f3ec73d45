import type { Emitter } from '../emitters.ts';
import type { MatcherData, MessageChecks, MessageDetails } from './matcher-data.ts';
import { readPaste, type Paste } from './paste.ts';
import { describePattern } from './pattern-safety.ts';
import { STOP_WORDS, words } from './tokens.ts';

/**
 * The paste-anything matcher: finds catalogued error messages in whatever a reader pastes, and
 * ranks them, most specific first. Pure and synchronous; the browser runs it on every keystroke.
 *
 * Linear in the paste: each word of the paste is looked up once in an index of message anchors,
 * and each pattern runs only on the lines that hold its anchor literal, in windows of bounded size.
 */

/** An emitter as the matcher knows it. */
export interface EmitterInfo {
  /** Its file name (`nginx`) when the checks module is loaded, else `#` and its index. */
  id: string;
  name: string;
  layer: Emitter;
  guide?: string;
}

/** A catalogue message, ready to match. */
export interface CatalogueMessage {
  /** `emitter/id`, or `emitter/#n` when the details (which hold the ids) are not loaded. */
  key: string;
  emitter: EmitterInfo;
  /** The literal's words, or the words of a pattern's literal parts. */
  words: string[];
  /** The literal, or the pattern's literal text (variable parts blanked), for matching typed words. */
  text: string;
  /** How the entry reads: the literal, or the pattern's words with "…" for its variable parts. */
  display: string;
  pattern?: RegExp;
  /** Lower-case literals one of which every match of the pattern contains. */
  anchors?: string[];
  /**
   * Whole words, one inside each anchor: a pattern is tried only when the paste has one of them.
   * Undefined when some anchor holds no whole word.
   */
  anchorWords?: string[];
  codes: Array<{ code: number; when?: string }>;
  /** One-line meaning and the first thing to check, from the details. */
  meaning?: string;
  check?: string;
  section?: string;
}

/** A response header that names an emitter. */
export interface CatalogueFingerprint {
  emitter: EmitterInfo;
  header: string;
  value?: RegExp;
  meaning?: string;
}

/** Indexes over a catalogue, built once by {@link createMatcher}. */
export interface Matcher {
  messages: CatalogueMessage[];
  fingerprints: CatalogueFingerprint[];
  codeNames: Map<number, string>;
  /** Reason phrases by their first word (and written as one word, `badgateway`), for statuses written by name. */
  names: Map<string, Array<{ code: number; words: string[]; implies: boolean }>>;
  headerNames: Set<string>;
  /** Literal messages by their rarest word, with that word's position in the message. */
  anchors: Map<string, Array<{ message: CatalogueMessage; offset: number }>>;
  /** Every word of every message, for typed fragments of a message. */
  wordIndex: Map<string, Array<{ message: CatalogueMessage; position: number }>>;
  patterns: CatalogueMessage[];
}

/** A catalogued message found in the paste, for one of its codes. */
export interface MessageHit {
  message: CatalogueMessage;
  code: number;
  when?: string;
  score: number;
  /** How many times it occurs (capped). */
  count: number;
  /** True when only part of the message was typed (a short query), not the whole message. */
  partial: boolean;
  /** The text that matched, as it appears in the catalogue or the paste. */
  matched: string;
}

/** An emitter named by a header in the paste. */
export interface LayerHit {
  emitter: EmitterInfo;
  /** The header line, as `name: value`. */
  header: string;
  meaning?: string;
}

/** Everything the matcher found in a paste. */
export interface Analysis {
  /** Ranked, most specific first. */
  hits: MessageHit[];
  /** 5xx statuses the paste states with their number, first seen first. */
  statuses: number[];
  /** Codes whose reason phrase appears without a number ("Bad Gateway"), not already stated. */
  implied: number[];
  layers: LayerHit[];
  /** The paste's distinctive words (noise and stop words dropped), first seen first, for search fallbacks. */
  keywords: string[];
  /** Work done, for tests that check it grows linearly with the paste. */
  work: { words: number; patternChars: number; patternRuns: number };
}

/** Other ways stock pages write registered reason phrases: nginx's 503 and 504 page titles. */
const ALTERNATE_NAMES: ReadonlyArray<[number, string]> = [
  [503, 'Service Temporarily Unavailable'],
  [504, 'Gateway Time-out'],
];
/** Registered names that are everyday words elsewhere (Python's NotImplementedError): never implied alone. */
const NOT_IMPLIED = new Set([501, 510]);

/** Lines are searched by patterns in windows of this many characters... */
const WINDOW = 2000;
/** ...overlapping by this many, so a message across a window edge is still found. */
const OVERLAP = 400;
/** A pattern stops counting after this many matches. */
const MAX_COUNT = 50;
/** Most hits returned. */
const MAX_HITS = 12;
/** Queries of at most this many words are also matched against parts of messages. */
const MAX_FRAGMENT_WORDS = 12;
/** Most keywords kept for fallback searches. */
const MAX_KEYWORDS = 96;

/** Whole words inside a literal: parts bounded by non-word characters within it on both sides. */
function wholeWords(anchor: string): string[] {
  const parts = anchor.split(/([^a-z0-9_]+)/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i] ?? '';
    const boundedLeft = i > 0;
    const boundedRight = i < parts.length - 1;
    if (part !== '' && boundedLeft && boundedRight && words(part).length === 1 && words(part)[0] === part) out.push(part);
  }
  return out;
}

/**
 * Builds the matcher's indexes from the compact catalogue, with the prose search shows
 * (`details`) and the ids and first checks the paste box shows (`checks`) when given.
 */
export function createMatcher(data: MatcherData, details?: MessageDetails, checks?: MessageChecks): Matcher {
  const emitters: EmitterInfo[] = data.emitters.map(({ t: _texts, p: _patterns, ...emitter }, e) => ({
    id: checks?.emitters[e] ?? `#${e}`,
    ...emitter,
  }));
  let index = 0;
  const messages: CatalogueMessage[] = data.emitters.flatMap((source, e) =>
    [...source.t.map((entry) => [0, entry] as const), ...source.p.map((entry) => [1, entry] as const)].map(([kind, [text, codeOrCodes, section]], n) => {
      const emitter = emitters[e] as EmitterInfo;
      const detail = details?.messages[index];
      const check = checks?.checks[index];
      const id = checks?.ids[index];
      index++;
      const codes = typeof codeOrCodes === 'number' ? [codeOrCodes] : codeOrCodes;
      const where = typeof section === 'number' ? `${codes[0]}#${data.f[section]}` : section;
      const base = {
        key: `${emitter.id}/${id ?? `#${n}`}`,
        emitter,
        codes: codes.map((code, c) => {
          const when = detail?.w[c];
          return when ? { code, when } : { code };
        }),
        ...(detail ? { meaning: detail.m } : {}),
        ...(check !== undefined ? { check } : {}),
        ...(where ? { section: where } : {}),
      };
      if (kind === 1) {
        const { anchors, text: literal, display } = describePattern(text);
        const anchorWords = anchors.map((anchor) => wholeWords(anchor).sort((a, b) => b.length - a.length)[0]);
        return {
          ...base,
          words: words(literal),
          text: literal,
          display,
          pattern: new RegExp(text, 'i'),
          anchors,
          ...(anchorWords.every((word) => word !== undefined) ? { anchorWords: anchorWords as string[] } : {}),
        };
      }
      return { ...base, words: words(text), text, display: text };
    }),
  );
  // How many messages use each word: a literal is indexed by its rarest word.
  const frequency = new Map<string, number>();
  for (const message of messages) for (const word of new Set(message.words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const anchors = new Map<string, Array<{ message: CatalogueMessage; offset: number }>>();
  const wordIndex = new Map<string, Array<{ message: CatalogueMessage; position: number }>>();
  for (const message of messages) {
    message.words.forEach((word, position) => {
      const list = wordIndex.get(word) ?? [];
      list.push({ message, position });
      wordIndex.set(word, list);
    });
    if (message.pattern || message.words.length === 0) continue;
    let offset = 0;
    message.words.forEach((word, index) => {
      const best = message.words[offset] as string;
      const rarer = (frequency.get(word) ?? 0) < (frequency.get(best) ?? 0);
      const sameButLonger = (frequency.get(word) ?? 0) === (frequency.get(best) ?? 0) && word.length > best.length;
      if (rarer || sameButLonger) offset = index;
    });
    const anchor = message.words[offset] as string;
    const list = anchors.get(anchor) ?? [];
    list.push({ message, offset });
    anchors.set(anchor, list);
  }
  const fingerprints: CatalogueFingerprint[] = data.fingerprints.map(([e, header, value], i) => {
    const meaning = details?.fingerprints[i];
    return {
      emitter: emitters[e] as EmitterInfo,
      header,
      ...(value !== undefined ? { value: new RegExp(value, 'i') } : {}),
      ...(meaning !== undefined ? { meaning } : {}),
    };
  });
  const names = new Map<string, Array<{ code: number; words: string[]; implies: boolean }>>();
  const addName = (code: number, name: string, implies: boolean) => {
    const nameWords = words(name);
    for (const key of [nameWords[0], nameWords.join(''), nameWords.join('_')]) {
      if (!key) continue;
      const list = names.get(key) ?? [];
      list.push({ code, words: key === nameWords[0] ? nameWords : [key], implies });
      names.set(key, list);
    }
  };
  for (const entry of data.codes) {
    addName(entry.code, entry.name, entry.status === 'standard' && words(entry.name).length >= 2 && !NOT_IMPLIED.has(entry.code));
  }
  for (const [code, name] of ALTERNATE_NAMES) addName(code, name, true);
  return {
    messages,
    fingerprints,
    names,
    codeNames: new Map(data.codes.map((entry) => [entry.code, entry.name])),
    headerNames: new Set(fingerprints.map((fingerprint) => fingerprint.header)),
    anchors,
    wordIndex,
    patterns: messages.filter((message) => message.pattern),
  };
}

/** Whether `small` appears as a contiguous run inside `big`. */
function containsRun(big: readonly string[], small: readonly string[]): boolean {
  if (small.length === 0 || small.length > big.length) return false;
  outer: for (let i = 0; i + small.length <= big.length; i++) {
    for (let j = 0; j < small.length; j++) if (big[i + j] !== small[j]) continue outer;
    return true;
  }
  return false;
}

interface Found {
  message: CatalogueMessage;
  count: number;
  partial: boolean;
  /** Base specificity before the paste's own evidence (stated status, headers) is added. */
  specificity: number;
  matched: string;
  matchedWords: string[];
}

/** Literal messages whose every word appears, in order and together, in the paste's words. */
function findLiterals(matcher: Matcher, pasteWords: readonly string[], found: Map<string, Found>): void {
  for (let i = 0; i < pasteWords.length; i++) {
    const candidates = matcher.anchors.get(pasteWords[i] as string);
    if (!candidates) continue;
    for (const { message, offset } of candidates) {
      const start = i - offset;
      const length = message.words.length;
      if (start < 0 || start + length > pasteWords.length) continue;
      let same = true;
      for (let j = 0; j < length && same; j++) same = pasteWords[start + j] === message.words[j];
      if (!same) continue;
      const known = found.get(message.key);
      if (known) known.count = Math.min(known.count + 1, MAX_COUNT);
      else {
        found.set(message.key, {
          message,
          count: 1,
          partial: false,
          specificity: 10 + length,
          matched: message.display,
          matchedWords: message.words,
        });
      }
    }
  }
}

/** Patterns, each run only on lines that hold its anchor, in bounded windows. */
function findPatterns(
  matcher: Matcher,
  lines: readonly string[],
  pasteWords: ReadonlySet<string>,
  found: Map<string, Found>,
  work: Analysis['work'],
): void {
  const candidates = matcher.patterns.filter(
    (message) => !message.anchorWords || message.anchorWords.some((word) => pasteWords.has(word)),
  );
  if (candidates.length === 0) return;
  const lower = lines.map((line) => line.toLowerCase());
  for (const message of candidates) {
    const pattern = message.pattern as RegExp;
    const anchors = message.anchors as string[];
    const holdsAnchor = (text: string) => anchors.some((anchor) => text.includes(anchor));
    let count = 0;
    let first: string | undefined;
    for (let l = 0; l < lines.length && count < MAX_COUNT; l++) {
      const line = lines[l] as string;
      if (!holdsAnchor(lower[l] as string)) continue;
      for (let start = 0; start < line.length && count < MAX_COUNT; start += WINDOW - OVERLAP) {
        const window = line.length <= WINDOW ? line : line.slice(start, start + WINDOW);
        if (line.length > WINDOW && !holdsAnchor(window.toLowerCase())) continue;
        work.patternChars += window.length;
        work.patternRuns++;
        const match = pattern.exec(window);
        if (match) {
          count++;
          first ??= match[0];
        }
        if (line.length <= WINDOW || start + WINDOW >= line.length) break;
      }
    }
    if (first !== undefined) {
      const matchedWords = words(first);
      found.set(message.key, {
        message,
        count,
        partial: false,
        specificity: 12 + matchedWords.length,
        matched: first.trim().replace(/\s+/g, ' ').slice(0, 160),
        matchedWords,
      });
    }
  }
}

/**
 * For a short query (a few typed words): messages that contain the query's words as a run, the
 * last word possibly half typed. "upstream timed out" finds nginx's timeout messages.
 */
function findFragments(matcher: Matcher, query: readonly string[], lastIsPrefix: boolean, found: Map<string, Found>): void {
  if (query.length === 0 || query.length > MAX_FRAGMENT_WORDS) return;
  const first = query[0] as string;
  if (query.length === 1) {
    // One word finds a message only when it is distinctive: in few messages, and not a common word.
    if (first.length < 3 || STOP_WORDS.has(first)) return;
  }
  const starts: Array<{ message: CatalogueMessage; position: number }> = [];
  if (query.length === 1 && lastIsPrefix) {
    for (const [word, list] of matcher.wordIndex) if (word.startsWith(first)) starts.push(...list);
  } else {
    starts.push(...(matcher.wordIndex.get(first) ?? []));
  }
  const messagesWithWord = new Set(starts.map((start) => start.message.key));
  if (query.length === 1 && messagesWithWord.size > 3) return;
  for (const { message, position } of starts) {
    if (found.has(message.key) || position + query.length > message.words.length) continue;
    let same = true;
    for (let k = 1; k < query.length && same; k++) {
      const word = message.words[position + k] as string;
      const typed = query[k] as string;
      same = k === query.length - 1 && lastIsPrefix ? word.startsWith(typed) : word === typed;
    }
    if (!same) continue;
    found.set(message.key, {
      message,
      count: 1,
      partial: true,
      specificity: 2 + (5 * query.length) / message.words.length,
      matched: message.display,
      matchedWords: message.words,
    });
  }
}

/**
 * Statuses written by name in the paste's words: with the number before the name ("502 Bad
 * Gateway", "500 InternalServerError") they are stated; a registered name alone ("Service
 * Unavailable", "SERVICE_UNAVAILABLE") implies its code.
 */
function namedStatuses(matcher: Matcher, pasteWords: readonly string[]): { stated: Set<number>; implied: Set<number> } {
  const stated = new Set<number>();
  const implied = new Set<number>();
  for (let i = 0; i < pasteWords.length; i++) {
    const candidates = matcher.names.get(pasteWords[i] as string);
    if (!candidates) continue;
    for (const { code, words: nameWords, implies } of candidates) {
      if (i + nameWords.length > pasteWords.length) continue;
      let same = true;
      for (let j = 1; j < nameWords.length && same; j++) same = pasteWords[i + j] === nameWords[j];
      if (!same) continue;
      if (pasteWords[i - 1] === String(code)) stated.add(code);
      else if (implies) implied.add(code);
    }
  }
  return { stated, implied };
}

/** Emitters named by the paste's headers. */
function findLayers(matcher: Matcher, paste: Paste): LayerHit[] {
  const layers: LayerHit[] = [];
  for (const header of paste.headers) {
    for (const fingerprint of matcher.fingerprints) {
      if (fingerprint.header !== header.name) continue;
      if (fingerprint.value && !fingerprint.value.test(header.value)) continue;
      if (layers.some((layer) => layer.emitter.id === fingerprint.emitter.id)) continue;
      layers.push({
        emitter: fingerprint.emitter,
        header: `${header.name}: ${header.value}`,
        ...(fingerprint.meaning !== undefined ? { meaning: fingerprint.meaning } : {}),
      });
    }
  }
  return layers;
}

/** The paste read, its words, and every whole catalogued message found in it (before ranking). */
function collect(text: string, matcher: Matcher) {
  const paste = readPaste(text, matcher.headerNames);
  const work = { words: 0, patternChars: 0, patternRuns: 0 };
  const pasteWords: string[] = [];
  for (const line of paste.lines) for (const word of words(line)) pasteWords.push(word);
  work.words = pasteWords.length;
  const found = new Map<string, Found>();
  findLiterals(matcher, pasteWords, found);
  // A pattern written against a page's source may be anchored on markup, whose words the tag-free lines lack.
  const wordSet = new Set(pasteWords);
  for (const line of paste.markup) for (const word of words(line.replace(/[<>]/g, ' '))) wordSet.add(word);
  findPatterns(matcher, paste.markup.length > 0 ? [...paste.lines, ...paste.markup] : paste.lines, wordSet, found, work);
  return { paste, pasteWords, found, work };
}

/**
 * The keys (`emitter/id`) of every catalogued message found whole in `text`, before ranking drops
 * the less specific ones. The build uses it to check that each example is recognised as its own
 * entry, and that no two entries with different codes claim one example.
 */
export function recognise(text: string, matcher: Matcher): Set<string> {
  return new Set(collect(text, matcher).found.keys());
}

/** Finds and ranks the catalogued messages, stated statuses and named layers in a paste. */
export function analyze(text: string, matcher: Matcher): Analysis {
  const { paste, pasteWords, found, work } = collect(text, matcher);
  if (found.size === 0) findFragments(matcher, pasteWords, /[a-z0-9_]$/i.test(text), found);
  const layers = findLayers(matcher, paste);
  const namedLayers = new Set(layers.map((layer) => layer.emitter.id));
  const named = namedStatuses(matcher, pasteWords);
  const statuses = [...new Set([...paste.statuses, ...named.stated])].filter((code) => matcher.codeNames.has(code));
  // A name counts only when nothing states a number, and only outside a recognised message: API
  // Gateway's body "Internal server error" is a message, not a 500.
  const implied =
    statuses.length > 0
      ? []
      : [...named.implied].filter((code) => {
          const nameWords = words(matcher.codeNames.get(code) ?? '');
          return ![...found.values()].some((entry) => !entry.partial && containsRun(entry.message.words, nameWords));
        });
  const stated = new Set(statuses);
  const impliedSet = new Set(implied);

  // A message that is a run inside a longer one found for the same code says less: drop it.
  const all = [...found.values()];
  const kept = all.filter(
    (candidate) =>
      !all.some(
        (other) =>
          other !== candidate &&
          !other.partial &&
          other.matchedWords.length > candidate.matchedWords.length &&
          other.message.codes.some((code) => candidate.message.codes.some((mine) => mine.code === code.code)) &&
          containsRun(other.matchedWords, candidate.message.words),
      ),
  );

  const hits: MessageHit[] = [];
  for (const entry of kept) {
    // An entry whose code depends on a condition (a version, a mode) ranks a little below an equal
    // match that states one code outright: Caddy relays Go's "timeout awaiting response headers"
    // as 504 or 502 by version, where Go's own proxies always answer 502.
    const conditional = entry.message.codes.length > 1 ? 0.25 : 0;
    entry.message.codes.forEach(({ code, when }, index) => {
      let score = entry.specificity - index * 0.5 - conditional;
      if (stated.has(code)) score += 6;
      else if (impliedSet.has(code)) score += 3;
      if (namedLayers.has(entry.message.emitter.id)) score += 4;
      hits.push({
        message: entry.message,
        code,
        ...(when !== undefined ? { when } : {}),
        score,
        count: entry.count,
        partial: entry.partial,
        matched: entry.matched,
      });
    });
  }
  const order = new Map(matcher.messages.map((message, index) => [message.key, index]));
  hits.sort(
    (a, b) =>
      b.score - a.score || b.count - a.count || (order.get(a.message.key) ?? 0) - (order.get(b.message.key) ?? 0),
  );

  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const word of pasteWords) {
    if (keywords.length >= MAX_KEYWORDS) break;
    if (seen.has(word) || STOP_WORDS.has(word) || word.length < 2 || /^\d+$/.test(word)) continue;
    seen.add(word);
    keywords.push(word);
  }
  return { hits: hits.slice(0, MAX_HITS), statuses, implied, layers, keywords, work };
}

/** One row of an answer: a recognised message, or a status the paste states with no message to explain it. */
export type Answer =
  | { kind: 'message'; hit: MessageHit }
  | { kind: 'status'; code: number; layer?: LayerHit };

/**
 * The answers to show, best first: whole messages that agree with a status the paste states or
 * names, then stated statuses that no message explains (with the layer its headers name), then the
 * other messages, then codes only named ("Bad Gateway") that nothing else explains.
 */
export function answers(analysis: Analysis): Answer[] {
  const stated = new Set([...analysis.statuses, ...analysis.implied]);
  // A few typed words that are part of a message say less than a status the reader wrote.
  const agreeing = analysis.hits.filter((hit) => !hit.partial && stated.has(hit.code));
  const others = analysis.hits.filter((hit) => hit.partial || !stated.has(hit.code));
  const explained = new Set(agreeing.map((hit) => hit.code));
  const layer = analysis.layers[0];
  const statusAnswer = (code: number): Answer => (layer ? { kind: 'status', code, layer } : { kind: 'status', code });
  return [
    ...agreeing.map((hit): Answer => ({ kind: 'message', hit })),
    ...analysis.statuses.filter((code) => !explained.has(code)).map(statusAnswer),
    ...others.map((hit): Answer => ({ kind: 'message', hit })),
    ...analysis.implied.filter((code) => !explained.has(code)).map(statusAnswer),
  ];
}
