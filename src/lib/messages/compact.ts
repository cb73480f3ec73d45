import { createMatcher, recognise } from './match.ts';
import type { MatcherData } from './matcher-data.ts';

/**
 * The browser's data without the code-page aliases that the catalogue already recognises as a
 * whole message with the same code ("no live upstreams while connecting to upstream" is both a
 * 502 alias and an nginx message): search finds them through the matcher, so shipping them twice
 * would only cost bytes. Aliases stay on the pages and in the full-text index.
 */
export function withoutRecognisedAliases(data: MatcherData): MatcherData {
  const matcher = createMatcher(data);
  return {
    ...data,
    codes: data.codes.map((entry) => ({
      ...entry,
      aliases: entry.aliases.filter(
        (alias) =>
          ![...recognise(alias, matcher)].some((key) =>
            matcher.messages.find((message) => message.key === key)?.codes.some(({ code }) => code === entry.code),
          ),
      ),
    })),
  };
}
