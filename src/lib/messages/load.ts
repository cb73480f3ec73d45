import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Slugger from 'github-slugger';
import { parse } from 'yaml';
import { markdownHeadings } from '../code-sections.ts';
import { CatalogueError, findCatalogueProblems, type CatalogueContext, type RawCatalogueFile } from './checks.ts';
import type { CodeIndexEntry } from './matcher-data.ts';
import type { EmitterFile } from './schema.ts';

/**
 * Reads the catalogue from disk (Node only): the YAML files, and what the checks need from the
 * code pages and the "Who sent this 5xx?" guide. The build, the browser bundle, the check script
 * and the tests all load it through here, so they all see the same validated data.
 */

/** Where things are; tests and benchmarks point these at fixtures. */
export interface CataloguePaths {
  messagesDir: string;
  codesDir: string;
  guideFile: string;
  /** Paths in messages are written relative to this (the project root). */
  root: string;
}

/** The folders the site uses, following the same environment variables as the content config. */
export function defaultCataloguePaths(root: string): CataloguePaths {
  return {
    root,
    messagesDir: resolve(root, process.env['HTTP5XX_MESSAGES_DIR'] ?? 'content/messages'),
    codesDir: resolve(root, process.env['HTTP5XX_CODES_DIR'] ?? 'content/codes'),
    guideFile: join(root, 'content/guides/who-sent-this.mdx'),
  };
}

/** The text of the `##` and `###` headings of a Markdown body, as the page shows it. */
function headings(body: string, depths: readonly number[]): string[] {
  // The page shows the heading's text: drop Markdown code ticks, emphasis and link targets.
  return markdownHeadings(body, depths).map((text) => text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, ''));
}

/** The ids the site gives those headings (GitHub-style slugs, as the heading-anchors plugin does). */
function headingIds(texts: readonly string[]): string[] {
  const slugger = new Slugger();
  return texts.map((text) => slugger.slug(text));
}

/** What the checks need from the code pages and the guide. */
export function readCatalogueContext(paths: CataloguePaths): CatalogueContext {
  const codes = new Map<number, { entry: CodeIndexEntry; headings: Set<string> }>();
  for (const file of readdirSync(paths.codesDir).filter((name) => name.endsWith('.mdx'))) {
    const text = readFileSync(join(paths.codesDir, file), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!match) continue;
    // The content collection validates these fields; a file it would refuse is skipped here.
    const data = parse(match[1] ?? '') as Partial<Omit<CodeIndexEntry, 'retry'>> & { retry?: { verdict?: unknown }; emitters?: unknown };
    if (typeof data.code !== 'number' || typeof data.name !== 'string') continue;
    // Keyed by the file's name: when a file claims another code, the codes collection reports that.
    const code = /^\d+$/.test(file.replace(/\.mdx$/, '')) ? Number(file.replace(/\.mdx$/, '')) : data.code;
    const ids = headingIds(headings(match[2] ?? '', [2, 3]));
    const entry: CodeIndexEntry = {
      code,
      name: data.name,
      status: data.status === 'unofficial' ? 'unofficial' : 'standard',
      retry: typeof data.retry?.verdict === 'string' ? data.retry.verdict : 'conditional',
      summary: typeof data.summary === 'string' ? data.summary : '',
      aliases: Array.isArray(data.aliases) ? data.aliases.filter((alias): alias is string => typeof alias === 'string') : [],
      layers: Array.isArray(data.emitters) ? data.emitters.filter((layer): layer is string => typeof layer === 'string') : [],
    };
    // The page adds these two sections itself, after the body.
    codes.set(code, { entry, headings: new Set([...ids, 'related-codes', 'specification']) });
  }
  const guide = readFileSync(paths.guideFile, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---/, '');
  return { codes, guideSections: new Set(headingIds(headings(guide, [2]))) };
}

/** Reads every `*.yaml` file of the catalogue; a file that is not valid YAML is a problem of its own. */
export function readCatalogueFiles(paths: CataloguePaths): { raw: RawCatalogueFile[]; problems: string[] } {
  const raw: RawCatalogueFile[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(paths.messagesDir).filter((name) => name.endsWith('.yaml')).sort()) {
    const filePath = relative(paths.root, join(paths.messagesDir, file));
    try {
      raw.push({ filePath, data: parse(readFileSync(join(paths.messagesDir, file), 'utf8')) as unknown });
    } catch (error) {
      problems.push(`${filePath}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { raw, problems };
}

/** The validated catalogue, and the code pages it was checked against. */
export interface LoadedCatalogue {
  files: Array<{ filePath: string; data: EmitterFile }>;
  codes: CodeIndexEntry[];
}

/** Loads and checks the catalogue; throws a {@link CatalogueError} naming every problem. */
export function loadCatalogue(paths: CataloguePaths): LoadedCatalogue {
  const context = readCatalogueContext(paths);
  const { raw, problems: yamlProblems } = readCatalogueFiles(paths);
  const { problems, files } = findCatalogueProblems(raw, context);
  const all = [...yamlProblems, ...problems];
  if (all.length > 0) throw new CatalogueError(all);
  return { files, codes: [...context.codes.values()].map((page) => page.entry) };
}
