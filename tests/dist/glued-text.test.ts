import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distFiles, distRoot } from './dist-files';
import { findGluedText } from './glued-text';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/glued', name), 'utf8');

describe('the glued-text check', () => {
  it('finds the two glued spots /should-i-retry/ had: after an interpolated number and before a link', () => {
    expect(findGluedText(fixture('glued.html'))).toEqual([
      { kind: 'element', context: 'atically. Why these rules: the|retry guide' },
      { kind: 'value', context: 'der. Later attempts: at most 3|attempts in all for codes mark' },
    ]);
  });

  it('finds text glued after a link, between two inline elements, after a sentence and before a number', () => {
    expect(findGluedText(fixture('other-joins.html'))).toEqual([
      { kind: 'element', context: '503 Service Unavailable|for overload.' },
      { kind: 'element', context: 'Retry with backoff|idempotent requests only' },
      { kind: 'element', context: 'Wait for Retry-After.|Read the guide' },
      { kind: 'value', context: 'Give up after at most|3 attempts.' },
    ]);
  });

  it('leaves alone plurals after code, versions, status classes, units, ordinals, identifiers and code listings', () => {
    expect(findGluedText(fixture('legitimate.html'))).toEqual([]);
  });
});

describe('dist/ text', () => {
  it.each(distFiles('.html'))('%s has no words glued to a link, an inline element or a value', (file) => {
    expect(findGluedText(readFileSync(join(distRoot, file), 'utf8'))).toEqual([]);
  });
});
