/**
 * What search does when Pagefind finds no page with every word of a query (as with a pasted log
 * line, full of words no page has): search again on the query's distinctive words, then on each
 * word alone, and rank pages by how many of the words they hold.
 */

/** How the results were found, for the heading the reader sees. */
export type FallbackMode = 'all' | 'distinctive' | 'any';

/** Most single-word searches made for one query. */
export const MAX_FALLBACK_WORDS = 48;

/**
 * The searches to try, in order: the whole query, then its distinctive words (noise and common
 * words dropped; skipped when they are the same as the query), then each distinctive word alone.
 * `known` holds words the site is known to use (code names, summaries, aliases, catalogued
 * messages): those are searched alone first, so a long paste's one familiar word is never cut off.
 */
export function fallbackPlan(
  query: string,
  keywords: readonly string[],
  known: ReadonlySet<string> = new Set(),
): { all: string; distinctive?: string; any: string[] } {
  const distinctive = keywords.join(' ');
  const queryWords = query.toLowerCase().split(/[^a-z0-9_]+/).filter(Boolean).join(' ');
  const familiar = keywords.filter((word) => known.has(word));
  const others = keywords.filter((word) => !known.has(word));
  return {
    all: query,
    ...(distinctive !== '' && distinctive !== queryWords ? { distinctive } : {}),
    any: [...familiar, ...others].slice(0, MAX_FALLBACK_WORDS),
  };
}

/** One page found by one of the single-word searches. */
export interface WordResult<T> {
  id: string;
  score: number;
  item: T;
}

/**
 * Merges the results of single-word searches: pages that hold more of the words first, then by
 * their summed scores. Each page appears once, with the number of words it matched.
 */
export function rankByWordsMatched<T>(perWord: ReadonlyArray<ReadonlyArray<WordResult<T>>>): Array<{ item: T; matched: number }> {
  const pages = new Map<string, { item: T; matched: number; score: number; first: number }>();
  let order = 0;
  for (const results of perWord) {
    const seenThisWord = new Set<string>();
    for (const result of results) {
      if (seenThisWord.has(result.id)) continue;
      seenThisWord.add(result.id);
      const page = pages.get(result.id);
      if (page) {
        page.matched++;
        page.score += result.score;
      } else pages.set(result.id, { item: result.item, matched: 1, score: result.score, first: order++ });
    }
  }
  return [...pages.values()]
    .sort((a, b) => b.matched - a.matched || b.score - a.score || a.first - b.first)
    .map(({ item, matched }) => ({ item, matched }));
}
