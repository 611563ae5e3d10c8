/**
 * The sRGB transfer curve (IEC 61966-2-1): gamma-encoded sRGB ↔ linear light, in float and in
 * 8 bits. The 8-bit directions are table driven because they run per pixel on 12-megapixel
 * exports.
 */

/** Linear-segment breakpoint of the encoded curve (IEC 61966-2-1). */
const ENCODED_KNEE = 0.04045;
/** Linear-segment breakpoint in linear light: 0.04045 / 12.92. */
const LINEAR_KNEE = 0.0031308;

/** Decode one encoded sRGB value (0..1) to linear light. Odd-extended outside [0, 1]. */
export function srgbToLinear(v: number): number {
  const m = Math.abs(v);
  const lin = m <= ENCODED_KNEE ? m / 12.92 : ((m + 0.055) / 1.055) ** 2.4;
  return v < 0 ? -lin : lin;
}

/** Encode one linear-light value to sRGB (0..1). Odd-extended, unclamped outside [0, 1]. */
export function linearToSrgb(v: number): number {
  const m = Math.abs(v);
  const enc = m <= LINEAR_KNEE ? 12.92 * m : 1.055 * m ** (1 / 2.4) - 0.055;
  return v < 0 ? -enc : enc;
}

/** Linear light of each 8-bit sRGB code: the decode is a lookup, never a pow, per pixel. */
export const SRGB8_TO_LINEAR: Float64Array = (() => {
  const table = new Float64Array(256);
  for (let v = 0; v < 256; v++) table[v] = srgbToLinear(v / 255);
  return table;
})();

/**
 * Buckets of the encode table. The encoded curve is steepest at its linear segment
 * (12.92 · 255 ≈ 3295 codes per unit of linear light), so with 4096 buckets no bucket holds
 * more than one rounding threshold and one comparison makes the lookup exact.
 */
const ENCODE_BUCKETS = 4096;

/** ROUND_UP_AT[k]: linear value at which the rounded 8-bit code goes from k to k + 1. */
const ROUND_UP_AT: Float64Array = (() => {
  const t = new Float64Array(256);
  for (let k = 0; k < 255; k++) t[k] = srgbToLinear((k + 0.5) / 255);
  t[255] = Number.POSITIVE_INFINITY;
  return t;
})();

/** Code at the left edge of each bucket. */
const BUCKET_START_CODE: Uint8Array = (() => {
  const codes = new Uint8Array(ENCODE_BUCKETS + 1);
  let k = 0;
  for (let i = 0; i <= ENCODE_BUCKETS; i++) {
    const x = i / ENCODE_BUCKETS;
    while (x >= ROUND_UP_AT[k]) k++;
    codes[i] = k;
  }
  return codes;
})();

/**
 * Linear light → 8-bit sRGB code, rounded to nearest and clamped to 0..255; equal to
 * `Math.round(255 * linearToSrgb(x))` for x in [0, 1] but without a pow. NaN maps to 0.
 */
export function linearToSrgb8(x: number): number {
  if (!(x > 0)) return 0;
  if (x >= 1) return 255;
  const code = BUCKET_START_CODE[(x * ENCODE_BUCKETS) | 0];
  return x >= ROUND_UP_AT[code] ? code + 1 : code;
}
