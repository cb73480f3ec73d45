import type { HastPluginDefinition } from 'satteri';

/** The longest accessible name a table's scroll region gets before it is cut with an ellipsis. */
const MAX_LABEL = 80;

/** The text of a table's first row of header cells, which names the table for its scroll region. */
function headerText(table: unknown, textContent: (node: never) => string): string {
  const stack: unknown[] = [table];
  while (stack.length > 0) {
    const node = stack.shift() as { type?: string; tagName?: string; children?: unknown[] };
    if (node.type === 'element' && node.tagName === 'tr') {
      const cells = (node.children ?? []).filter(
        (child) => (child as { tagName?: string }).tagName === 'th',
      );
      return cells.map((cell) => textContent(cell as never).trim()).filter(Boolean).join(', ');
    }
    stack.push(...(node.children ?? []));
  }
  return '';
}

/**
 * Wraps every Markdown table in a region that scrolls sideways, so a wide comparison table never
 * widens the page on a phone. The region takes keyboard focus (a reader without a mouse must be able
 * to scroll it) and is named after the table's header row.
 */
export function tableScrollPlugin(): () => HastPluginDefinition {
  return () => ({
    name: 'http5xx:table-scroll',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        const header = headerText(node, (cell) => ctx.textContent(cell));
        const label = header.length > MAX_LABEL ? `${header.slice(0, MAX_LABEL - 1).trimEnd()}…` : header;
        ctx.wrapNode(node, {
          type: 'element',
          // A named <section> is a region landmark, what a focusable scroll box needs to be.
          tagName: 'section',
          properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: `Table: ${label}` },
          children: [],
        });
      },
    },
  });
}
