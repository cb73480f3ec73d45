import { sourceEntries } from './content';

/** Every page a reader can reach, relative to the site's base: the e2e checks that cover "every page" use this. */
export const ALL_PAGES = [
  './',
  'search/?q=gateway',
  'guides/5xx-class/',
  'guides/who-sent-this/',
  'guides/retry/',
  'guides/retry-defaults/',
  'messages/',
  'messages/503/',
  'should-i-retry/',
  'should-i-retry/?status=503&method=POST&key=1&after=30&attempt=1&lang=ts',
  ...sourceEntries().map((entry) => `${entry.code}/`),
];
