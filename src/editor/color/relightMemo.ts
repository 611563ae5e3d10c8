import { relightAb } from '../../core/color';

/**
 * relightAb with a small memory. An out-of-gamut colour costs a chroma search, and the colour
 * panel re-lights its swatches (about twenty) on every render, mostly the same colours. Keyed by
 * the exact inputs, so a hit returns what relightAb returns; the least recently used go first.
 */
export class RelightMemo {
  private readonly results = new Map<string, readonly [number, number]>();

  constructor(readonly capacity = 512) {}

  get size(): number {
    return this.results.size;
  }

  relight(L: number, a: number, b: number): [number, number] {
    const key = `${L},${a},${b}`;
    let result = this.results.get(key);
    if (result)
      this.results.delete(key); // re-inserted below as the most recent
    else {
      result = relightAb(L, a, b);
      if (this.results.size >= this.capacity) {
        const oldest = this.results.keys().next().value;
        if (oldest !== undefined) this.results.delete(oldest);
      }
    }
    this.results.set(key, result);
    return [result[0], result[1]];
  }
}
