import { DEFAULT_POLICY, IDEMPOTENT_METHODS, type RetryPolicy } from './retry-decision';

/**
 * Facts that several pages state, worded once. MDX bodies show them through the
 * `<IdempotentMethods />` and `<MaxAttempts />` components, and tests/unit/prose-facts.test.ts
 * fails when a page restates them by hand.
 */

/** "A, B and C": a list in running text. */
export function joinInline(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** RFC 9110 §9.2.2's idempotent methods as running text: "GET, HEAD, OPTIONS, TRACE, PUT and DELETE". */
export function idempotentMethodsText(methods: readonly string[] = IDEMPOTENT_METHODS): string {
  return joinInline(methods);
}

/** Total attempts (the first request included) the site advises for a verdict of "yes" or "conditional". */
export function maxAttemptsFor(verdict: 'yes' | 'conditional', policy: RetryPolicy = DEFAULT_POLICY): number {
  return verdict === 'yes' ? policy.maxAttempts : policy.maxAttemptsConditional;
}

/** The attempt budget as running text: "at most 3 attempts in all". */
export function maxAttemptsText(verdict: 'yes' | 'conditional', policy: RetryPolicy = DEFAULT_POLICY): string {
  const attempts = maxAttemptsFor(verdict, policy);
  return `at most ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'} in all`;
}
