/** The minimum a list of codes needs for ordering and grouping. */
export interface Coded {
  code: number;
  status: 'standard' | 'unofficial';
}

/** A copy of `items` in ascending code order. */
export function sortByCode<T extends Coded>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.code - b.code);
}

/** Registered codes and unofficial codes, each in ascending order, for the two tables. */
export function groupByStatus<T extends Coded>(items: readonly T[]): { standard: T[]; unofficial: T[] } {
  const sorted = sortByCode(items);
  return {
    standard: sorted.filter((item) => item.status === 'standard'),
    unofficial: sorted.filter((item) => item.status === 'unofficial'),
  };
}
