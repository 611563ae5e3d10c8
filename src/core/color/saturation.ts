/**
 * HSV saturation of sRGB colours. The model's global "saturation" hint is the mean HSV
 * saturation of the (gamma-encoded) sRGB image, so this must match training exactly:
 * S = (max − min) / max per pixel, 0 for black, averaged over all pixels (alpha ignored).
 */

/** HSV saturation of one colour, on any non-negative scale (8-bit or 0..1): 0 for black. */
export function hsvSaturation(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  if (!(max > 0)) return 0;
  return (max - Math.min(r, g, b)) / max;
}

/** 1/max for every 8-bit max (index 0 unused: black has saturation 0). */
const RECIPROCAL: Float64Array = (() => {
  const t = new Float64Array(256);
  for (let v = 1; v < 256; v++) t[v] = 1 / v;
  return t;
})();

/** Mean HSV saturation (0..1) of an RGBA image, 8-bit sRGB; alpha is ignored. */
export function meanSaturation(rgba: Uint8Array | Uint8ClampedArray): number {
  if (rgba.length % 4 !== 0) {
    throw new RangeError(
      `meanSaturation: rgba length ${rgba.length} is not a multiple of 4 (RGBA)`,
    );
  }
  const n = rgba.length / 4;
  if (n === 0) throw new RangeError('meanSaturation: image has no pixels');
  let sum = 0;
  for (let p = 0; p < rgba.length; p += 4) {
    const r = rgba[p];
    const g = rgba[p + 1];
    const b = rgba[p + 2];
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    sum += (max - min) * RECIPROCAL[max];
  }
  return sum / n;
}
