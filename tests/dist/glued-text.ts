/**
 * Finds words glued together in built HTML: what a reader sees when whitespace collapsing in an
 * .astro template drops the space between text and a link or inline element ("the<a>retry
 * guide</a>" reads "theretry guide") or between text and an interpolated value ("at most
 * {n}\n attempts" reads "at most 3attempts"). The checker reads the page as text runs: inline
 * elements join the text around them, block elements separate it.
 */

/** One glued spot: the kind of join and the text around it, with `|` where the space is missing. */
export interface Glue {
  kind: 'element' | 'value';
  context: string;
}

/** Phrasing elements that render inside a line of text: a space around them must be in the markup. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var'.split(' '),
);
/** Elements whose text is not prose: code listings, scripts, data. */
const SKIPPED = new Set(['pre', 'script', 'style', 'template', 'textarea', 'svg', 'math']);
/** Inline elements whose text is code: identifiers such as sha256 or int64 are not glued words. */
const CODE = new Set(['code', 'kbd', 'samp', 'var']);

/**
 * Letters that may follow a number with no space: units ("10s", "30ms", "4KB"), ordinals ("3rd"),
 * status classes ("5xx", "52x", "1xxx") and plurals of a number ("the 1990s").
 */
const NUMBER_SUFFIXES = new Set(
  's ms us ns m min mins h hr hrs d x xx xxx st nd rd th k kb kib mb mib gb gib tb b bit px em rem'.split(' '),
);
/**
 * Words that stand before a number in a sentence. Glued to a digit ("most3", "to30") they are an
 * interpolated number that lost its space; identifiers such as "sha256" or "http2" are not words here.
 */
const WORDS_BEFORE_NUMBERS = new Set(
  'a about above after all and any are as at be before below between by each every first for from in is last least max min most of on once only or over per than the then to twice under up upto was were with within'.split(
    ' ',
  ),
);
/** Endings that may follow an inline element directly: "<code>503</code>s", "<code>Pagefind</code>'s". */
const ELEMENT_SUFFIX = /^(?:s|es|'s|’s)(?![\p{L}\p{N}])/u;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const PUNCT_END = /[.,;:!?]$/u;
const LETTER_START = /^\p{L}/u;

/** A piece of text and whether an inline element starts or ends right before it. */
interface Piece {
  text: string;
  code: boolean;
  /** An inline element's tag lies between this piece and the previous one. */
  afterTag: 'open' | 'close' | null;
}

function around(before: string, after: string): string {
  return `${before.slice(-30).replace(/\s+/g, ' ').trimStart()}|${after.slice(0, 30).replace(/\s+/g, ' ').trimEnd()}`;
}

/** Glued words in text inside one run of inline content. */
function gluedInRun(pieces: Piece[]): Glue[] {
  const glued: Glue[] = [];
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i];
    const previous = pieces[i - 1];
    if (!piece || !previous || !piece.afterTag || piece.text === '' || previous.text === '') continue;
    const before = previous.text;
    const after = piece.text;
    const wordJoin = WORD_END.test(before) && WORD_START.test(after);
    const sentenceJoin = PUNCT_END.test(before) && LETTER_START.test(after);
    if (!wordJoin && !sentenceJoin) continue;
    // "<code>503</code>s": a plural or possessive ending after an element is written that way.
    if (piece.afterTag === 'close' && wordJoin && ELEMENT_SUFFIX.test(after)) continue;
    glued.push({ kind: 'element', context: around(before, after) });
  }
  for (const piece of pieces) {
    if (piece.code) continue;
    for (const match of piece.text.matchAll(/(?<![\p{L}\p{N}.,/:_-])(\d+)(\p{L}+)(?![\p{L}\p{N}])/gu)) {
      const [, digits = '', letters = ''] = match;
      if (NUMBER_SUFFIXES.has(letters.toLowerCase())) continue;
      const at = match.index + digits.length;
      glued.push({ kind: 'value', context: around(piece.text.slice(0, at), piece.text.slice(at)) });
    }
    for (const match of piece.text.matchAll(/(?<![\p{L}\p{N}._/-])(\p{Ll}+)(\d+)(?![\p{L}\p{N}])/gu)) {
      const [, letters = ''] = match;
      if (!WORDS_BEFORE_NUMBERS.has(letters)) continue;
      const at = match.index + letters.length;
      glued.push({ kind: 'value', context: around(piece.text.slice(0, at), piece.text.slice(at)) });
    }
  }
  return glued;
}

/**
 * Every glued spot in a page's HTML. Text in <pre>, <script>, <style> and the like is not prose
 * and is skipped; a block element (or <br>) ends a run of text, an inline one does not.
 */
export function findGluedText(html: string): Glue[] {
  const glued: Glue[] = [];
  let run: Piece[] = [{ text: '', code: false, afterTag: null }];
  let skipping: string | null = null;
  let codeDepth = 0;
  let pendingTag: Piece['afterTag'] = null;
  const endRun = () => {
    glued.push(...gluedInRun(run));
    run = [{ text: '', code: false, afterTag: null }];
    pendingTag = null;
  };
  for (const token of html.matchAll(/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)\b[^>]*>|<!doctype[^>]*>|[^<]+|</g)) {
    const [raw, slash, rawName] = token;
    if (skipping) {
      if (slash && rawName?.toLowerCase() === skipping) skipping = null;
      continue;
    }
    if (raw.startsWith('<!')) continue;
    if (rawName === undefined) {
      const text = decode(raw);
      // Whitespace is where words may break: the join test looks at the text on each side of it.
      const last = run.at(-1);
      if (last && pendingTag === null && last.code === codeDepth > 0) {
        last.text += text;
      } else {
        run.push({ text, code: codeDepth > 0, afterTag: pendingTag });
      }
      pendingTag = null;
      continue;
    }
    const name = rawName.toLowerCase();
    if (!slash && SKIPPED.has(name)) {
      endRun();
      skipping = name;
      continue;
    }
    if (!INLINE.has(name)) {
      endRun();
      continue;
    }
    if (CODE.has(name)) codeDepth = Math.max(0, codeDepth + (slash ? -1 : 1));
    pendingTag ??= slash ? 'close' : 'open';
  }
  endRun();
  return glued;
}
