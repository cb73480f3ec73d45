import { EMITTERS, type Emitter } from './emitters';
import { DEFAULT_POLICY, IDEMPOTENT_METHODS, type RetryPolicy } from './retry-decision';
import type { RetryVerdict } from './retry-verdict';

/**
 * Finds prose that restates, or contradicts, facts the site keeps in one place: RFC 9110's list of
 * idempotent methods (IDEMPOTENT_METHODS, shown with <IdempotentMethods />), the attempt budget
 * (DEFAULT_POLICY, shown with <MaxAttempts />) and the layers that emit a code (its `emitters`).
 * tests/unit/prose-facts.test.ts runs it over every page. It reads the MDX source, so it sees what
 * an author typed, not what a component rendered.
 */

/** One place where a page's prose disagrees with the data it is built from. */
export interface ProseProblem {
  /** Which fact: idempotent-methods, attempts or emitters. */
  kind: 'idempotent-methods' | 'attempts' | 'emitters';
  /** The words that gave it away. */
  quote: string;
  /** What is wrong and what to do. */
  message: string;
}

/** What the checks know about the page: a code page's verdict and emitters; nothing for a guide. */
export interface ProseContext {
  verdict?: RetryVerdict;
  emitters?: readonly Emitter[];
  code?: number;
}

/**
 * The text a reader sees, roughly: no frontmatter, import lines, fenced code, MDX comments or
 * backticks, and whitespace (line breaks included) collapsed, so a list broken over two lines is
 * still one list.
 */
export function proseOf(mdx: string): string {
  return mdx
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/^import .*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ');
}

const METHOD = 'GET|HEAD|OPTIONS|TRACE|PUT|DELETE|POST|PATCH|QUERY|CONNECT|LOCK|UNLOCK|PROPFIND|MKCOL|COPY|MOVE';
const METHOD_LIST = new RegExp(`\\b(?:${METHOD})\\b(?:(?:,? and |,? or |, ?|/| & )\\b(?:${METHOD})\\b)+`, 'g');

/**
 * Hand-written lists of three or more of RFC 9110's idempotent methods, and nothing else: the list
 * <IdempotentMethods /> renders. A list with another method in it (a library's own list with QUERY,
 * or POST, LOCK and PATCH) is a different fact and passes.
 */
export function idempotentListProblems(prose: string): ProseProblem[] {
  const idempotent = new Set<string>(IDEMPOTENT_METHODS);
  const problems: ProseProblem[] = [];
  for (const match of prose.matchAll(METHOD_LIST)) {
    const methods = match[0].split(/,? and |,? or |, ?|\/| & /).map((method) => method.trim());
    if (methods.length < 3 || !methods.every((method) => idempotent.has(method))) continue;
    const missing = IDEMPOTENT_METHODS.filter((method) => !methods.includes(method));
    problems.push({
      kind: 'idempotent-methods',
      quote: match[0],
      message: `lists idempotent methods by hand${missing.length > 0 ? ` and leaves out ${missing.join(', ')}` : ''}; write <IdempotentMethods /> instead`,
    });
  }
  return problems;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const NUM = `\\d+|${Object.keys(NUMBER_WORDS).join('|')}`;
const UNIT = '(?:more )?(?:automatic )?(attempts?|retries|retry|tries)';

/** Advice on how many times to try, in the forms pages use; each gives the most it allows. */
const ATTEMPT_ADVICE: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpMatchArray) => { count: number; unit: string } }> = [
  // "at most two retries", "no more than 3 attempts", "a maximum of three attempts"
  {
    pattern: new RegExp(`\\b(?:at most|no more than|a maximum of|maximum of) (${NUM}) ${UNIT}`, 'gi'),
    read: (m) => ({ count: toNumber(m[1]), unit: m[2] ?? '' }),
  },
  // "two or three retries", "three or four attempts"
  {
    pattern: new RegExp(`\\b(${NUM}) (?:or|to) (${NUM}) ${UNIT}`, 'gi'),
    read: (m) => ({ count: Math.max(toNumber(m[1]), toNumber(m[2])), unit: m[3] ?? '' }),
  },
  // "3 attempts in total", "three attempts in all", "two retries at most"
  {
    pattern: new RegExp(`\\b(${NUM}) ${UNIT} (?:in total|in all|at most|at the most)`, 'gi'),
    read: (m) => ({ count: toNumber(m[1]), unit: m[2] ?? '' }),
  },
  // "retry once or twice", "retry twice", "retry once, then stop"
  {
    pattern: /\bretry(?: it| them)? (once or twice|twice|once(?= or\b| more\b| with\b| after\b| then\b|[,.;:)]))/gi,
    read: (m) => ({ count: m[1]?.toLowerCase() === 'once' ? 1 : 2, unit: 'retries' }),
  },
];

function toNumber(word: string | undefined): number {
  const lower = (word ?? '').toLowerCase();
  return NUMBER_WORDS[lower] ?? Number(lower);
}

