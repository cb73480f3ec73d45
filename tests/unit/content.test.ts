import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { codeSchema } from '../../src/lib/code-schema';
import { findCodeEntryProblems } from '../../src/lib/content-checks';

// The real content, read straight from disk: a fast guard that runs before the (slower) build.
const dir = join(import.meta.dirname, '../../content/codes');
const files = readdirSync(dir).filter((name) => name.endsWith('.mdx'));

function readEntry(name: string): { frontmatter: unknown; body: string } {
  const source = readFileSync(join(dir, name), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${name}: no frontmatter block`);
  return { frontmatter: parse(match[1] ?? ''), body: match[2] ?? '' };
}

describe('content/codes', () => {
  it.each(files)('%s matches the schema', (name) => {
    const result = codeSchema.safeParse(readEntry(name).frontmatter);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('has no cross-entry problems (file names, duplicates, related codes, sections)', () => {
    const refs = files.map((name) => {
      const { frontmatter, body } = readEntry(name);
      return { filePath: `content/codes/${name}`, data: codeSchema.parse(frontmatter), body };
    });
    expect(findCodeEntryProblems(refs)).toEqual([]);
  });
});
