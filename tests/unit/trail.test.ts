import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every guide ends with its sources, opened by the "Checked against its sources on <date>" line that
// <SourcesChecked /> renders from the guide's own verified date. (Code pages get theirs from the
// page template, from `spec`, `sources` and `verified`.)
const guidesDir = join(import.meta.dirname, '../../content/guides');
const guides = readdirSync(guidesDir)
  .filter((file) => file.endsWith('.mdx'))
  .sort()
  .map((file) => [file, readFileSync(join(guidesDir, file), 'utf8')] as const);

describe('every guide shows when it was checked, followed by its sources', () => {
  it.each(guides)('%s ends with "## Sources", opened by <SourcesChecked date={frontmatter.verified} />', (_file, text) => {
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings.at(-1)).toBe('Sources');
    const sources = text.slice(text.lastIndexOf('\n## Sources\n') + '\n## Sources\n'.length).trim();
    expect(sources.split('\n')[0]).toBe('<SourcesChecked date={frontmatter.verified} />');
    // At least one link follows: the list of sources itself.
    expect(sources).toMatch(/\]\(https:\/\//);
  });
});
