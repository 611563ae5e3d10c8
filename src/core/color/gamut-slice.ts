/** The ab plane at one lightness as an image, for the colour picker's gamut view. */
import { linearInGamut } from './gamut';
import { labToLinearRgbInto } from './lab';
import { linearToSrgb8 } from './srgb';

/**
 * size×size RGBA of the ab plane at lightness L: a along x (left = −range), b along −y
 * (top = +range), sampled at pixel centres; pixels outside the sRGB gamut are transparent
 * (0, 0, 0, 0). range defaults to 110, the ab scale the network was trained with.
 */
export function gamutSliceRgba(L: number, size: number, range = 110): Uint8ClampedArray {
  if (!Number.isFinite(L) || L < 0 || L > 100) {
    throw new RangeError(`gamutSliceRgba: L must be in [0, 100], got ${L}`);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`gamutSliceRgba: size must be a positive integer, got ${size}`);
  }
  if (!Number.isFinite(range) || range <= 0) {
    throw new RangeError(`gamutSliceRgba: range must be a positive number, got ${range}`);
  }
  const out = new Uint8ClampedArray(size * size * 4);
  const rgb = new Float64Array(3);
  const step = (2 * range) / size;
  for (let i = 0; i < size; i++) {
    const b = range - (i + 0.5) * step;
    for (let j = 0; j < size; j++) {
      const a = -range + (j + 0.5) * step;
      labToLinearRgbInto(L, a, b, rgb);
      if (!linearInGamut(rgb)) continue;
      const p = (i * size + j) * 4;
      out[p] = linearToSrgb8(rgb[0]);
      out[p + 1] = linearToSrgb8(rgb[1]);
      out[p + 2] = linearToSrgb8(rgb[2]);
      out[p + 3] = 255;
    }
  }
  return out;
}
