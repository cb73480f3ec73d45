import type { CodeIndexEntry } from '../messages/matcher-data.ts';
import { words } from '../messages/tokens.ts';

/**
 * Search over the small code index (number, name, aliases, summary) that ships with the search
 * code: it answers most short queries ("503", "gateway", "no healthy upstream") the instant the
 * search code has loaded, before Pagefind and its index are fetched at all.
 */

/** How much a query word counts when it is found in each field. */
const WEIGHTS = { name: 10, alias: 6, summary: 2 } as const;

/** A light stem, so that "timeouts" finds "timeout" and "retried" finds "retry". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '');
}

interface Field {
  weight: number;
  stems: string[];
}

/** A code found by {@link searchCodes}, with its score. */
export interface CodeHit {
  entry: CodeIndexEntry;
  score: number;
  /** Every query word is in the code's number or name: the reader named the code. */
  byName?: boolean;
  /** The query is one of the code's aliases, or a run of words inside one. */
  byAlias?: boolean;
}

/** Builds the per-field word lists once. */
export function indexCodes(codes: readonly CodeIndexEntry[]): Array<{ entry: CodeIndexEntry; fields: Field[]; aliases: string[] }> {
  return codes.map((entry) => ({
    entry,
    fields: [
      { weight: WEIGHTS.name, stems: [String(entry.code), ...words(entry.name).map(stem)] },
      { weight: WEIGHTS.alias, stems: entry.aliases.flatMap((alias) => words(alias).map(stem)) },
      { weight: WEIGHTS.summary, stems: words(entry.summary).map(stem) },
    ],
    aliases: entry.aliases.map((alias) => words(alias).join(' ')),
  }));
}

/**
 * The codes whose fields hold every word of `query` (the last one may be half typed), best first.
 * A query that is a whole alias, or a run of one, counts extra: "no healthy upstream" is 503's.
 */
export function searchCodes(index: ReturnType<typeof indexCodes>, query: string, lastIsPrefix: boolean): CodeHit[] {
  const queryWords = words(query);
  if (queryWords.length === 0 || queryWords.length > 12) return [];
  const stems = queryWords.map(stem);
  const phrase = queryWords.join(' ');
  const hits: CodeHit[] = [];
  for (const { entry, fields, aliases } of index) {
    let score = 0;
    let all = true;
    let byName = true;
    stems.forEach((wanted, i) => {
      const prefix = lastIsPrefix && i === stems.length - 1 && wanted.length >= 2;
      let best = 0;
      for (const field of fields) {
        if (field.weight <= best) continue;
        if (field.stems.some((have) => have === wanted || (prefix && have.startsWith(wanted)))) best = field.weight;
      }
      if (best === 0) all = false;
      if (best !== WEIGHTS.name) byName = false;
      score += best;
    });
    if (!all) continue;
    let byAlias = false;
    if (aliases.some((alias) => alias === phrase)) {
      score += 20;
      byAlias = true;
    } else if (queryWords.length > 1 && aliases.some((alias) => ` ${alias} `.includes(` ${phrase} `))) {
      score += 8;
      byAlias = true;
    }
    hits.push({ entry, score, ...(byName ? { byName } : {}), ...(byAlias ? { byAlias } : {}) });
  }
  return hits.sort((a, b) => b.score - a.score || a.entry.code - b.entry.code);
}
