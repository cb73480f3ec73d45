import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Thrown when Pagefind reports any error, so the build fails instead of shipping a broken index. */
export class PagefindIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Pagefind ${step} failed:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
    this.name = 'PagefindIndexError';
  }
}

/**
 * Builds the Pagefind index into `dist/pagefind/` once Astro has written the site, through
 * Pagefind's Node API. Only elements marked `data-pagefind-body` (the code pages) are indexed.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'http5xx:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index || errors.length > 0) throw new PagefindIndexError('createIndex', errors);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new PagefindIndexError('addDirectory', added.errors);
          if (added.page_count === 0) {
            throw new PagefindIndexError('addDirectory', ['no page with data-pagefind-body was found']);
          }
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
          if (written.errors.length > 0) throw new PagefindIndexError('writeFiles', written.errors);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
