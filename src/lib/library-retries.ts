import type { LibraryDefaults } from './library-schema';

/** How a library treats one status with its default configuration. */
export type DefaultRetry = 'retried' | 'conditional' | 'not-retried';

/**
 * Whether `library` retries `code` with no retry configuration: `conditional` when it does so
 * only under a condition its entry states (such as a Retry-After header on the response).
 */
export function defaultRetry(library: Pick<LibraryDefaults, 'retriesByDefault' | 'statuses'>, code: number): DefaultRetry {
  if (!library.retriesByDefault) return 'not-retried';
  const { codes, all5xx, except, conditional } = library.statuses;
  const listed = codes.includes(code) || (all5xx && code >= 500 && code <= 599 && !except.includes(code));
  if (!listed) return 'not-retried';
  return conditional.includes(code) ? 'conditional' : 'retried';
}

/** The libraries that retry `code` by default, outright or under a condition, in list order. */
export function librariesRetrying<T extends Pick<LibraryDefaults, 'retriesByDefault' | 'statuses'>>(
  libraries: readonly T[],
  code: number,
): Array<{ library: T; how: Exclude<DefaultRetry, 'not-retried'> }> {
  return libraries.flatMap((library) => {
    const how = defaultRetry(library, code);
    return how === 'not-retried' ? [] : [{ library, how }];
  });
}

/** Libraries grouped by ecosystem (alphabetical), then by name: the order of every library list. */
export function sortLibraries<T extends Pick<LibraryDefaults, 'ecosystem' | 'name'>>(libraries: readonly T[]): T[] {
  return [...libraries].sort((a, b) => a.ecosystem.localeCompare(b.ecosystem) || a.name.localeCompare(b.name));
}
