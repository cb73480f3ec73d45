import type { Emitter } from '../emitters.ts';
import type { EmitterFile } from './schema.ts';

/** What search shows and matches of a code page without fetching anything else. */
export interface CodeIndexEntry {
  code: number;
  name: string;
  status: 'standard' | 'unofficial';
  /** The retry verdict: yes, conditional or no. */
  retry: string;
  summary: string;
  aliases: string[];
  /** The layers that typically send it (the entry's `emitters`), for the search page's layer filter. */
  layers: string[];
}

/** One message, compactly: a literal (kind 0) or a pattern (kind 1), its codes, and `NNN#fragment`. */
export type MatcherMessage = [kind: 0 | 1, source: string, codes: number[], section?: string];

/** A code as the browser's index holds it; its summary is prose, in {@link MessageDetails}. */
export type CodeKey = Omit<CodeIndexEntry, 'summary'>;

/**
 * What the browser needs to recognise messages: the catalogue's texts, patterns and codes, without
 * sources, examples or prose, small enough to fetch with the search code. Built at build time from
 * the YAML files; `createMatcher` turns it into indexes (a pattern's anchors and words are derived
 * there). The prose that search shows is in {@link MessageDetails}, fetched alongside.
 */
export interface MatcherData {
  /** Format version, bumped when the shape changes. */
  v: 1;
  /** Emitters, each with its messages in catalogue order. */
  emitters: Array<{ id: string; name: string; layer: Emitter; guide?: string; m: MatcherMessage[] }>;
  /** Header fingerprints: the emitter's index, the header name, and a pattern for its value. */
  fingerprints: Array<[emitter: number, header: string, value?: string]>;
  /** Every code that has a page: the small index that search answers from before Pagefind. */
  codes: CodeKey[];
}

/** The prose search shows, in the same order as {@link MatcherData}'s messages, fingerprints and codes. */
export interface MessageDetails {
  v: 1;
  /** Each code's one-sentence summary. */
  summaries: string[];
  messages: Array<{
    /** One-line meaning. */
    m: string;
    /** For each code, the condition that picks it (empty when there is one code). */
    w: string[];
  }>;
  /** What each fingerprint's header tells. */
  fingerprints: string[];
}

/** What the paste box adds: each message's id and the first thing to check, in the same order. */
export interface MessageChecks {
  v: 1;
  /** The message id within its emitter. */
  ids: string[];
  /** The first thing to check. */
  checks: string[];
}

const byEmitter = (files: readonly EmitterFile[]) => [...files].sort((a, b) => a.emitter.localeCompare(b.emitter));

/** Builds the browser's matcher data from validated emitter files and the code pages' index entries. */
export function toMatcherData(files: readonly EmitterFile[], codes: readonly CodeIndexEntry[]): MatcherData {
  const sorted = byEmitter(files);
  return {
    v: 1,
    emitters: sorted.map((file) => ({
      id: file.emitter,
      name: file.name,
      layer: file.layer,
      ...(file.guide ? { guide: file.guide } : {}),
      m: file.messages.map((message): MatcherMessage => {
        const head: [0 | 1, string, number[]] = [
          message.pattern === undefined ? 0 : 1,
          message.pattern ?? message.text ?? '',
          message.codes.map(({ code }) => code),
        ];
        return message.section ? [...head, message.section] : head;
      }),
    })),
    fingerprints: sorted.flatMap((file, e) =>
      file.fingerprints.map((fingerprint): [number, string, string?] =>
        fingerprint.value === undefined ? [e, fingerprint.header] : [e, fingerprint.header, fingerprint.value],
      ),
    ),
    codes: sortedCodes(codes).map(({ summary: _summary, ...key }) => key),
  };
}

const sortedCodes = (codes: readonly CodeIndexEntry[]) => [...codes].sort((a, b) => a.code - b.code);

/** The code index with its summaries, from the two data modules (summaries empty without details). */
export function codeIndex(data: MatcherData, details?: MessageDetails): CodeIndexEntry[] {
  return data.codes.map((key, i) => ({ ...key, summary: details?.summaries[i] ?? '' }));
}

/** Builds the prose that goes with {@link toMatcherData}'s entries, in the same order. */
export function toMessageDetails(files: readonly EmitterFile[], codes: readonly CodeIndexEntry[]): MessageDetails {
  const sorted = byEmitter(files);
  return {
    v: 1,
    summaries: sortedCodes(codes).map((entry) => entry.summary),
    messages: sorted.flatMap((file) =>
      file.messages.map((message) => ({
        m: message.meaning,
        w: message.codes.length > 1 ? message.codes.map((code) => code.when ?? '') : [],
      })),
    ),
    fingerprints: sorted.flatMap((file) => file.fingerprints.map((fingerprint) => fingerprint.meaning)),
  };
}

/** Builds the paste box's extra data, in the same order as {@link toMatcherData}'s messages. */
export function toMessageChecks(files: readonly EmitterFile[]): MessageChecks {
  const messages = byEmitter(files).flatMap((file) => file.messages);
  return { v: 1, ids: messages.map((message) => message.id), checks: messages.map((message) => message.check) };
}
