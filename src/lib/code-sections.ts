/**
 * The level-2 headings every code entry's MDX body has, in this order, so that every page
 * answers the same questions in the same place. The page itself adds "Related codes" and
 * "Specification" from the frontmatter.
 */
export const REQUIRED_SECTIONS = [
  'What it means',
  'Typical triggers',
  'What the client should do',
  'What the server or operator should do',
  'Retry semantics',
  'Alerting and monitoring',
  'Example response',
] as const;

/** The text of every heading of the given depths (2 for `##`) in a Markdown/MDX body, outside fenced code blocks. */
export function markdownHeadings(body: string, depths: readonly number[]): string[] {
  const headings: string[] = [];
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1] && heading[2] && depths.includes(heading[1].length)) headings.push(heading[2]);
  }
  return headings;
}

/** The text of every `## ` heading in a Markdown/MDX body, outside fenced code blocks. */
export function level2Headings(body: string): string[] {
  return markdownHeadings(body, [2]);
}

/**
 * What is wrong with a body's sections: each required heading that is missing, and whether the
 * ones present are out of order. Empty when the body follows the template.
 */
export function sectionProblems(body: string): string[] {
  const headings = level2Headings(body);
  const problems = REQUIRED_SECTIONS.filter((section) => !headings.includes(section)).map(
    (section) => `missing section "## ${section}"`,
  );
  const present = headings.filter((heading) => (REQUIRED_SECTIONS as readonly string[]).includes(heading));
  const expected = REQUIRED_SECTIONS.filter((section) => present.includes(section));
  if (problems.length === 0 && present.join('\n') !== expected.join('\n')) {
    problems.push(`sections out of order; expected: ${REQUIRED_SECTIONS.join(', ')}`);
  }
  return problems;
}
