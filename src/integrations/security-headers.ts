import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployedHeaders, inlineScripts, scriptHash } from '../lib/security-headers';

/** Every .html file under `dir`. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes `dist/_headers` from `public/_headers` once the site is built: the CSP allows exactly
 * the inline scripts the pages contain, by hash, so a strict policy never blocks the site's own
 * code, and every path carries the base path.
 */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  let publicDir = '';
  return {
    name: 'http5xx:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const hashes = new Set<string>();
        for (const file of await htmlFiles(outDir)) {
          for (const script of inlineScripts(await readFile(file, 'utf8'))) hashes.add(scriptHash(script));
        }
        const source = await readFile(join(publicDir, '_headers'), 'utf8');
        await writeFile(join(outDir, '_headers'), deployedHeaders(source, base, [...hashes]));
        logger.info(`_headers written; CSP allows ${hashes.size} inline scripts by hash`);
      },
    },
  };
}
