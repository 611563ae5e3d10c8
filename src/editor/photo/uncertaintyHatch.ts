/**
 * The uncertainty overlay as pixels: diagonal hatching in one hue that no photograph is
 * coloured with, so it never reads as a recolouring of the photo. The more unsure the network
 * is at a spot (normalised entropy of its colour distribution), the thicker and more opaque the
 * stripes: that is where another hint would help most. Sure areas stay clear.
 */

/** Magenta: rare in photographs and far from the skin, sky and foliage colours users paint. */
export const HATCH_RGB: readonly [number, number, number] = [236, 0, 140];
/** Stripe spacing in overlay pixels (the overlay is drawn at the working grey copy's size). */
export const HATCH_PERIOD = 8;
/** Below this uncertainty nothing is drawn: a network this sure gains little from a hint. */
export const HATCH_FLOOR = 0.2;

export interface UncertaintyGrid {
  width: number;
  height: number;
  /** Normalised entropy per cell, [0, 1]. */
  data: Float32Array;
}

/** Bilinear sample of the grid at overlay pixel (j, i) of an overlay width × height. */
function sample(map: UncertaintyGrid, j: number, i: number, width: number, height: number) {
  const u = Math.min(map.width - 1, Math.max(0, ((j + 0.5) / width) * map.width - 0.5));
  const v = Math.min(map.height - 1, Math.max(0, ((i + 0.5) / height) * map.height - 0.5));
  const [u0, v0] = [Math.floor(u), Math.floor(v)];
  const [u1, v1] = [Math.min(map.width - 1, u0 + 1), Math.min(map.height - 1, v0 + 1)];
  const [fu, fv] = [u - u0, v - v0];
  const at = (x: number, y: number) => map.data[y * map.width + x];
  const top = at(u0, v0) * (1 - fu) + at(u1, v0) * fu;
  const bottom = at(u0, v1) * (1 - fu) + at(u1, v1) * fu;
  return top * (1 - fv) + bottom * fv;
}

/** RGBA (width × height) of the hatch for `map`; transparent where the network is sure. */
export function uncertaintyHatchRgba(
  map: UncertaintyGrid,
  width: number,
  height: number,
): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const raw = Math.min(1, Math.max(0, sample(map, j, i, width, height)));
      const t = (raw - HATCH_FLOOR) / (1 - HATCH_FLOOR);
      if (!(t > 0)) continue;
      // Stripe covers 20 % of the period where barely unsure, up to 70 % where most unsure.
      const phase = (i + j) % HATCH_PERIOD;
      if (phase >= HATCH_PERIOD * (0.2 + 0.5 * t)) continue;
      const p = 4 * (i * width + j);
      rgba[p] = HATCH_RGB[0];
      rgba[p + 1] = HATCH_RGB[1];
      rgba[p + 2] = HATCH_RGB[2];
      rgba[p + 3] = Math.round(110 + 145 * t);
    }
  }
  return rgba;
}
