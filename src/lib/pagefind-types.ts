/** Pagefind filter values: `{ any: [...] }` matches pages with at least one of the values. */
export type PagefindFilters = Record<string, { any: string[] }>;

/** The parts of Pagefind's browser API (`/pagefind/pagefind.js`) that the site uses. */
export interface PagefindApi {
  options(options: {
    baseUrl?: string;
    excerptLength?: number;
    ranking?: { pageLength?: number; termSaturation?: number; termFrequency?: number; termSimilarity?: number };
  }): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearch | null>;
}

/** One search: result handles whose data loads on demand. */
export interface PagefindSearch {
  results: Array<{ id: string; score: number; data(): Promise<PagefindResult> }>;
}

/** A loaded result: `excerpt` is HTML with the matches wrapped in `<mark>`. */
export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
