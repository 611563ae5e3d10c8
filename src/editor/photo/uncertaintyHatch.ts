/**
 * The uncertainty overlay as pixels: diagonal hatching in one hue that no photograph is
 * coloured with, so it never reads as a recolouring of the photo. The more unsure the network
 * is at a spot (normalised entropy of its colour distribution), the thicker and more opaque the
 * stripes: that is where another hint would help most. Sure areas stay clear.
 */

/** Magenta: rare in photographs and far from the skin, sky and foliage colours users paint. */
export const HATCH_RGB: readonly [number, number, number] = [236, 0, 140];
/** Stripe spacing in overlay pixels (the overlay is drawn at the working grey copy's size). */
export const HATCH_PERIOD = 10;
/** The overlay's long side at most: it is drawn on the main thread after every run while on
 * (a 12-MP working copy would block the page for seconds), and stretched over the photo. */
export const HATCH_MAX_SIDE = 800;
/** Below this uncertainty nothing is drawn: a network this sure gains little from a hint. */
export const HATCH_FLOOR = 0.2;

export interface UncertaintyGrid {
  width: number;
  height: number;
  /** Normalised entropy per cell, [0, 1]. */
  data: Float32Array;
}

/** The overlay's size for a photo of width × height: the same shape, long side ≤ HATCH_MAX_SIDE. */
export function hatchSize(width: number, height: number): [number, number] {
  const scale = Math.min(1, HATCH_MAX_SIDE / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
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

/**
 * The range that is hatched: from the map's median (at least HATCH_FLOOR) to its maximum, so
 * the hatching marks the less sure half of the photo (where a hint helps most), not everything
 * a network unsure about most of an old photo would otherwise cover.
 */
export function hatchRange(map: UncertaintyGrid): [number, number] {
  const sorted = Array.from(map.data).sort((x, y) => x - y);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 1;
  const lo = Math.max(HATCH_FLOOR, median);
  const hi = Math.max(lo + 0.05, sorted.at(-1) ?? 1);
  return [lo, hi];
}

/**
 * RGBA (width × height) of the overlay for `map`: thin diagonal stripes, thicker where the
 * network is less sure, and a solid outline around each hatched region; clear elsewhere.
 */
export function uncertaintyHatchRgba(
  map: UncertaintyGrid,
  width: number,
  height: number,
): Uint8ClampedArray {
  const [lo, hi] = hatchRange(map);
  const strength = new Float32Array(width * height);
  for (let i = 0; i < height; i++)
    for (let j = 0; j < width; j++)
      strength[i * width + j] = (sample(map, j, i, width, height) - lo) / (hi - lo);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const paint = (k: number, alpha: number) => {
    rgba.set(HATCH_RGB, 4 * k);
    rgba[4 * k + 3] = alpha;
  };
  const outside = (i: number, j: number) =>
    i >= 0 && j >= 0 && i < height && j < width && !(strength[i * width + j] > 0);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const k = i * width + j;
      const t = Math.min(1, strength[k]);
      if (!(t > 0)) continue;
      if (outside(i - 1, j) || outside(i + 1, j) || outside(i, j - 1) || outside(i, j + 1)) {
        paint(k, 255);
        continue;
      }
      // Stripes 2 px wide where barely unsure, up to half the period where most unsure.
      if ((i + j) % HATCH_PERIOD < 2 + 3 * t) paint(k, Math.round(190 + 65 * t));
    }
  }
  return rgba;
}
