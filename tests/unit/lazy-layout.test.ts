import { describe, expect, it } from 'vitest';
import { blockLines, CHARS_PER_LINE, minHeightPx } from '../../src/lib/lazy-layout-plugin';

// Hand-built hast: the line counts below are worked out by hand from the text lengths and the
// characters per line (24 and 40 at the top level, 22 and 37 in a list, 20 and 34 in a nested one).
const text = (value: string) => ({ type: 'text', value });
const el = (tagName: string, ...children: object[]) => ({ type: 'element', tagName, children });
const chars = (n: number) => 'x'.repeat(n);

const lines = (node: object) => [blockLines(node as never, CHARS_PER_LINE.narrow), blockLines(node as never, CHARS_PER_LINE.wide)];

describe('blockLines', () => {
  it('counts a paragraph by its text over the characters per line, rounding up', () => {
    expect(lines(el('p', text(chars(50))))).toEqual([3, 2]);
    expect(lines(el('p', text(chars(48))))).toEqual([2, 2]);
    expect(lines(el('p', text(chars(3))))).toEqual([1, 1]);
  });

  it('counts the text inside links, code and emphasis, and a line for each break', () => {
    const p = el('p', text(chars(10)), el('a', el('code', text(chars(20)))), el('br'), el('strong', text(chars(10))));
    // 40 characters: 2 lines at 24 a line, 1 at 40; the <br> adds one.
    expect(lines(p)).toEqual([3, 2]);
  });

  it('collapses runs of white space as the browser does', () => {
    expect(lines(el('p', text(`${chars(20)}\n      ${chars(20)}`)))).toEqual([2, 2]);
  });

  it('counts a tight list item by item, each at the list width', () => {
    const ul = el('ul', el('li', text(chars(30))), text('\n'), el('li', text(chars(10))));
    // 30 characters: 2 lines at 22, 1 at 37; 10 characters: 1 line each.
    expect(lines(ul)).toEqual([3, 2]);
  });

  it('counts a nested list at its own, narrower width', () => {
    const ol = el('ol', el('li', text('Steps'), el('ul', el('li', text(chars(40))))));
    // "Steps": 1 line; 40 characters nested: 2 lines at 20, 2 at 34.
    expect(lines(ol)).toEqual([3, 3]);
  });

  it('leaves alone what its text does not measure: components, loose lists, tables, deep nesting', () => {
    expect(lines(el('p', text('Up to '), { type: 'mdxJsxTextElement', children: [] }))).toEqual([undefined, undefined]);
    expect(lines(el('ul', el('li', el('p', text(chars(10))))))).toEqual([undefined, undefined]);
    expect(lines(el('p', el('img')))).toEqual([undefined, undefined]);
    expect(lines(el('table', el('tr')))).toEqual([undefined, undefined]);
    const deep = el('ul', el('li', el('ul', el('li', el('ul', el('li', text('deep')))))));
    expect(lines(deep)).toEqual([undefined, undefined]);
  });
});

const height = (node: object) => minHeightPx(node as never);

describe('minHeightPx', () => {
  // At most 140 characters a line, at least 20 px a line.
  it('gives a block of text at least a line of 20 px per 140 characters', () => {
    expect(height(el('p', text(chars(300))))).toBe(60);
    expect(height(el('h2', text('Retry semantics')))).toBe(20);
  });

  it('gives a code block a line per line of code, however short', () => {
    expect(height(el('pre', el('code', text('a\nb\nc\n'))))).toBe(60);
  });

  it('gives nothing for what its text does not tell', () => {
    expect(height({ type: 'mdxJsxFlowElement', children: [] })).toBe(0);
    expect(height(text('\n'))).toBe(0);
    expect(height(el('div'))).toBe(0);
  });
});
