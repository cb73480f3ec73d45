import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
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
 * Pagefind's ready-made search interfaces, which it writes next to the index. The site has its own
 * search box on Pagefind's JS API, so nothing fetches these; leaving them out saves about 430 KB.
 */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

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
          const outputPath = join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new PagefindIndexError('writeFiles', written.errors);
          await Promise.all(UNUSED_UI_FILES.map((file) => rm(join(outputPath, file), { force: true })));
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
