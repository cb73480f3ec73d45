import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { codeSchema, guideSchema, type CodeData } from './lib/code-schema';
import { libraryDefaultsSchema } from './lib/library-schema';
import { checkCodeEntries } from './lib/content-checks';

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

export const collections = { codes, guides, libraries };
