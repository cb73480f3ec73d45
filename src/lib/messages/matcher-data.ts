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

/**
 * What the browser needs to recognise messages: the catalogue's texts, patterns and codes, without
 * sources, examples or prose, small enough to fetch with the search code. Built at build time from
 * the YAML files; `createMatcher` turns it into indexes. The prose that search shows with a match
 * is in {@link MessageDetails}, fetched alongside.
 */
export interface MatcherData {
  /** Format version, bumped when the shape changes. */
  v: 1;
  emitters: Array<{ id: string; name: string; layer: Emitter; guide?: string }>;
  messages: Array<{
    /** Index into `emitters`. */
    e: number;
    /** A literal message, as written. */
    t?: string;
    /** A pattern's source (its anchors and words are derived by `createMatcher`). */
    p?: string;
    /** Its codes, in the catalogue's order. */
    c: number[];
    /** `NNN#fragment` on a code page. */
    s?: string;
  }>;
  fingerprints: Array<{ e: number; h: string; v?: string }>;
  /** Every code that has a page: the small index that search answers from before Pagefind. */
  codes: CodeIndexEntry[];
}

/** The prose search shows with a match, in the same order as {@link MatcherData}'s messages and fingerprints. */
export interface MessageDetails {
  v: 1;
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
    })),
    messages: sorted.flatMap((file, e) =>
      file.messages.map((message) => ({
        e,
        ...(message.text !== undefined ? { t: message.text } : {}),
        ...(message.pattern !== undefined ? { p: message.pattern } : {}),
        c: message.codes.map(({ code }) => code),
        ...(message.section ? { s: message.section } : {}),
      })),
    ),
    fingerprints: sorted.flatMap((file, e) =>
      file.fingerprints.map((fingerprint) => ({
        e,
        h: fingerprint.header,
        ...(fingerprint.value !== undefined ? { v: fingerprint.value } : {}),
      })),
    ),
    codes: [...codes].sort((a, b) => a.code - b.code),
  };
}

/** Builds the prose that goes with {@link toMatcherData}'s entries, in the same order. */
export function toMessageDetails(files: readonly EmitterFile[]): MessageDetails {
  const sorted = byEmitter(files);
  return {
    v: 1,
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
