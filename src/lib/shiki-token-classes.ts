import type { ShikiTransformer } from 'shiki';

const TOKEN_STYLE = /^color:\s*var\(--astro-code-token-([a-z-]+)\);?$/;
const FOREGROUND_STYLE = /^color:\s*var\(--astro-code-foreground\);?$/;
/** Tokens drawn in the block's own colour: punctuation is not set apart in this site's palette. */
const PLAIN_TOKENS = new Set(['punctuation']);

/**
 * Shiki's css-variables theme writes `style="color:var(--astro-code-token-keyword)"` on every
 * token. This turns each into a short class (`t-keyword`) that the site's stylesheet colours for
 * light and dark themes: fewer bytes per page, and no inline style attribute per token.
 *
 * A token in the block's own colour (plain text, punctuation) gets no element at all: its text
 * inherits the colour from the `pre`. A third of the spans on a code-heavy page were such
 * tokens, and each element costs the browser parsing, style and layout work.
 *
 * It also writes each block's line count (`--lines`) on its `pre`.
 */
export function shikiTokenClasses(): ShikiTransformer {
  return {
    name: 'http5xx:token-classes',
    pre(node) {
      // The block's line count, for its height while content-visibility skips it (site.css).
      const style = node.properties['style'];
      const before = typeof style === 'string' ? style.trim().replace(/;?$/, ';') : '';
      node.properties['style'] = `${before}--lines:${this.tokens.length}`;
    },
    span(node) {
      const style = node.properties['style'];
      if (typeof style !== 'string') return;
      const token = TOKEN_STYLE.exec(style.trim())?.[1];
      if (token === undefined && !FOREGROUND_STYLE.test(style.trim())) return;
      delete node.properties['style'];
      // Left without properties, the line hook below replaces it with its text.
      if (token !== undefined && !PLAIN_TOKENS.has(token)) this.addClassToHast(node, `t-${token}`);
    },
    line(node) {
      node.children = node.children.flatMap((child) =>
        child.type === 'element' && child.tagName === 'span' && Object.keys(child.properties).length === 0 ? child.children : [child],
      );
    },
  };
}
