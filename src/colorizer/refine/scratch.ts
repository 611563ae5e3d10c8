/**
 * Float64 arrays the per-stroke propagation solve uses, kept from one stroke to the next.
 * One solve at 128×96 (three coarser levels included) takes ~2 MB of operator, right-hand
 * side and CG vectors; allocated fresh they were first touched on every stroke, which costs
 * as much as the arithmetic on a VM where page faults are slow (~8 ms per MB on the project's
 * 2-core VM), and freed again by the garbage collector's sweeper.
 */
export type F64Alloc = (name: string, length: number) => Float64Array;

/** Zeroed, never shared: the default. */
export const freshF64: F64Alloc = (_name, length) => new Float64Array(length);

/** Arrays kept at most: a solve's nine per level, four levels, for two sizes. */
const MAX_KEPT = 72;

/**
 * A zeroed array per (name, length), the same one every call: a caller must be done with an
 * array before the next call that asks for the same name and length. Lengths above
 * `maxLength` (an export's larger solves) are not kept.
 */
export function createF64Scratch(maxLength: number): F64Alloc {
  const kept = new Map<string, Float64Array>();
  return (name, length) => {
    if (length > maxLength) return new Float64Array(length);
    const key = `${name} ${length}`;
    let array = kept.get(key);
    if (!array) {
      // Another photo's grid sizes: drop the previous ones rather than keep every size seen.
      if (kept.size >= MAX_KEPT) kept.clear();
      array = new Float64Array(length);
      kept.set(key, array);
    } else array.fill(0);
    return array;
  };
}
