import { z } from 'astro/zod';
import { EMITTERS } from './emitters';
import { RETRY_VERDICTS } from './retry-verdict';
import { rfcLabelMismatch } from './spec-links';

/** A document that defines or documents a code: an RFC section or a vendor's own page. */
export const sourceSchema = z.object({
  /** Short citation as readers say it, e.g. "RFC 9110 §15.6.4" or "Cloudflare docs: Error 522". */
  label: z.string().min(3),
  /** Full title of the document, e.g. "HTTP Semantics". */
  title: z.string().min(3),
  /** Absolute https URL, pointing at the section itself where the document has anchors. */
  url: z.url({ protocol: /^https$/, message: 'must be an absolute https:// URL' }),
});

/**
 * A calendar date, YYYY-MM-DD. YAML readers turn an unquoted `2026-11-30` into a Date, so a Date
 * is accepted and turned back into its ISO date; JSON always carries the string.
 */
export const isoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ message: 'must be a date written YYYY-MM-DD, e.g. 2026-11-30' }),
);

/** How a client should treat the response when deciding whether to send the request again. */
export const retrySchema = z.object({
  /** yes: transient, retry with backoff; conditional: only when it is safe; no: it will fail again. */
  verdict: z.enum(RETRY_VERDICTS),
  /** True when only idempotent requests (RFC 9110 §9.2.2) may be retried automatically. */
  idempotentOnly: z.boolean(),
  /** True when a Retry-After header on this response should set the delay before the next try. */
  honourRetryAfter: z.boolean(),
  /** The rule in one line, imperative, shown in the table and the retry box. */
  rule: z.string().min(10).max(200),
});

/**
 * Highest code an entry may have: 599. Only the scaling benchmark (scripts/bench.ts), which builds
 * thousands of synthetic entries, sets HTTP5XX_SYNTHETIC=1 to allow more.
 */
const MAX_CODE = process.env['HTTP5XX_SYNTHETIC'] === '1' ? 99_999 : 599;

/** The fields of a code entry, before the checks that span fields. */
export const codeFields = z.object({
  /** The status code; must equal the file name (503.mdx holds code 503). */
  code: z.number().int().min(500).max(MAX_CODE),
  /** Reason phrase as registered (or as the vendor documents it for unofficial codes). */
  name: z.string().min(2).max(60),
  /** When it occurs, in one sentence: used in the table, meta description and search results. */
  summary: z.string().min(20).max(220),
  /** What the client should do, as one short imperative phrase for the quick-reference table. */
  clientAction: z.string().min(10).max(140),
  /** Two or three sentences for someone who hit this error on another site's page: what it means for them, what they can do. */
  visitor: z.string().min(40).max(500),
  /** standard: in the IANA registry; unofficial: used in the wild but never registered. */
  status: z.enum(['standard', 'unofficial']),
  /** The defining specification; required for standard codes. */
  spec: sourceSchema.optional(),
  /** Standing of the defining document, when it is not a plain standards-track RFC. */
  specNote: z.string().min(10).max(300).optional(),
  /** Vendor or project pages that document an unofficial code, or back up a claim on the page. */
  sources: z.array(sourceSchema).default([]),
  /** Layers that typically generate this response (see src/lib/emitters.ts). */
  emitters: z.array(z.enum(EMITTERS)).min(1),
  /** Retry guidance, read by the table, the page, search filters and the retry tool. */
  retry: retrySchema,
  /** Codes a reader should compare this one with; each must have its own entry. */
  related: z.array(z.number().int().min(500).max(MAX_CODE)).default([]),
  /** Phrases, log strings and error texts people search for, e.g. "upstream timed out". */
  aliases: z.array(z.string().min(2)).default([]),
  /** Day the page was last checked against its spec and sources, YYYY-MM-DD. */
  verified: isoDateSchema,
});

/** Frontmatter of one `content/codes/NNN.mdx` entry. */
export const codeSchema = codeFields
  .refine((data) => data.status !== 'standard' || data.spec !== undefined, {
    message: 'standard codes must cite their spec (title, label and a URL with a section anchor)',
    path: ['spec'],
  })
  .refine((data) => data.spec === undefined || new URL(data.spec.url).hash.length > 1, {
    message: 'spec.url must link to the section itself, with a #fragment',
    path: ['spec', 'url'],
  })
  .refine((data) => data.spec === undefined || rfcLabelMismatch(data.spec) === undefined, {
    message: 'spec.label must name the RFC and section that spec.url links to (e.g. "RFC 9110 §15.6.4")',
    path: ['spec', 'label'],
  })
  .refine((data) => data.status !== 'unofficial' || data.sources.length > 0, {
    message: 'unofficial codes must cite at least one source that documents them',
    path: ['sources'],
  })
  .refine((data) => !data.related.includes(data.code), {
    message: 'a code cannot list itself as related',
    path: ['related'],
  });

/** Validated frontmatter of a code entry. */
export type CodeData = z.infer<typeof codeSchema>;


/** Frontmatter of one `content/guides/*.mdx` page. */
export const guideSchema = z.object({
  /** Page heading and <title>. */
  title: z.string().min(5).max(90),
  /** One sentence for the meta description and the guide list. */
  description: z.string().min(20).max(220),
  /** Day the guide was last checked against its sources, YYYY-MM-DD. */
  verified: isoDateSchema,
});
