import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { FRESHNESS_DAYS, staleEntries, todayUtc, type Checked } from '../src/lib/verified.ts';

// Lists every code page, guide and library row whose `verified` date is more than 180 days old (or
// missing), oldest first: what to re-check against its sources next. Informational: exits 0.
//   npm run check:freshness [-- --today 2027-06-01 --days 90]
const { values } = parseArgs({
  options: {
    today: { type: 'string', default: todayUtc() },
    days: { type: 'string', default: String(FRESHNESS_DAYS) },
  },
});

const root = join(import.meta.dirname, '..');

/** The `verified` field of each MDX file in a content folder. */
function mdxEntries(folder: string): Checked[] {
  const dir = join(root, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '';
      const data = (parse(frontmatter) ?? {}) as { verified?: unknown };
      return { what: `${folder}/${file}`, verified: typeof data.verified === 'string' ? data.verified : undefined };
    });
}

const libraryFile = 'content/libraries/retry-defaults.yaml';
const libraries = (parse(readFileSync(join(root, libraryFile), 'utf8')) as Array<{ id: string; verified?: unknown }>).map(
  (row) => ({ what: `${libraryFile}: ${row.id}`, verified: typeof row.verified === 'string' ? row.verified : undefined }),
);

const entries = [...mdxEntries('content/codes'), ...mdxEntries('content/guides'), ...libraries];
const maxAge = Number(values.days);
const stale = staleEntries(entries, values.today, maxAge);

if (stale.length === 0) {
  console.log(`All ${entries.length} code pages, guides and library rows were checked within ${maxAge} days of ${values.today}.`);
} else {
  console.log(`${stale.length} of ${entries.length} not checked against their sources within ${maxAge} days of ${values.today}, oldest first:`);
  for (const entry of stale) {
    console.log(entry.verified === undefined ? `  never checked   ${entry.what}` : `  ${entry.verified} (${entry.ageDays} days)  ${entry.what}`);
  }
  console.log('Re-check each against its sources (CONTRIBUTING.md, "Checking a fact"), then set its verified date.');
}
