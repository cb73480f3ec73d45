/**
 * A search box is one line, but readers paste several: a log excerpt, a raw response with its
 * headers. On paste, each line break becomes this mark, which the reader sees, and search turns
 * back into a line break, so headers and per-line patterns still work.
 */
export const LINE_MARK = ' ↵ ';

/** The paste as one line for a search box. */
export function toSearchBox(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(LINE_MARK);
}

/** The text a search box holds, with its line marks turned back into line breaks. */
export function fromSearchBox(value: string): string {
  return value.split(LINE_MARK.trim()).map((line) => line.trim()).join('\n');
}

/** Longest query a search page URL carries; a longer paste is cut (at a line mark when there is one). */
export const SEARCH_URL_MAX = 4000;

/** What the search page says before anything is searched: the page shows it, and so does the search code. */
export const SEARCH_PAGE_IDLE = 'Type a code, a range such as 52x, or words from an error message; or pick filters.';
