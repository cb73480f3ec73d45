/**
 * A page that answers a question from its URL (a search on /search/, a question on
 * /should-i-retry/) draws the answer with a script that arrives after the first paint. What
 * follows the answer would be painted first and then pushed down the screen, so the page's inline
 * script sets `data-answering` on <html> before that content is parsed, the page's CSS hides it
 * while the attribute is there, and the script that draws the answer removes it. The inline script
 * also removes it when the code fails to load, and after 5 s in any case.
 */
export function releaseAnswerHold(): void {
  delete document.documentElement.dataset['answering'];
}
