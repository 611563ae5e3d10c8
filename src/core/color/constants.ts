/**
 * Colorimetric constants shared by every conversion in this folder. One source so that the
 * single-colour functions, the image loops and the gamut search agree to the last bit.
 */

/** CIE 1976 ε = (6/29)³ in its exact rational form (not the rounded 0.008856). */
export const CIE_EPSILON = 216 / 24389;
/** CIE 1976 κ = (29/3)³ in its exact rational form (not the rounded 903.3). */
export const CIE_KAPPA = 24389 / 27;
/** (6/29): f(t) switches from the linear segment to the cube root where t = δ³ = ε. */
export const CIE_DELTA = 6 / 29;

/**
 * Linear sRGB → XYZ (D65), row-major, the IEC 61966-2-1 matrix to the 7 digits Bruce Lindbloom
 * publishes (the values the published Lab references of the sRGB primaries were computed with).
 */
export const SRGB_TO_XYZ: readonly number[] = [
  0.4124564, 0.3575761, 0.1804375, 0.2126729, 0.7151522, 0.072175, 0.0193339, 0.119192, 0.9503041,
];

/**
 * Reference white = the matrix applied to linear (1, 1, 1): 0.95047, 1.0000001, 1.08883, i.e. the
 * published D65 white 0.95047 / 1.0 / 1.08883 to the matrix's own 7 digits. Taking the row sums
 * keeps the two consistent: sRGB white is exactly L* = 100 and every grey has a* = b* = 0, which
 * matters because the colorizer treats a, b = 0 as "no colour".
 */
export const D65_WHITE: readonly [number, number, number] = [
  SRGB_TO_XYZ[0] + SRGB_TO_XYZ[1] + SRGB_TO_XYZ[2],
  SRGB_TO_XYZ[3] + SRGB_TO_XYZ[4] + SRGB_TO_XYZ[5],
  SRGB_TO_XYZ[6] + SRGB_TO_XYZ[7] + SRGB_TO_XYZ[8],
];

/** Inverse of a row-major 3×3 matrix (adjugate / determinant), in double precision. */
export function invert3x3(m: readonly number[]): number[] {
  if (m.length !== 9) throw new Error(`invert3x3: expected 9 entries, got ${m.length}`);
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = f * g - d * i;
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (det === 0 || !Number.isFinite(det)) throw new Error('invert3x3: matrix is singular');
  return [
    A / det,
    (c * h - b * i) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    (c * d - a * f) / det,
    C / det,
    (b * g - a * h) / det,
    (a * e - b * d) / det,
  ];
}

/** XYZ (D65) → linear sRGB: the exact inverse of SRGB_TO_XYZ, so round trips close to 1e-15. */
export const XYZ_TO_SRGB: readonly number[] = invert3x3(SRGB_TO_XYZ);
