import type { HastPluginDefinition } from 'satteri';

/**
 * The characters that surely fit one line of body text, at the top level of a page's prose and in
 * each level of list nesting below it: in a 320 px phone's column (288 px), and from 40rem wide
 * (608 px at least). Each is about 12-15 px a character, where proportional text averages 7-8 px and
 * inline code 9 px, so a line's last word never needs more than the slack left on that line.
 * tests/e2e/phone.spec.ts renders every such block at 320, 390, 430, 640 and 1280 px and fails when one
 * is taller than its placeholder.
 */
export const CHARS_PER_LINE = { narrow: [24, 22, 20], wide: [40, 37, 34] } as const;

/**
 * How far down the page lazy layout begins: past what surely fills a tall screen. A skipped block's
 * placeholder is taller than the block, so one skipped in the first screen would shrink when it is
 * laid out, a frame after the first paint, and pull what follows it up into view: a layout shift.
 * Above this line, blocks are laid out at once.
 */
export const FIRST_SCREENS_PX = 1600;
/**
 * A phone's first screens: at most 30rem wide (every phone held upright), where a screen is at most
 * about 930 px tall. Lazy layout begins sooner there, with its own lower bound.
 */
export const PHONE_FIRST_SCREENS_PX = 1000;
/**
 * More characters than a line holds, in the widest column (46rem) and in a phone's column at most
 * (30rem less the page's margins, 448 px), and less than a line's height.
 */
const MAX_CHARS_PER_LINE = 140;
const PHONE_MAX_CHARS_PER_LINE = 82;
const MIN_LINE_PX = 20;

/** Inline elements whose text is all there is to their size: a block holding only these is estimated. */
const PHRASING = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'kbd', 'q', 'small', 'strong', 'sub', 'sup', 'time', 'var']);

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  children?: Node[];
}

/** Lines a run of text takes at most, at this many characters a line (one at least). */
export function textLines(text: string, perLine: number): number {
  return Math.max(1, Math.ceil(text.replace(/\s+/g, ' ').length / perLine));
}

/** Lines of one run of inline content: its text over the characters per line, plus one per <br>. */
function inlineLines(nodes: readonly Node[], perLine: number): number | undefined {
  let text = '';
  let breaks = 0;
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') text += node.value ?? '';
    else if (node.type === 'element' && node.tagName === 'br') breaks += 1;
    else if (node.type === 'element' && PHRASING.has(node.tagName ?? '')) stack.push(...(node.children ?? []));
    else if (node.type !== 'comment') return undefined;
  }
  return textLines(text, perLine) + breaks;
}

/**
 * Lines a list takes, each item its own lines (a tight list has no space between items), nested
 * lists at their own depth. Undefined when an item holds anything but text, inline elements and
 * nested lists: a loose list's paragraphs have margins, a component's size is unknown.
 */
function listLines(list: Node, perLine: readonly number[], depth: number): number | undefined {
  const width = perLine[depth];
  if (width === undefined) return undefined;
  let lines = 0;
  for (const item of list.children ?? []) {
    if (item.type === 'text' && !item.value?.trim()) continue;
    if (item.type !== 'element' || item.tagName !== 'li') return undefined;
    const inline: Node[] = [];
    let itemLines = 0;
    for (const child of item.children ?? []) {
      if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
        const nested = listLines(child, perLine, depth + 1);
        if (nested === undefined) return undefined;
        itemLines += nested;
      } else inline.push(child);
    }
    const text = inline.some((node) => node.type !== 'text' || node.value?.trim()) ? inlineLines(inline, width) : 0;
    if (text === undefined) return undefined;
    lines += text + itemLines;
  }
  return lines;
}

function allText(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(allText).join('');
}

/**
 * A lower bound of the height of a block, at any width: its text over more characters than any line
 * holds, a code block its lines; nothing for what its text does not tell (a component).
 */
