import type { PaletteEntry, PointHint } from '../session/types';

/** A decoded colour photo (8-bit sRGB RGBA), at any size; it is reduced first. */
export interface ColourPhoto {
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
}

export interface ReferenceTransfer {
  hints: PointHint[];
  /** The matched colours over the target's area; null when too little matched. */
  palette: PaletteEntry[] | null;
  /** Share of the target's cells with a usable match, in [0, 1]. */
  matchedShare: number;
  /** Share of the target's cells whose usable match agrees with the one frame map. */
  consistentShare: number;
}
