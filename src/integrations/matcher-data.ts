import { defaultCataloguePaths, loadCatalogue } from '../lib/messages/load.ts';
import { toMatcherData, toMessageChecks, toMessageDetails } from '../lib/messages/matcher-data.ts';

/**
 * Writes the data modules that the search box and the paste box import: `virtual:matcherData`
 * (the catalogue's texts, patterns and codes, and the small code index), `virtual:messageDetails`
 * (the prose search shows with a match) and `virtual:messageChecks` (ids and first checks, for
 * the paste box). The catalogue is checked first: an invalid one stops the build here, with a
 * message that names the file, the entry and the field.
 */
export function catalogueDataModules(root: string): Record<'matcherData' | 'messageDetails' | 'messageChecks', () => string> {
  const load = () => loadCatalogue(defaultCataloguePaths(root));
  const files = () => load().files.map((file) => file.data);
  const module = (data: unknown) => `export default ${JSON.stringify(data)};`;
  return {
    matcherData: () => {
      const catalogue = load();
      return module(toMatcherData(catalogue.files.map((file) => file.data), catalogue.codes));
    },
    messageDetails: () => module(toMessageDetails(files())),
    messageChecks: () => module(toMessageChecks(files())),
  };
}
