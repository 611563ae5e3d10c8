/**
 * Pairs each item with a React key made from its content; a repeat gets "#2", "#3"… appended.
 * Colour lists repeat values (near black or white several suggestions land on one
 * displayable colour, two palette clusters can round alike), and content keys stay stable
 * when an entry is added in front, as index keys would not.
 */
export function withUniqueKeys<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: count === 1 ? base : `${base}#${count}`, item };
  });
}

/** The key of an a*, b* colour. */
export const abKey = (ab: readonly number[]) => `${ab[0]},${ab[1]}`;
