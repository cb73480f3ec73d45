import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { codeSchema, guideSchema, type CodeData } from './lib/code-schema';
import { libraryDefaultsSchema } from './lib/library-schema';
import { checkCodeEntries } from './lib/content-checks';
import { defaultCataloguePaths, loadCatalogue } from './lib/messages/load';
import { emitterFileSchema } from './lib/messages/schema';

/**
 * Where the code entries live. Tests and benchmarks point this at fixture or synthetic content;
 * everyone else gets `content/codes`.
 */
const codesDir = process.env.HTTP5XX_CODES_DIR ?? './content/codes';

const codeGlob = glob({ pattern: '*.mdx', base: codesDir });

const codes = defineCollection({
  loader: {
    name: 'http5xx-codes',
    // The glob loader validates each file on its own; checks that span entries (file name,
    // duplicates, related codes) and the section template run once all of them are in the store.
    load: async (context) => {
      await codeGlob.load(context);
      checkCodeEntries(
        context.store.values().map((entry) => ({
          filePath: entry.filePath ?? entry.id,
          data: entry.data as Pick<CodeData, 'code' | 'related'>,
          body: entry.body ?? '',
        })),
      );
    },
  },
  schema: codeSchema,
});

/** Long-form guides (the 5xx class, and later retries and "who sent this"), one MDX file each. */
const guides = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/guides' }),
  schema: guideSchema,
});

/** What HTTP client libraries and proxies retry by default: one YAML list, one entry per library. */
const libraries = defineCollection({
  loader: file('./content/libraries/retry-defaults.yaml'),
  schema: libraryDefaultsSchema,
});

/**
 * The error-message catalogue: one YAML file per emitter in `content/messages/`. The loader checks
 * the whole catalogue at once (schema, patterns, examples, codes and sections that must exist,
 * clashes between entries) and fails naming the file, the entry and the field.
 */
const messages = defineCollection({
  loader: {
    name: 'http5xx-messages',
    load: async ({ store, watcher, logger }) => {
      const paths = defaultCataloguePaths(process.cwd());
      const reload = () => {
        const { files } = loadCatalogue(paths);
        store.clear();
        for (const { filePath, data } of files) store.set({ id: data.emitter, data, filePath });
      };
      reload();
      watcher?.on('change', (changed) => {
        if (!changed.startsWith(paths.messagesDir)) return;
        try {
          reload();
        } catch (error) {
          logger.error((error as Error).message);
        }
      });
    },
  },
  schema: emitterFileSchema,
});

export const collections = { codes, guides, libraries, messages };
