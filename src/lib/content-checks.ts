import { sectionProblems } from './code-sections';

/** The part of an entry that checks across entries need. */
export interface CodeEntryRef {
  /** Path of the source file, relative to the project root. */
  filePath: string;
  data: { code: number; related: readonly number[] };
  /** The MDX body, checked against the section template. */
  body: string;
}

/** Thrown when the code entries disagree with each other; the message names every file at fault. */
export class ContentCheckError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid code content:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ContentCheckError';
  }
}

/** The file's name without folders or extension: `content/codes/503.mdx` gives `503`. */
export function fileStem(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return base.replace(/\.[^.]+$/, '');
}

/**
 * Problems that only show when all entries are loaded: two files claiming one code, a code that
 * differs from its file name, `related` codes that have no entry, and bodies that leave out a
 * section of the template. Returns them in file order.
 */
export function findCodeEntryProblems(entries: readonly CodeEntryRef[]): string[] {
  const problems: string[] = [];
  const sorted = [...entries].sort((a, b) => a.filePath.localeCompare(b.filePath));
  const filesByCode = new Map<number, string[]>();
  for (const { filePath, data } of sorted) {
    filesByCode.set(data.code, [...(filesByCode.get(data.code) ?? []), filePath]);
  }
  for (const [code, files] of filesByCode) {
    if (files.length > 1) {
      problems.push(`${files.join(' and ')}: field "code": ${files.length} files claim code ${code}; keep one`);
    }
  }
  for (const { filePath, data, body } of sorted) {
    const stem = fileStem(filePath);
    if (stem !== String(data.code)) {
      problems.push(
        `${filePath}: field "code": is ${data.code} but the file is named ${stem}; rename the file to ${data.code}.mdx or fix the code`,
      );
    }
    const missing = data.related.filter((code) => !filesByCode.has(code));
    if (missing.length > 0) {
      problems.push(
        `${filePath}: field "related": ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no entry; add the file or remove the code`,
      );
    }
    for (const problem of sectionProblems(body)) problems.push(`${filePath}: body: ${problem}`);
  }
  return problems;
}

/** Throws a {@link ContentCheckError} when {@link findCodeEntryProblems} finds anything. */
export function checkCodeEntries(entries: readonly CodeEntryRef[]): void {
  const problems = findCodeEntryProblems(entries);
  if (problems.length > 0) throw new ContentCheckError(problems);
}
