import type { Emitter } from '../emitters.ts';
import type { EmitterFile } from './schema.ts';

/**
 * What the browser needs to recognise messages: the catalogue without its sources, examples and
 * checks, small enough to ship with the search code. Built at build time from the YAML files;
 * `createMatcher` turns it into indexes.
 */
export interface MatcherData {
  /** Format version, bumped when the shape changes. */
  v: 1;
  emitters: Array<{ id: string; name: string; layer: Emitter; guide?: string }>;
  messages: Array<{
    /** Index into `emitters`. */
    e: number;
    /** The message id within its emitter. */
    id: string;
    /** A literal message, as written. */
    t?: string;
    /** A pattern's source. */
    p?: string;
    /** Codes, each with the condition that picks it when there are several. */
    c: Array<[code: number, when?: string]>;
    /** One-line meaning. */
    m: string;
    /** `NNN#fragment` on a code page. */
    s?: string;
  }>;
  fingerprints: Array<{ e: number; h: string; v?: string; m: string }>;
  /** Reason phrase of each code that has a page, e.g. `[503, "Service Unavailable"]`. */
  codes: Array<[code: number, name: string]>;
}

/** Builds the browser's matcher data from validated emitter files and the code pages' names. */
export function toMatcherData(files: readonly EmitterFile[], codeNames: ReadonlyMap<number, string>): MatcherData {
  const sorted = [...files].sort((a, b) => a.emitter.localeCompare(b.emitter));
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
        id: message.id,
        ...(message.text !== undefined ? { t: message.text } : {}),
        ...(message.pattern !== undefined ? { p: message.pattern } : {}),
        c: message.codes.map(({ code, when }) => (when === undefined ? [code] : [code, when]) as [number, string?]),
        m: message.meaning,
        ...(message.section ? { s: message.section } : {}),
      })),
    ),
    fingerprints: sorted.flatMap((file, e) =>
      file.fingerprints.map((fingerprint) => ({
        e,
        h: fingerprint.header,
        ...(fingerprint.value !== undefined ? { v: fingerprint.value } : {}),
        m: fingerprint.meaning,
      })),
    ),
    codes: [...codeNames].sort(([a], [b]) => a - b),
  };
}
