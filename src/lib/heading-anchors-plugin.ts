import Slugger from 'github-slugger';
import type { HastPluginDefinition } from 'satteri';

/**
 * Gives every h2 and h3 a "#" link to itself, so a reader can share a section. Astro's own
 * heading-id plugin runs after this one, so this sets the id first, with the same slugger, and
 * leaves the link without text (CSS draws the "#"): the heading's text, which Astro records for
 * `headings`, stays clean. The link is left out of the search index.
 */
export function headingAnchorsPlugin(): () => HastPluginDefinition {
  return () => {
    const slugger = new Slugger();
    return {
      name: 'http5xx:heading-anchors',
      element: {
        filter: ['h2', 'h3'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const existing = node.properties['id'];
          const id = typeof existing === 'string' && existing !== '' ? existing : slugger.slug(text);
          ctx.setProperty(node, 'id', id);
          ctx.appendChild(node, {
            type: 'element',
            tagName: 'a',
            properties: {
              className: ['anchor'],
              href: `#${id}`,
              ariaLabel: `Link to the section “${text}”`,
              dataPagefindIgnore: '',
            },
            children: [],
          });
        },
      },
    };
  };
}
