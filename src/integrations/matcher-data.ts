import { withoutRecognisedAliases } from '../lib/messages/compact.ts';
import { defaultCataloguePaths, loadCatalogue, type LoadedCatalogue } from '../lib/messages/load.ts';
import { toMatcherData, toMessageChecks, toMessageDetails } from '../lib/messages/matcher-data.ts';

/**
 * Writes the data modules that the search box and the paste box import: `virtual:matcherData`
 * (the catalogue's texts, patterns and codes, and the small code index), `virtual:messageDetails`
 * (the prose search shows with a match) and `virtual:messageChecks` (ids and first checks, for
 * the paste box). The catalogue is checked first: an invalid one stops the build here, with a
 * message that names the file, the entry and the field.
 */
export function catalogueDataModules(root: string): Record<'matcherData' | 'messageDetails' | 'messageChecks', () => string> {
  // The three modules are written one after another; they share one load (and, in dev, a fresh
  // one for each page load a second apart).
  let cache: { at: number; catalogue: LoadedCatalogue } | undefined;
  const load = () => {
    if (!cache || Date.now() - cache.at > 1000) {
      const fresh = loadCatalogue(defaultCataloguePaths(root));
      cache = { at: Date.now(), catalogue: fresh };
    }
    const { catalogue } = cache;
    return { files: catalogue.files.map((file) => file.data), codes: catalogue.codes };
  };
  const module = (data: unknown) => `export default ${JSON.stringify(data)};`;
  return {
    matcherData: () => {
      const { files, codes } = load();
      return module(withoutRecognisedAliases(toMatcherData(files, codes)));
    },
    messageDetails: () => {
      const { files, codes } = load();
      return module(toMessageDetails(files, codes));
    },
    messageChecks: () => module(toMessageChecks(load().files)),
  };
}
