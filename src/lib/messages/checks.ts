import { toMatcherData, toMessageChecks, toMessageDetails, type CodeIndexEntry } from './matcher-data.ts';
import { createMatcher, recognise } from './match.ts';
import { checkPattern } from './pattern-safety.ts';
import { emitterFileSchema, type EmitterFile } from './schema.ts';
import { words } from './tokens.ts';


/** What the checks need to know about the rest of the site. */
export interface CatalogueContext {
  /** Each code that has a page, with its index entry and the ids of the headings on the page. */
  codes: ReadonlyMap<number, { entry: CodeIndexEntry; headings: ReadonlySet<string> }>;
  /** Ids of the sections of the "Who sent this 5xx?" guide. */
  guideSections: ReadonlySet<string>;
}

/** One catalogue file as read from disk, before validation. */
export interface RawCatalogueFile {
  filePath: string;
  data: unknown;
}

/** Thrown when the catalogue is invalid; the message names every file, entry and field at fault. */
export class CatalogueError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid error-message catalogue:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CatalogueError';
    this.problems = problems;
  }
}

/** The file's name without folders or extension. */
const fileStem = (filePath: string): string => (filePath.split(/[\\/]/).pop() ?? filePath).replace(/\.[^.]+$/, '');

type PathPart = string | number;

/** `messages[3] "upstream-timed-out": field "codes[0].code"` for a path into an emitter file. */
function describePath(data: unknown, path: readonly PathPart[]): string {
  const list = path[0];
  const index = path[1];
  if ((list === 'messages' || list === 'fingerprints') && typeof index === 'number') {
    const item = (data as Record<string, unknown[]> | undefined)?.[list]?.[index] as Record<string, unknown> | undefined;
    const name = list === 'messages' ? item?.['id'] : item?.['header'];
    const field = path
      .slice(2)
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
      .join('');
    return `${list}[${index}]${typeof name === 'string' ? ` "${name}"` : ''}: field "${field || list}"`;
  }
  const field = path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  return `field "${field || '(file)'}"`;
}

/** Parses a `Name: value` header line. */
function headerLine(line: string): { name: string; value: string } | undefined {
  const match = /^([A-Za-z0-9-]+):[ \t]*(.*)$/.exec(line.trim());
  return match?.[1] !== undefined && match[2] !== undefined ? { name: match[1].toLowerCase(), value: match[2] } : undefined;
}

/**
 * Every problem in the catalogue, each naming the file, the entry and the field: schema errors,
 * a file name that differs from its emitter id, duplicate ids, unknown guide sections, codes with no
 * page, sections missing from their page, unsafe or invalid patterns, examples that their entry
 * does not recognise, and examples that two entries with no code in common both claim.
 * Returns the validated files too, so that the caller does not validate twice.
 */
