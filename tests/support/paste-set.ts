import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One real string from the development set, with the code(s) a right answer puts first. */
export interface PasteCase {
  /** The file it comes from, e.g. `proxies.yaml`. */
  file: string;
  paste: string;
  codes: number[];
  source: { label: string; url: string };
  note?: string;
}

const setDir = join(import.meta.dirname, '../paste-set');

/**
 * The development set: real pasted strings (log lines, error pages, bodies, headers) with their
 * expected codes and where each was found. Read with the tests' own YAML parser, checked for shape.
 * `files` reads other sets of the same form instead.
 */
export function pasteSet(files?: readonly string[]): PasteCase[] {
  const cases: PasteCase[] = [];
  const paths = files ?? readdirSync(setDir).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(setDir, name));
  for (const path of paths) {
    const file = path.split(/[\\/]/).pop() ?? path;
    const items = parse(readFileSync(path, 'utf8')) as unknown;
    if (!Array.isArray(items)) throw new Error(`tests/paste-set/${file}: expected a list of cases`);
    items.forEach((item: Partial<PasteCase>, index) => {
      const where = `tests/paste-set/${file}[${index}]`;
      if (typeof item.paste !== 'string' || item.paste.trim() === '') throw new Error(`${where}: "paste" must be a non-empty string`);
      if (!Array.isArray(item.codes) || item.codes.length === 0 || !item.codes.every((code) => Number.isInteger(code))) {
        throw new Error(`${where}: "codes" must list the expected status codes`);
      }
      if (typeof item.source?.url !== 'string' || !/^https:\/\//.test(item.source.url) || typeof item.source.label !== 'string') {
        throw new Error(`${where}: "source" needs a label and an https url`);
      }
      cases.push({ file, paste: item.paste, codes: item.codes, source: item.source, ...(item.note ? { note: item.note } : {}) });
    });
  }
  return cases;
}
