import { describe, expect, it } from 'vitest';
import { checkPattern, literalText, UnsafePatternError } from '../../src/lib/messages/pattern-safety';

describe('checkPattern', () => {
  it.each([
    ['upstream timed out \\(\\d+: [^)]*\\) while reading response header from upstream', ') while reading response header from upstream'],
    ['code=H1[0-9] desc="[^"]*"', 'code=h1'],
    ['HTTP (?:Error|status) 500\\.30\\b', ' 500.30'],
    ['AH01102: error reading status line from remote server(?: [^ ]+)?', 'ah01102: error reading status line from remote server'],
    ['Server [^ ]+ is DOWN.{0,200}\\. 0 active', '. 0 active'],
    ['upstream timed out.*', 'upstream timed out'],
  ])('accepts the safe pattern %s and finds its anchor', (pattern, anchor) => {
    expect(checkPattern(pattern).anchors).toContain(anchor);
  });

  it('gives one anchor per branch of an alternation', () => {
    expect(checkPattern('(?:error 520|web server is down)').anchors.sort()).toEqual(['error 520', 'web server is down']);
  });

  it.each([
    ['(a+)+b', 'a group may only be made optional'],
    ['(?:ab|a)*c', 'a group may only be made optional'],
    ['foo.*bar', 'followed by a character it can also match'],
    ['foo\\d+\\d+:', 'followed by a character it can also match'],
    ['foo\\w+\\d bar', 'followed by a character it can also match'],
    ['(?:upstream [a-z]+)? timed', 'at the end of a group'],
    ['.*upstream timed out', 'may not start with an unbounded repeat'],
    ['(upstream)\\1', 'backreferences'],
    ['upstream(?=timed)', 'lookahead'],
    ['(?<=x)upstream', 'lookahead, lookbehind'],
    ['upstream.{0,500}timed', 'at most 200'],
    ['a\\d+:\\d+b', 'literal of at least 3 characters'],
    ['(?:ab|upstream)', 'literal of at least 3 characters'],
  ])('refuses %s', (pattern, reason) => {
    expect(() => checkPattern(pattern)).toThrow(UnsafePatternError);
    expect(() => checkPattern(pattern)).toThrow(reason);
  });

  it('refuses invalid syntax with the engine’s own error', () => {
    expect(() => checkPattern('upstream (timed')).toThrow(SyntaxError);
  });

  it('lets a header value go without an anchor, but not without the other rules', () => {
    expect(checkPattern('^[0-9a-f]{16}(?:-[a-z]{3})?$', false).anchors).toEqual([]);
    expect(() => checkPattern('^(a+)+$', false)).toThrow(UnsafePatternError);
  });
});

describe('literalText', () => {
  it('blanks the variable parts, with spaces for matching and an ellipsis for reading', () => {
    const pattern = 'upstream timed out \\(\\d+: [^)]*\\) while reading';
    expect(literalText(pattern)).toBe('upstream timed out ( : ) while reading');
    expect(literalText(pattern, '…')).toBe('upstream timed out (…: …) while reading');
  });

  it('reads the first branch of an alternation and leaves optional parts out', () => {
    expect(literalText('(?:error (?:code )?520\\b|web server is down)', '…')).toBe('error 520');
  });
});
