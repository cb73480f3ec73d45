/**
 * Decides whether a catalogue pattern is safe to run on anything a reader pastes. JavaScript's
 * regular expressions backtrack, so a careless pattern such as `(a+)+$` or `.*foo.*bar` can take
 * exponential or polynomial time on a hostile line. Patterns are held to a subset in which each
 * attempt at a position runs in time linear in the text it reads:
 *
 * - no backreferences, lookahead or lookbehind;
 * - no quantifier on a group except `?` (an optional group is tried once, never repeated);
 * - `{m,n}` with n at most 200;
 * - every unbounded atom (`x*`, `x+`, `x{m,}`) is followed by a required character that the atom
 *   cannot match, so a run has exactly one place to stop (`\d+:` is safe, `.*foo` is not), unless
 *   nothing follows it at all;
 * - the pattern does not start with an unbounded atom;
 * - every match holds a literal of at least three characters (one per branch of an alternation):
 *   the matcher runs a pattern only on lines that contain one of them.
 *
 * The matcher also cuts every line into windows of bounded length, so the work per pattern is
 * linear in the size of the paste.
 */

/** A set of characters, as a test on code points; letters are folded because patterns run with `i`. */
type CharSet = (codePoint: number) => boolean;

interface Atom {
  kind: 'atom';
  set: CharSet;
  /** The literal character, when the atom is one. */
  literal?: string;
}
interface Group {
  kind: 'group';
  alternatives: Node[][];
}
interface Assertion {
  kind: 'assertion';
}
interface Quantified {
  kind: 'quantified';
  node: Atom | Group;
  min: number;
  max: number;
}
type Node = Atom | Group | Assertion | Quantified;

/** Why a pattern was refused. */
export class UnsafePatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafePatternError';
  }
}

const MAX_BOUND = 200;
const UNBOUNDED = Number.POSITIVE_INFINITY;

const fold = (codePoint: number): number[] => {
  const char = String.fromCodePoint(codePoint);
  return [...new Set([char.toLowerCase(), char.toUpperCase()])].map((c) => c.codePointAt(0) ?? codePoint);
};
/** A one-character set. Its case folding waits for the first test: the search box parses every pattern on load, only the build's safety checks test them. */
const single = (char: string): CharSet => {
  let points: Set<number> | undefined;
  return (cp) => (points ??= new Set(fold(char.codePointAt(0) ?? 0))).has(cp);
};
const isDigit: CharSet = (cp) => cp >= 48 && cp <= 57;
const isWord: CharSet = (cp) => isDigit(cp) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
const isSpace: CharSet = (cp) => /\s/.test(String.fromCodePoint(cp));
const any: CharSet = (cp) => cp !== 10 && cp !== 13 && cp !== 0x2028 && cp !== 0x2029;
const not =
  (set: CharSet): CharSet =>
  (cp) =>
    !set(cp);

/** Code points checked when deciding whether two sets overlap: ASCII, Latin-1 and a few common others. */
const PROBE: number[] = [...Array.from({ length: 256 }, (_, i) => i), 0x2013, 0x2014, 0x2019, 0x201c, 0x201d, 0x2026, 0x4e00];
const overlaps = (a: CharSet, b: CharSet): boolean => PROBE.some((cp) => a(cp) && b(cp));

const CLASS_ESCAPES: Record<string, CharSet> = {
  d: isDigit,
  D: not(isDigit),
  w: isWord,
  W: not(isWord),
  s: isSpace,
  S: not(isSpace),
};

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

