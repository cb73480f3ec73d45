import type { HastPluginDefinition } from 'satteri';

/**
 * Content links are written root-relative (`[502](/502/)`). This Sätteri hast plugin prefixes
 * them with the site's base path, so the same MDX works at a domain root and under a sub-path.
 */
export function baseLinksPlugin(base: string): HastPluginDefinition {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return {
    name: 'http5xx:base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties['href'];
        if (prefix !== '/' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
          ctx.setProperty(node, 'href', prefix + href.slice(1));
        }
      },
    },
  };
}
