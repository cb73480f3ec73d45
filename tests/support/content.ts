import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What the tests need to know of an entry, read straight from its MDX file. */
export interface SourceEntry {
  code: number;
  name: string;
  status: 'standard' | 'unofficial';
  summary: string;
  related: number[];
  aliases: string[];
  retry: { verdict: string };
  /** The day the page was checked against its sources, YYYY-MM-DD. */
  verified: string;
}

const codesDir = join(import.meta.dirname, '../../content/codes');

/**
 * Every code entry's frontmatter, parsed from the source files with a YAML parser of the tests'
 * own (not the site's loader), so the e2e tests compare the built site with the source.
 */
export function sourceEntries(): SourceEntry[] {
  return readdirSync(codesDir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(codesDir, file), 'utf8');
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
      if (!frontmatter) throw new Error(`${file}: no frontmatter`);
      return parse(frontmatter) as SourceEntry;
    })
    .sort((a, b) => a.code - b.code);
}
