import { z } from 'astro/zod';
import { isoDateSchema, sourceSchema } from './code-schema';

/** One HTTP client library's (or proxy's) default retry behaviour, as read in its source. */
export const libraryDefaultsSchema = z.object({
  /** Stable slug, e.g. "urllib3". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Name as developers know it, e.g. "urllib3 Retry" or "nginx proxy_next_upstream". */
  name: z.string().min(2),
  /** Language or platform, e.g. "Python", "Node.js", "Go", ".NET", "Proxy". */
  ecosystem: z.string().min(2),
  /** Version (or commit date) whose source was read, e.g. "2.5.0". */
  version: z.string().min(1),
  /** Day the row was last checked against its source, YYYY-MM-DD. */
  verified: isoDateSchema,
  /** Where the defaults are defined: the source file or official doc page. */
  source: sourceSchema,
  /** Whether it retries anything at all with no retry configuration. */
  retriesByDefault: z.boolean(),
  /** Statuses retried by default: explicit codes, or every code from 500 up minus exceptions. */
  statuses: z.object({
    /** Explicit codes retried by default (4xx and 5xx). */
    codes: z.array(z.number().int().min(400).max(599)).default([]),
    /** True when every status >= 500 is retried by default. */
    all5xx: z.boolean().default(false),
    /** Codes from `codes` that are retried only under a condition that `note` states (e.g. only with Retry-After). */
    conditional: z.array(z.number().int().min(400).max(599)).default([]),
    /** With all5xx, the 5xx codes deliberately excluded. */
    except: z.array(z.number().int().min(500).max(599)).default([]),
    /** Conditions on statuses in plain words, e.g. "503 only with Retry-After". */
    note: z.string().optional(),
  }),
  /** Methods retried by default, in plain words, e.g. "GET, HEAD, PUT, DELETE, OPTIONS, TRACE". */
  methods: z.string().min(2),
  /** Whether a POST is retried by default. */
  retriesPost: z.boolean(),
  /** Number of retries (or attempts) by default, stated as the library counts them. */
  attempts: z.string().min(1),
  /** Backoff by default, e.g. "exponential from 1 s, doubling, max 30 s, no jitter". */
  backoff: z.string().min(2),
  /** How Retry-After is treated by default. */
  retryAfter: z.string().min(2),
  /** What a reader should know beyond the columns. */
  notes: z.string().optional(),
});

/** Validated defaults of one library. */
export type LibraryDefaults = z.infer<typeof libraryDefaultsSchema>;
