import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EMITTERS } from '../../src/lib/emitters';
import { attemptProblems, emitterProblems, idempotentListProblems, proseOf, proseProblems } from '../../src/lib/prose-checks';
import { DEFAULT_POLICY } from '../../src/lib/retry-decision';

// Shared facts live in one module (src/lib/retry-decision.ts) or in a page's frontmatter; the prose
// shows them through <IdempotentMethods /> and <MaxAttempts />. These tests fail when a page's prose
// restates them by hand or contradicts them. The first block proves the checks can fail.

describe('the prose checks, on fixture strings', () => {
  it('flag a hand-written list of idempotent methods, and say which are missing', () => {
    const problems = idempotentListProblems(proseOf('Retry only (GET, HEAD, OPTIONS, PUT,\nDELETE) requests.'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('leaves out TRACE');
    expect(idempotentListProblems('Retry `GET`, `HEAD`, `PUT` and `DELETE`.'.replace(/`/g, ''))).toHaveLength(1);
  });

  it('let through lists of another fact: a library list with QUERY, non-idempotent methods, two methods', () => {
    expect(idempotentListProblems('got retries GET, PUT, HEAD, DELETE, OPTIONS, TRACE, QUERY; not POST.')).toEqual([]);
    expect(idempotentListProblems('POST, LOCK and PATCH are not passed on.')).toEqual([]);
    expect(idempotentListProblems('Reads (GET, HEAD) may be retried.')).toEqual([]);
    expect(idempotentListProblems('Only <IdempotentMethods /> are retried.')).toEqual([]);
  });

  it('flag attempt counts that differ from the budget of the page verdict', () => {
    expect(DEFAULT_POLICY).toMatchObject({ maxAttempts: 3, maxAttemptsConditional: 2 });
    expect(attemptProblems('Make at most two retries.', 'conditional')).toHaveLength(1);
    expect(attemptProblems('Back off, three or four attempts in total.', 'yes').map((p) => p.quote)).toEqual([
      'three or four attempts',
      'four attempts in total',
    ]);
    expect(attemptProblems('Retry once or twice, then stop.', 'conditional')).toHaveLength(1);
    expect(attemptProblems('Use 5 attempts at most.', undefined)).toHaveLength(1);
  });

  it('let through counts that match the budget, and numbers that are not advice', () => {
    expect(attemptProblems('Make at most two retries.', 'yes')).toEqual([]);
    expect(attemptProblems('Retry once, then stop.', 'conditional')).toEqual([]);
    expect(attemptProblems('Three layers making three attempts each turn one request into 27.', 'yes')).toEqual([]);
    expect(attemptProblems('The user can retry once space is freed.', 'no')).toEqual([]);
    expect(attemptProblems('Keep to at most 2 attempts in all, or at most three attempts.', undefined)).toEqual([]);
  });

  it('flag a layer said to send the code that the emitters leave out', () => {
    const problems = emitterProblems(proseOf('- **Lambda behind it**: API Gateway answers 500 with a JSON body.'), 500, ['application']);
    expect(problems.map((p) => p.message)).toEqual(['says API Gateway sends 500, but "emitters" lacks api-gateway; add it to the frontmatter or reword']);
    expect(emitterProblems('**An application using 506 for something else.**', 506, ['origin-server'])).toHaveLength(1);
    expect(emitterProblems('A CDN returns a 504 after 30 s.', 504, ['reverse-proxy'])).toHaveLength(1);
  });

  it('let through layers already listed, negations and other codes', () => {
    expect(emitterProblems('API Gateway answers 500.', 500, ['api-gateway'])).toEqual([]);
    expect(emitterProblems('Origin servers SHOULD NOT generate 511.', 511, ['intercepting-proxy'])).toEqual([]);
    expect(emitterProblems('A CDN returns 502 here.', 504, ['reverse-proxy'])).toEqual([]);
    expect(emitterProblems('nginx, Apache or the application server is stopped.', 521, ['cdn'])).toEqual([]);
  });

  it('read prose only: no frontmatter, code blocks or imports', () => {
    const mdx = "---\nrule: at most 9 attempts\n---\nimport X from 'y';\n\n```http\nAllow: GET, HEAD, PUT, DELETE\n```\n\nFine.";
    expect(proseOf(mdx).trim()).toBe('Fine.');
    expect(proseProblems(mdx, { verdict: 'yes' })).toEqual([]);
  });
});

const root = join(import.meta.dirname, '../..');

interface CodeFrontmatter {
  code: number;
  emitters: (typeof EMITTERS)[number][];
  clientAction: string;
  visitor: string;
  retry: { verdict: 'yes' | 'conditional' | 'no'; rule: string };
}

function pages(folder: string): Array<[string, string]> {
  return readdirSync(join(root, folder))
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => [`${folder}/${file}`, readFileSync(join(root, folder, file), 'utf8')]);
}

describe('code pages agree with the data they are built from', () => {
  it.each(pages('content/codes'))('%s', (_file, text) => {
    const data = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') as CodeFrontmatter;
    // The frontmatter's own sentences are prose too: the rule shows in the table and the retry box.
    const shown = [text, data.retry.rule, data.clientAction, data.visitor].join('\n\n');
    const problems = proseProblems(shown, { verdict: data.retry.verdict, emitters: data.emitters, code: data.code });
    expect(problems.map((p) => `${p.quote}: ${p.message}`)).toEqual([]);
  });
});

describe('guides agree with the shared facts', () => {
  it.each(pages('content/guides'))('%s', (_file, text) => {
    expect(proseProblems(text).map((p) => `${p.quote}: ${p.message}`)).toEqual([]);
  });
});