export function minHeightPx(node: Node, maxCharsPerLine = MAX_CHARS_PER_LINE): number {
  if (node.type !== 'element') return 0;
  const text = allText(node);
  if (!text.trim()) return 0;
  const lines = node.tagName === 'pre' ? text.trimEnd().split('\n').length : Math.ceil(text.replace(/\s+/g, ' ').trim().length / maxCharsPerLine);
  return lines * MIN_LINE_PX;
}

/** An upper bound of the lines a paragraph or list takes at a width, or undefined when unknown. */
export function blockLines(node: Node, perLine: readonly number[]): number | undefined {
  if (node.tagName === 'p') return inlineLines(node.children ?? [], perLine[0]!);
  if (node.tagName === 'ul' || node.tagName === 'ol') return listLines(node, perLine, 1);
  return undefined;
}

/**
 * Running totals of the blocks' lower-bound heights, by page root and characters per line: entry i
 * is the height of the root's first i blocks. Each block is measured once, when a block below it
 * first asks; by then every plugin has visited it, so its text is final.
 */
const runningHeights = new WeakMap<Node, Map<number, number[]>>();

/** The lower bound of the height of a root's blocks above the one at `index`. */
function heightAbove(root: Node, index: number, maxCharsPerLine: number): number {
  let byWidth = runningHeights.get(root);
  if (!byWidth) runningHeights.set(root, (byWidth = new Map()));
  let sums = byWidth.get(maxCharsPerLine);
  if (!sums) byWidth.set(maxCharsPerLine, (sums = [0]));
  const blocks = root.children ?? [];
  while (sums.length <= index) {
    const i = sums.length - 1;
    sums.push(sums[i]! + minHeightPx(blocks[i]!, maxCharsPerLine));
  }
  return sums[index]!;
}

/**
 * Lets the browser skip laying out and painting the paragraphs and lists of a page's prose until
 * they near the screen (`content-visibility: auto`, class `lazy-layout` in site.css). A long guide
 * otherwise holds a phone's main thread for its whole length right after the first paint.
 *
 * A skipped block keeps a placeholder height, and it must be an upper bound of the real one: tools
 * that measure the links inside a skipped block (Lighthouse's target-size audit) see them at their
 * real size in a box of the placeholder's, and a box too short lets them overlap the next block's.
 * So each block carries its line count at both widths (`--l`, `--lw`), from its text over
 * CHARS_PER_LINE; a block whose size its text does not tell (a component, a loose list, a table)
 * is left alone, and so is every block in the first FIRST_SCREENS_PX of the prose (on a phone,
 * PHONE_FIRST_SCREENS_PX).
 */
export function lazyLayoutPlugin(): () => HastPluginDefinition {
  return () => ({
    name: 'http5xx:lazy-layout',
    element: {
      filter: ['p', 'ul', 'ol'],
      visit(node, ctx) {
        const root = ctx.parent(node);
        if (root?.type !== 'root') return;
        const index = ctx.indexOf(node);
        if (index === undefined) return;
        const above = (maxCharsPerLine: number) => heightAbove(root as Node, index, maxCharsPerLine);
        // lazy-layout: skipped at every width; lazy-phone: only on a phone (site.css).
        const lazyClass = above(MAX_CHARS_PER_LINE) >= FIRST_SCREENS_PX ? 'lazy-layout' : above(PHONE_MAX_CHARS_PER_LINE) >= PHONE_FIRST_SCREENS_PX ? 'lazy-phone' : undefined;
        if (lazyClass === undefined) return;
        const narrow = blockLines(node as Node, CHARS_PER_LINE.narrow);
        const wide = blockLines(node as Node, CHARS_PER_LINE.wide);
        if (narrow === undefined || wide === undefined) return;
        const classes = node.properties['className'];
        ctx.setProperty(node, 'className', [...(Array.isArray(classes) ? classes : []), lazyClass]);
        ctx.setProperty(node, 'style', `--l:${narrow};--lw:${wide}`);
      },
    },
  });
}