class Parser {
  #pos = 0;
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }

  parse(): Node[][] {
    const alternatives = this.#alternatives();
    if (this.#pos < this.source.length) throw new UnsafePatternError(`unbalanced ")" at position ${this.#pos}`);
    return alternatives;
  }

  #peek(): string | undefined {
    return this.source[this.#pos];
  }

  #alternatives(): Node[][] {
    const alternatives: Node[][] = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#pos++;
      alternatives.push(this.#sequence());
    }
    return alternatives;
  }

  #sequence(): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      const char = this.#peek();
      if (char === undefined || char === '|' || char === ')') return nodes;
      const node = this.#term();
      nodes.push(this.#quantifier(node));
    }
  }

  #term(): Atom | Group | Assertion {
    const char = this.source[this.#pos++] as string;
    if (char === '(') {
      if (this.source.startsWith('?:', this.#pos)) this.#pos += 2;
      else if (this.#peek() === '?') throw new UnsafePatternError('lookahead, lookbehind and named groups are not allowed');
      const alternatives = this.#alternatives();
      if (this.source[this.#pos++] !== ')') throw new UnsafePatternError('a group is not closed');
      return { kind: 'group', alternatives };
    }
    if (char === '^' || char === '$') return { kind: 'assertion' };
    if (char === '.') return { kind: 'atom', set: any };
    if (char === '[') return { kind: 'atom', set: this.#characterClass() };
    if (char === '\\') return this.#escape();
    if ('*+?{'.includes(char)) {
      if (char === '{' && !/^\d/.test(this.source.slice(this.#pos))) return { kind: 'atom', set: single(char), literal: char };
      throw new UnsafePatternError(`nothing to repeat before "${char}" at position ${this.#pos - 1}`);
    }
    return { kind: 'atom', set: single(char), literal: char };
  }

  #escape(): Atom | Assertion {
    const char = this.source[this.#pos++];
    if (char === undefined) throw new UnsafePatternError('the pattern ends with a lone backslash');
    if (char === 'b' || char === 'B') return { kind: 'assertion' };
    if (/[1-9]/.test(char) || char === 'k') throw new UnsafePatternError('backreferences are not allowed');
    const classEscape = CLASS_ESCAPES[char];
    if (classEscape) return { kind: 'atom', set: classEscape };
    if (char === 'u' || char === 'x' || char === 'c' || char === 'p' || char === 'P') {
      throw new UnsafePatternError(`the escape "\\${char}" is not supported; write the character itself`);
    }
    const literal = SIMPLE_ESCAPES[char] ?? char;
    if (/[a-zA-Z]/.test(char) && !(char in SIMPLE_ESCAPES)) {
      throw new UnsafePatternError(`unknown escape "\\${char}"`);
    }
    return { kind: 'atom', set: single(literal), literal };
  }

  #characterClass(): CharSet {
    const negated = this.#peek() === '^';
    if (negated) this.#pos++;
    const members: CharSet[] = [];
    let first = true;
    for (;;) {
      const char = this.source[this.#pos++];
      if (char === undefined) throw new UnsafePatternError('a character class is not closed');
      if (char === ']' && !first) break;
      first = false;
      let from: CharSet;
      let fromChar: string | undefined;
      if (char === '\\') {
        const escaped = this.source[this.#pos++];
        if (escaped === undefined) throw new UnsafePatternError('a character class is not closed');
        const classEscape = CLASS_ESCAPES[escaped];
        if (classEscape) {
          members.push(classEscape);
          continue;
        }
        fromChar = SIMPLE_ESCAPES[escaped] ?? escaped;
        from = single(fromChar);
      } else {
        fromChar = char;
        from = single(char);
      }
      if (this.#peek() === '-' && this.source[this.#pos + 1] !== ']' && this.source[this.#pos + 1] !== undefined) {
        this.#pos++;
        let to = this.source[this.#pos++] as string;
        if (to === '\\') to = this.source[this.#pos++] ?? '';
        const low = fromChar.codePointAt(0) ?? 0;
        const high = to.codePointAt(0) ?? 0;
        if (high < low) throw new UnsafePatternError(`the range ${fromChar}-${to} is out of order`);
        members.push((cp) => fold(cp).some((folded) => folded >= low && folded <= high));
      } else {
        members.push(from);
      }
    }
    const union: CharSet = (cp) => members.some((member) => member(cp));
    return negated ? not(union) : union;
  }

  #quantifier(node: Atom | Group | Assertion): Node {
    const char = this.#peek();
    let min: number;
    let max: number;
    if (char === '*') [min, max] = [0, UNBOUNDED];
    else if (char === '+') [min, max] = [1, UNBOUNDED];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const bound = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.#pos));
      if (!bound) return node;
      min = Number(bound[1]);
      max = bound[2] === undefined ? min : bound[3] === '' ? UNBOUNDED : Number(bound[3]);
      if (max !== UNBOUNDED && max > MAX_BOUND) throw new UnsafePatternError(`{${min},${max}}: the upper bound may be at most ${MAX_BOUND}`);
      if (max < min) throw new UnsafePatternError(`{${min},${max}}: the bounds are out of order`);
      this.#pos += bound[0].length - 1;
    } else return node;
    this.#pos++;
    if (this.#peek() === '?') this.#pos++; // lazy: same safety
    if (node.kind === 'assertion') throw new UnsafePatternError('an assertion cannot be repeated');
    return { kind: 'quantified', node, min, max };
  }
}

/**
 * Checks one sequence (and the groups inside it) against the rules; throws on the first breach.
 * `tail` is true when nothing follows the sequence in the pattern: a repeat at its very end has
 * nothing to backtrack for.
 */
function checkSequence(nodes: Node[], topLevel: boolean, tail: boolean): void {
  nodes.forEach((node, index) => {
    const last = index === nodes.length - 1;
    if (node.kind === 'group') {
      for (const alternative of node.alternatives) checkSequence(alternative, false, tail && last);
    }
    if (node.kind !== 'quantified') return;
    if (node.node.kind === 'group') {
      if (node.min !== 0 || node.max !== 1) {
        throw new UnsafePatternError('a group may only be made optional with "?", never repeated');
      }
      for (const alternative of node.node.alternatives) checkSequence(alternative, false, tail && last);
      return;
    }
    if (node.max !== UNBOUNDED) return;
    if (topLevel && index === 0) throw new UnsafePatternError('the pattern may not start with an unbounded repeat');
    const next = nodes[index + 1];
    if (next === undefined) {
      if (tail) return;
      throw new UnsafePatternError('an unbounded repeat at the end of a group must be followed, in that group, by a character it cannot match');
    }
    const guard = next.kind === 'atom' ? next : next.kind === 'quantified' && next.node.kind === 'atom' && next.min >= 1 ? next.node : undefined;
    if (!guard) {
      throw new UnsafePatternError('an unbounded repeat must be followed by a required single character or class it cannot match');
    }
    if (overlaps(node.node.set, guard.set)) {
      throw new UnsafePatternError(
        'an unbounded repeat is followed by a character it can also match, which makes the pattern backtrack; use a class that excludes it, or a bound such as {0,200}',
      );
    }
  });
}

/**
 * Literals at least one of which every match contains, lower-cased: the longest literal run of a
 * sequence, or, for an alternation, one literal from each branch. Undefined when some branch has
 * no literal of {@link MIN_ANCHOR_LENGTH} characters.
 */
function requiredLiterals(alternatives: Node[][]): string[] | undefined {
  const perBranch = alternatives.map(sequenceLiterals);
  if (perBranch.some((set) => set === undefined)) return undefined;
  return [...new Set(perBranch.flat() as string[])];
}

/** The best anchor set of one sequence: the candidate whose shortest literal is longest. */
function sequenceLiterals(nodes: Node[]): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run.length >= MIN_ANCHOR_LENGTH) candidates.push([run.toLowerCase()]);
    run = '';
  };
  for (const node of nodes) {
    if (node.kind === 'atom' && node.literal !== undefined) {
      run += node.literal;
    } else if (node.kind === 'quantified' && node.node.kind === 'atom' && node.node.literal !== undefined && node.min >= 1) {
      // "x+" contributes one required "x", then ends the run.
      run += node.node.literal;
      endRun();
    } else if (node.kind === 'assertion') {
      continue;
    } else {
      endRun();
      if (node.kind === 'group') {
        const inner = requiredLiterals(node.alternatives);
        if (inner) candidates.push(inner);
      }
    }
  }
  endRun();
  const shortest = (set: string[]) => Math.min(...set.map((literal) => literal.length));
  return candidates.sort((a, b) => shortest(b) - shortest(a) || a.length - b.length)[0];
}

/** The shortest anchor literal a pattern must hold, so that it runs only on lines that contain it. */
export const MIN_ANCHOR_LENGTH = 3;

/**
 * Checks a pattern against the linear-time rules and returns the literals one of which every match
 * contains (`anchors`). Throws {@link UnsafePatternError} (or the engine's own SyntaxError for
 * invalid syntax) when the pattern breaks a rule. `needAnchors: false` is for header values, which
 * are short and are not searched for in long text.
 */
export function checkPattern(source: string, needAnchors = true): { anchors: string[] } {
  new RegExp(source, 'i'); // Invalid syntax fails here, with the engine's own message.
  const alternatives = new Parser(source).parse();
  for (const alternative of alternatives) checkSequence(alternative, true, true);
  const anchors = requiredLiterals(alternatives);
  if (!anchors) {
    if (!needAnchors) return { anchors: [] };
    throw new UnsafePatternError(
      `the pattern needs a literal of at least ${MIN_ANCHOR_LENGTH} characters that every match contains (in each branch of an alternation)`,
    );
  }
  return { anchors };
}

/**
 * The literal text of a pattern (of an alternation, its first branch), each variable part replaced
 * by `gap`: what the pattern says in words. With the default gap of a space,
 * `upstream timed out \(\d+: [^)]*\)` gives "upstream timed out ( : )", used to match a few typed words against the entry; with "…" it gives
 * "upstream timed out (…: …)", shown to readers.
 */
export function literalText(source: string, gap = ' '): string {
  return textOf(new Parser(source).parse(), gap);
}

function textOf(alternatives: Node[][], gap: string): string {
  const out: string[] = [];
  const walk = (nodes: Node[]): void => {
    for (const node of nodes) {
      if (node.kind === 'atom') out.push(node.literal ?? gap);
      else if (node.kind === 'quantified' && node.node.kind === 'atom' && node.node.literal !== undefined && node.max === 1) {
        out.push(node.node.literal);
      } else if (node.kind === 'quantified' && node.node.kind === 'group') {
        // An optional part is left out.
      } else if (node.kind === 'group') {
        // Of an alternation, the first branch stands for the rest.
        walk(node.alternatives[0] ?? []);
      } else if (node.kind !== 'assertion') out.push(gap);
    }
  };
  walk(alternatives[0] ?? []);
  const text = out.join('');
  return gap === ' ' ? text.replace(/\s+/g, ' ').trim() : text.replace(/(?:…\s*){2,}/g, '… ').replace(/\s+/g, ' ').trim();
}

/**
 * What the matcher needs of a pattern the build has already checked, from one parse and without
 * the safety checks: its anchors, its words for matching ({@link literalText} with spaces) and how
 * it reads ({@link literalText} with "…").
 */
export function describePattern(source: string): { anchors: string[]; text: string; display: string } {
  const alternatives = new Parser(source).parse();
  return { anchors: requiredLiterals(alternatives) ?? [], text: textOf(alternatives, ' '), display: textOf(alternatives, '…') };
}
