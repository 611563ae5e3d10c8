/**
 * Canvases the colour preview is drawn into, kept from one colouring to the next. A fresh
 * canvas per colouring allocated and first touched a new backing store (4 MB at 1189×892):
 * ~50 ms on a 2-core VM per click, against well under 1 ms to putImageData into a kept one.
 *
 * Two per size, handed out in turn: the canvas on screen is never written while it is still
 * drawn, and each colouring is a new object to React, so the canvas layer redraws. The sizes
 * seen most recently are kept (the full preview and the half size used while painting).
 */
export interface CanvasRing<C> {
  /** The canvas to draw the next colouring of this size into (not the one handed out last). */
  next(width: number, height: number): C;
  /** Drops every canvas (another photo). */
  clear(): void;
}

/** How many sizes keep their pair of canvases (full, painting; a zoom adds one). */
export const KEPT_SIZES = 2;

export function createCanvasRing<C>(make: (width: number, height: number) => C): CanvasRing<C> {
  /** Most recently used size last. */
  let sizes: { key: string; pair: C[]; turn: number }[] = [];
  return {
    next(width, height) {
      const key = `${width}×${height}`;
      let entry = sizes.find((s) => s.key === key);
      if (entry) sizes = [...sizes.filter((s) => s !== entry), entry];
      else {
        entry = { key, pair: [], turn: 0 };
        sizes = [...sizes, entry].slice(-KEPT_SIZES);
      }
      if (entry.pair.length < 2) entry.pair.push(make(width, height));
      const canvas = entry.pair[entry.turn % entry.pair.length];
      entry.turn = (entry.turn + 1) % 2;
      return canvas;
    },
    clear() {
      sizes = [];
    },
  };
}
