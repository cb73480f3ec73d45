import IdempotentMethods from './IdempotentMethods.astro';
import MaxAttempts from './MaxAttempts.astro';
import SourcesChecked from './SourcesChecked.astro';

/**
 * Components every code page and guide body may use without importing them: shared facts that
 * live in one module (src/lib/shared-facts.ts) and must not be restated by hand, and the
 * "Checked against its sources" line that opens a guide's Sources section.
 */
export const mdxComponents = { IdempotentMethods, MaxAttempts, SourcesChecked };
