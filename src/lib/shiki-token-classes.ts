import type { ShikiTransformer } from 'shiki';

const TOKEN_STYLE = /^color:\s*var\(--astro-code-token-([a-z-]+)\);?$/;

/**
 * Shiki's css-variables theme writes `style="color:var(--astro-code-token-keyword)"` on every
 * token. This turns each into a short class (`t-keyword`) that the site's stylesheet colours for
 * light and dark themes: fewer bytes per page, and no inline style attribute per token. It also
 * writes each block's line count (`--lines`) on its `pre`.
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
      const token = typeof style === 'string' ? TOKEN_STYLE.exec(style.trim())?.[1] : undefined;
      if (token === undefined) return;
      delete node.properties['style'];
      this.addClassToHast(node, `t-${token}`);
    },
  };
}
