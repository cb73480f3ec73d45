/** The event a drawn block sends up the document, so that page-wide scripts can equip it: CopyButtons.astro listens. */
const MARKUP_DRAWN = 'markup-drawn';

/**
 * The element `key` names inside `scope`: a block that DeferredMarkup.astro kept as text is
 * turned into its element on the first call, in the script's place, and announced with a bubbling
 * `markup-drawn` event; later calls find the element. `undefined` when there is no such block.
 * The text is the site's own build output, never input, so it is parsed as markup.
 */
export function drawDeferred(scope: ParentNode, key: string): HTMLElement | undefined {
  const found = [...scope.querySelectorAll<HTMLElement>('[data-key]')].find((element) => element.dataset['key'] === key);
  if (!(found instanceof HTMLScriptElement)) return found;
  const element = document.createElement(found.dataset['deferred'] ?? 'div');
  element.dataset['key'] = key;
  element.setAttribute('aria-label', found.dataset['label'] ?? '');
  element.innerHTML = found.text;
  found.replaceWith(element);
  element.dispatchEvent(new Event(MARKUP_DRAWN, { bubbles: true }));
  return element;
}
