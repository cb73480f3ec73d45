import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The built site the dist tests check; `npm run build` first. */
export const distRoot = join(import.meta.dirname, '../../dist');

/** Files under dist/ with the given ending, as paths relative to dist/, sorted. */
export function distFiles(ending: string): string[] {
  if (!existsSync(distRoot)) throw new Error('dist/ is missing: run `npm run build` first');
  return (readdirSync(distRoot, { recursive: true }) as string[])
    .filter((file) => file.endsWith(ending) && !file.startsWith('pagefind/'))
    .sort();
}
