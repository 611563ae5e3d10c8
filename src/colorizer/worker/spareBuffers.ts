/**
 * Preview buffers the client gave back (RGBA of colourings it no longer shows), for the worker
 * to compose the next previews into. Each preview is transferred to the client, so without
 * them every one is a fresh 4-MB array, and first touching its pages cost 10-30 ms per
 * click on a 2-core VM, as long as the composition's arithmetic.
 */
export interface SpareBuffers {
  /** Keeps `buffers` (the oldest kept ones make room beyond MAX_SPARES). */
  add(buffers: readonly ArrayBuffer[] | undefined): void;
  /** A kept buffer of exactly `bytes` as RGBA, removed from the spares; undefined if none. */
  take(bytes: number): Uint8ClampedArray | undefined;
}

/** Enough for the previews in circulation: the one shown and the one before, at two sizes. */
export const MAX_SPARES = 4;

export function createSpareBuffers(): SpareBuffers {
  let spares: ArrayBuffer[] = [];
  return {
    add(buffers) {
      if (!buffers) return;
      spares = [...spares, ...buffers.filter((b) => b.byteLength > 0)].slice(-MAX_SPARES);
    },
    take(bytes) {
      const i = spares.findIndex((b) => b.byteLength === bytes);
      if (i < 0) return undefined;
      const [buffer] = spares.splice(i, 1);
      return new Uint8ClampedArray(buffer);
    },
  };
}