/**
 * Attempt counts in the prose that differ from the budget of DEFAULT_POLICY: on a code page, the
 * budget for its verdict ("yes": maxAttempts, "conditional": maxAttemptsConditional); on a guide or
 * a "no" page, either budget. "N retries" counts as N + 1 attempts.
 */
export function attemptProblems(prose: string, verdict: RetryVerdict | undefined, policy: RetryPolicy = DEFAULT_POLICY): ProseProblem[] {
  const allowed =
    verdict === 'yes' ? [policy.maxAttempts] : verdict === 'conditional' ? [policy.maxAttemptsConditional] : [policy.maxAttempts, policy.maxAttemptsConditional];
  const problems: ProseProblem[] = [];
  for (const { pattern, read } of ATTEMPT_ADVICE) {
    for (const match of prose.matchAll(pattern)) {
      const { count, unit } = read(match);
      const attempts = /^(?:retries|retry)$/i.test(unit) ? count + 1 : count;
      if (!Number.isFinite(attempts) || allowed.includes(attempts)) continue;
      const budget = allowed.map((n) => `${n} attempts`).join(' or ');
      problems.push({
        kind: 'attempts',
        quote: match[0],
        message: `advises ${attempts} attempts in all, but the site's budget${verdict ? ` for a "${verdict}" verdict` : ''} is ${budget} (DEFAULT_POLICY); write <MaxAttempts />${verdict === 'conditional' ? ' with conditional' : ''} instead`,
      });
    }
  }
  return problems;
}

/** Words that name a layer in prose, for each emitter the frontmatter can list. */
export const EMITTER_WORDS: Record<Emitter, RegExp> = {
  application: /\b(?:applications?|apps?|services?)\b/i,
  'origin-server': /\b(?:web servers?|origin servers?|IIS|Tomcat)\b/i,
  'webdav-server': /\bWebDAV (?:servers?|stores?)\b/i,
  'reverse-proxy': /\b(?:reverse prox(?:y|ies)|proxy|proxies|nginx|HAProxy|Varnish|Traefik|Caddy)\b/i,
  'api-gateway': /\bAPI gateways?\b/i,
  'load-balancer': /\b(?:load balancers?|ALB|ELB|Gorouter)\b/i,
  cdn: /\b(?:CDNs?|CloudFront|Fastly|Akamai|Cloudflare(?! Gateway\b| Tunnel\b))\b/i,
  'service-mesh': /\b(?:service mesh(?:es)?|Envoy|Istio|Linkerd|sidecars?)\b/i,
  'intercepting-proxy': /\b(?:captive portals?|intercepting prox(?:y|ies)|forward prox(?:y|ies)|Cloudflare Gateway)\b/i,
  'client-library': /\b(?:client librar(?:y|ies)|HTTP client)\b/i,
};

/**
 * Layers the prose says send this code ("API Gateway answers 500", "an application using 506")
 * that the frontmatter's `emitters` leaves out. The layer has to be the subject of a verb of
 * sending, followed by the code itself, within one clause, and not negated.
 */
export function emitterProblems(prose: string, code: number, emitters: readonly Emitter[]): ProseProblem[] {
  const sending = new RegExp(
    `\\b(?:answers?|answered|answering|returns?|returned|returning|sends?|sent|sending|generates?|generated|generating|responds?|replies|emits?|emitted|serves?|uses?|using)(?: with)?(?: (?:a|an|the|its own|status|code|HTTP|an? HTTP)){0,2} ${code}\\b`,
    'g',
  );
  const problems: ProseProblem[] = [];
  const found = new Set<Emitter>();
  for (const match of prose.matchAll(sending)) {
    // The clause before the verb: back to the previous sentence or clause boundary.
    const before = prose.slice(Math.max(0, (match.index ?? 0) - 80), match.index ?? 0);
    const clause = before.split(/[.;:!?(]\s|\*\*|\n/).pop() ?? before;
    if (/\b(?:not|never|SHOULD NOT|MUST NOT|no longer)\b/.test(clause)) continue;
    for (const emitter of EMITTERS) {
      if (emitters.includes(emitter) || found.has(emitter)) continue;
      const word = EMITTER_WORDS[emitter].exec(clause);
      if (!word) continue;
      found.add(emitter);
      problems.push({
        kind: 'emitters',
        quote: `${clause.trimStart()}${match[0]}`,
        message: `says ${word[0]} sends ${code}, but "emitters" lacks ${emitter}; add it to the frontmatter or reword`,
      });
    }
  }
  return problems;
}

/** Every problem of one page's MDX source. */
export function proseProblems(mdx: string, context: ProseContext = {}): ProseProblem[] {
  const prose = proseOf(mdx);
  return [
    ...idempotentListProblems(prose),
    ...attemptProblems(prose, context.verdict),
    ...(context.code !== undefined && context.emitters ? emitterProblems(prose, context.code, context.emitters) : []),
  ];
}
