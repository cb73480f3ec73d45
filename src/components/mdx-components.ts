import IdempotentMethods from './IdempotentMethods.astro';
import MaxAttempts from './MaxAttempts.astro';

/**
 * Components every code page and guide body may use without importing them: shared facts that
 * live in one module (src/lib/shared-facts.ts) and must not be restated by hand.
 */
export const mdxComponents = { IdempotentMethods, MaxAttempts };
