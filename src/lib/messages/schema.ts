import { z } from 'astro/zod';
import { EMITTERS } from '../emitters.ts';

/** Branch names that move: a source pinned to one of them stops saying what it said when read. */
const MOVING_REFS = new Set(['main', 'master', 'head', 'trunk', 'develop', 'dev', 'default', 'latest', 'stable']);

/**
 * The ref a GitHub or GitLab file URL points at (`release-1.27.3`, a commit, `main`), or undefined
 * when the URL is not a repository file link.
 */
export function repositoryRef(url: string): string | undefined {
  const parsed = new URL(url);
  if (!/^(github\.com|gitlab\.com|raw\.githubusercontent\.com)$/.test(parsed.hostname)) return undefined;
  const parts = parsed.pathname.split('/').filter(Boolean);
  if (parsed.hostname === 'raw.githubusercontent.com') return parts[2];
  const at = parts.findIndex((part) => part === 'blob' || part === 'tree');
  return at >= 0 ? parts[at + 1] : undefined;
}

/** Where a message was read: a vendor's doc page, or a source file at a tag or commit. */
export const messageSourceSchema = z
  .object({
    /** Short citation, e.g. "nginx source: ngx_http_upstream.c (1.27.3)" or "Cloudflare docs: Error 522". */
    label: z.string().min(3).max(120),
    /** Absolute https URL of the page, or of the file at a tag or commit (never a branch such as main). */
    url: z.url({ protocol: /^https$/, message: 'must be an absolute https:// URL' }),
  })
  .refine(
    (source) => {
      const ref = repositoryRef(source.url);
      return ref === undefined || !MOVING_REFS.has(ref.toLowerCase());
    },
    { message: 'a source file must be linked at a tag or commit, not at a branch such as main', path: ['url'] },
  );

/** A status code an entry produces, and the condition that picks it when there are several. */
export const messageCodeSchema = z.object({
  /** The HTTP status the emitter sends (or, for client-side errors, the code a client reports). */
  code: z.number().int().min(500).max(599),
  /** The condition that picks this code, e.g. "the backend timed out"; required when there are several codes. */
  when: z.string().min(5).max(160).optional(),
});

/** Where a reader meets a message. */
export const MESSAGE_PLACES = ['log', 'page', 'body', 'header', 'client'] as const;

/** A message id: lower-case words joined by hyphens, unique within its emitter's file. */
const messageId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

/** The fields of one message entry, before the checks that span fields. */
export const messageFields = z.object({
    /** Unique within the file; the global id is `<emitter>/<id>`. */
    id: messageId,
    /**
     * The message exactly as the emitter writes it, without the variable parts around it.
     * Matched word by word, ignoring case, punctuation and noise such as addresses and ids.
     */
    text: z.string().min(3).max(300).optional(),
    /**
     * A JavaScript regular expression, matched case-insensitively against each pasted line,
     * for messages with variable parts inside. Must pass the linear-time safety check
     * (src/lib/messages/pattern-safety.ts) and match every one of `examples`.
     */
    pattern: z.string().min(3).max(300).optional(),
    /** Real lines as the emitter writes them. Required with `pattern`; each must be recognised as this entry. */
    examples: z.array(z.string().min(3).max(2000)).default([]),
    /** The status (or statuses, each with its condition) that comes with this message. */
    codes: z.array(messageCodeSchema).min(1),
    /** What the message means, in one line. */
    meaning: z.string().min(15).max(220),
    /** The first thing to check when you see it, in one line. */
    check: z.string().min(10).max(220),
    /** Where a reader meets it: an error log, an error page, a response body, a header, a client error. */
    seenIn: z.enum(MESSAGE_PLACES),
    /** The primary source: the vendor's doc page, or the source file that writes it at a tag or commit. */
    source: messageSourceSchema,
    /**
     * The section of a code page that explains it, as `NNN#fragment` (for example `504#typical-triggers`).
     * The code must be one of `codes`, and the fragment a heading on that page.
     */
    section: z
      .string()
      .regex(/^5\d\d#[a-z0-9-]+$/, 'write it as NNN#fragment, e.g. 504#typical-triggers')
      .optional(),
    /**
     * Other entries (`emitter/id`) that match the same examples with other codes, on purpose: the
     * same words from two emitters that answer differently. Without this, such a clash fails the build.
     */
    sharedWith: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)).default([]),
});

/** One error message as its emitter writes it, and the status it comes with. */
export const messageSchema = messageFields
  .refine((entry) => (entry.text === undefined) !== (entry.pattern === undefined), {
    message: 'give exactly one of text (a literal message) or pattern (a regular expression)',
    path: ['text'],
  })
  .refine((entry) => entry.pattern === undefined || entry.examples.length > 0, {
    message: 'a pattern needs at least one real example line that it must match',
    path: ['examples'],
  })
  .refine((entry) => entry.codes.length < 2 || entry.codes.every((code) => code.when !== undefined), {
    message: 'with several codes, each needs "when": the condition that picks it',
    path: ['codes'],
  })
  .refine((entry) => new Set(entry.codes.map((code) => code.code)).size === entry.codes.length, {
    message: 'a code is listed twice',
    path: ['codes'],
  })
  .refine((entry) => entry.section === undefined || entry.codes.some((code) => entry.section?.startsWith(`${code.code}#`)), {
    message: 'section must be on the page of one of the entry\'s codes',
    path: ['section'],
  });

/** A response header that names the layer that wrote the response. */
export const fingerprintSchema = z.object({
  /** Header name, lower case, e.g. "cf-ray" or "server". */
  header: z.string().regex(/^[a-z0-9-]+$/, 'lower-case header name'),
  /**
   * A regular expression the header's value must match (case-insensitive, same safety rules as
   * message patterns); omit it when the header's presence alone names the emitter.
   */
  value: z.string().min(1).max(200).optional(),
  /** Real header lines (`name: value`) that must be recognised as this emitter. */
  examples: z.array(z.string().min(3).max(500)).min(1),
  /** What the header tells a reader, in one line. */
  meaning: z.string().min(10).max(220),
  /** Where the header is documented. */
  source: messageSourceSchema,
});

/** One file of `content/messages/`: one emitter, its header fingerprints and its messages. */
export const emitterFileSchema = z.object({
  /** Equal to the file name without `.yaml`, e.g. `nginx`. */
  emitter: messageId,
  /** Name as readers know it, e.g. "nginx" or "Apache httpd (mod_proxy)". */
  name: z.string().min(2).max(60),
  /** The layer it sits in: one of the ids in src/lib/emitters.ts, as on the code pages. */
  layer: z.enum(EMITTERS),
  /** The id of its section in the "Who sent this 5xx?" guide, when it has one (e.g. `nginx-reverse-proxy`). */
  guide: z.string().regex(/^[a-z0-9-]+$/).optional(),
  /** The day every entry in the file was last checked against its source, YYYY-MM-DD. */
  verified: z.iso.date(),
  /** Response headers that name this emitter. */
  fingerprints: z.array(fingerprintSchema).default([]),
  /** Its error messages. */
  messages: z.array(messageSchema).default([]),
});

/** A validated emitter file. */
export type EmitterFile = z.infer<typeof emitterFileSchema>;
/** A validated message entry. */
export type MessageEntry = z.infer<typeof messageSchema>;
/** A validated header fingerprint. */
export type Fingerprint = z.infer<typeof fingerprintSchema>;