export function findCatalogueProblems(
  raw: readonly RawCatalogueFile[],
  context: CatalogueContext,
): { problems: string[]; files: Array<{ filePath: string; data: EmitterFile }> } {
  const problems: string[] = [];
  const files: Array<{ filePath: string; data: EmitterFile }> = [];
  const sorted = [...raw].sort((a, b) => a.filePath.localeCompare(b.filePath));
  for (const { filePath, data } of sorted) {
    const parsed = emitterFileSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${filePath}: ${describePath(data, issue.path as PathPart[])}: ${issue.message}`);
      }
      continue;
    }
    const file = parsed.data;
    const at = (list: 'messages' | 'fingerprints', index: number, field: string) =>
      `${filePath}: ${describePath(file, [list, index, field])}`;
    if (file.emitter !== fileStem(filePath)) {
      problems.push(`${filePath}: field "emitter": is "${file.emitter}" but the file is named ${fileStem(filePath)}.yaml`);
    }
    if (file.guide !== undefined && !context.guideSections.has(file.guide)) {
      problems.push(
        `${filePath}: field "guide": "${file.guide}" is not a section of the "Who sent this 5xx?" guide (sections: ${[...context.guideSections].join(', ')})`,
      );
    }
    const ids = new Set<string>();
    file.messages.forEach((message, index) => {
      if (ids.has(message.id)) problems.push(`${at('messages', index, 'id')}: "${message.id}" is used twice in this file`);
      ids.add(message.id);
      message.codes.forEach(({ code }, c) => {
        if (!context.codes.has(code)) problems.push(`${at('messages', index, `codes[${c}].code`)}: ${code} has no page; add content/codes/${code}.mdx or leave the message out`);
      });
      if (message.section !== undefined) {
        const [code, fragment] = message.section.split('#') as [string, string];
        const page = context.codes.get(Number(code));
        if (page && !page.headings.has(fragment)) {
          problems.push(`${at('messages', index, 'section')}: the ${code} page has no heading with the id "${fragment}"`);
        }
      }
      if (message.text !== undefined && words(message.text).length === 0) {
        problems.push(`${at('messages', index, 'text')}: has no words the matcher can use (ids and numbers are dropped); write the words of the message, or use a pattern`);
      }
      if (message.pattern !== undefined) {
        try {
          checkPattern(message.pattern);
        } catch (error) {
          problems.push(`${at('messages', index, 'pattern')}: ${(error as Error).message}`);
        }
      }
    });
    file.fingerprints.forEach((fingerprint, index) => {
      if (fingerprint.value === undefined) return;
      try {
        checkPattern(fingerprint.value, false);
      } catch (error) {
        problems.push(`${at('fingerprints', index, 'value')}: ${(error as Error).message}`);
      }
      fingerprint.examples.forEach((example, e) => {
        const header = headerLine(example);
        const value = fingerprint.value === undefined ? undefined : new RegExp(fingerprint.value, 'i');
        if (!header || header.name !== fingerprint.header || (value && !value.test(header.value))) {
          problems.push(`${at('fingerprints', index, `examples[${e}]`)}: "${example}" is not recognised by this fingerprint`);
        }
      });
    });
    files.push({ filePath, data: file });
  }
  // Checks through the matcher need every pattern to be valid; skip them until it is.
  if (problems.length > 0) return { problems, files };

  const emitterFiles = files.map((file) => file.data);
  const matcher = createMatcher(
    toMatcherData(emitterFiles, [...context.codes.values()].map((page) => page.entry)),
    toMessageDetails(emitterFiles, [...context.codes.values()].map((page) => page.entry)),
    toMessageChecks(emitterFiles),
  );
  const byKey = new Map(files.flatMap(({ filePath, data }) => data.messages.map((message, index) => [`${data.emitter}/${message.id}`, { filePath, data, message, index }])));
  const codeSet = (codes: ReadonlyArray<{ code: number }>) => codes.map((code) => code.code).sort().join(',');
  for (const [key, { filePath, data, message, index }] of byKey) {
    message.sharedWith.forEach((other, s) => {
      if (!byKey.has(other)) problems.push(`${filePath}: ${describePath(data, ['messages', index, `sharedWith[${s}]`])}: no entry "${other}"`);
    });
    message.examples.forEach((example, e) => {
      const where = `${filePath}: ${describePath(data, ['messages', index, `examples[${e}]`])}`;
      const keys = recognise(example, matcher);
      if (!keys.has(key)) {
        problems.push(`${where}: not recognised as this entry (${message.pattern !== undefined ? 'the pattern does not match it' : 'it does not contain the text'})`);
      }
      for (const otherKey of keys) {
        const other = byKey.get(otherKey);
        // Entries that share a code partly agree: ranking picks between them. Disjoint codes contradict.
        if (!other || otherKey === key || other.message.codes.some((entry) => message.codes.some((mine) => mine.code === entry.code))) continue;
        if (message.sharedWith.includes(otherKey) || other.message.sharedWith.includes(key)) continue;
        problems.push(
          `${where}: also recognised as ${otherKey} (codes ${codeSet(other.message.codes)}, here ${codeSet(message.codes)}); make one entry more specific, or list each other in sharedWith`,
        );
      }
    });
  }
  return { problems, files };
}
