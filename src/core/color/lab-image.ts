/**
 * Whole-image conversions between 8-bit RGBA and CIELAB. These run on 12-megapixel photos in the
 * export path, so they decode through the 256-entry table, encode through linearToSrgb8's
 * bucket table and allocate nothing per pixel.
 */
import type { GreyImage } from '../image';
import { CIE_DELTA, CIE_KAPPA, D65_WHITE, SRGB_TO_XYZ, XYZ_TO_SRGB } from './constants';
import { labF, lightnessFromLuminance } from './lab';
import { linearToSrgb8, SRGB8_TO_LINEAR } from './srgb';

type Rgba8 = Uint8Array | Uint8ClampedArray;

function pixelCount(fn: string, rgba: Rgba8): number {
  if (rgba.length % 4 !== 0) {
    throw new RangeError(`${fn}: rgba length ${rgba.length} is not a multiple of 4 (RGBA)`);
  }
  return rgba.length / 4;
}

/** L* of each grey level 0..255: black-and-white photos (r = g = b) never reach a cube root. */
const GREY_LIGHTNESS: Float64Array = (() => {
  const t = new Float64Array(256);
  for (let v = 0; v < 256; v++) t[v] = lightnessFromLuminance(SRGB8_TO_LINEAR[v] * D65_WHITE[1]);
  return t;
})();

/**
 * RGBA (8-bit sRGB; alpha ignored) → Lab, 3 floats per pixel (L*, a*, b*). Writes into `out`
 * when given (length must be 3 per pixel), else allocates.
 */
export function rgbaToLab(rgba: Rgba8, out?: Float32Array): Float32Array {
  const n = pixelCount('rgbaToLab', rgba);
  const lab = out ?? new Float32Array(n * 3);
  if (lab.length !== n * 3) {
    throw new RangeError(
      `rgbaToLab: out has length ${lab.length}, expected ${n * 3} (3 per pixel)`,
    );
  }
  // White-relative matrix rows, hoisted into locals for the hot loop.
  const [xr, xg, xb] = SRGB_TO_XYZ.slice(0, 3).map((v) => v / D65_WHITE[0]);
  const [yr, yg, yb] = SRGB_TO_XYZ.slice(3, 6).map((v) => v / D65_WHITE[1]);
  const [zr, zg, zb] = SRGB_TO_XYZ.slice(6, 9).map((v) => v / D65_WHITE[2]);
  const lin = SRGB8_TO_LINEAR;
  const f = labF;
  const greyL = GREY_LIGHTNESS;
  for (let i = 0, p = 0, q = 0; i < n; i++, p += 4, q += 3) {
    const r8 = rgba[p];
    const g8 = rgba[p + 1];
    const b8 = rgba[p + 2];
    if (r8 === g8 && g8 === b8) {
      lab[q] = greyL[r8];
      lab[q + 1] = 0;
      lab[q + 2] = 0;
      continue;
    }
    const r = lin[r8];
    const g = lin[g8];
    const b = lin[b8];
    const fx = f(xr * r + xg * g + xb * b);
    const fy = f(yr * r + yg * g + yb * b);
    const fz = f(zr * r + zg * g + zb * b);
    lab[q] = 116 * fy - 16;
    lab[q + 1] = 500 * (fx - fy);
    lab[q + 2] = 200 * (fy - fz);
  }
  return lab;
}

/**
 * RGBA (8-bit sRGB; alpha ignored) → GreyImage: L* from the luminance Y, so a colour photo is
 * reduced to exactly the lightness its Lab conversion would have.
 */
export function rgbaToGreyImage(rgba: Rgba8, width: number, height: number): GreyImage {
  if (!Number.isInteger(width) || width <= 0 || !Number.isInteger(height) || height <= 0) {
    throw new RangeError(
      `rgbaToGreyImage: width and height must be positive integers, got ${width}×${height}`,
    );
  }
  const n = pixelCount('rgbaToGreyImage', rgba);
  if (n !== width * height) {
    throw new RangeError(
      `rgbaToGreyImage: rgba holds ${n} pixels but ${width}×${height} = ${width * height}`,
    );
  }
  const yr = SRGB_TO_XYZ[3] / D65_WHITE[1];
  const yg = SRGB_TO_XYZ[4] / D65_WHITE[1];
  const yb = SRGB_TO_XYZ[5] / D65_WHITE[1];
  const lin = SRGB8_TO_LINEAR;
  const f = labF;
  const greyL = GREY_LIGHTNESS;
  const L = new Float32Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const r = rgba[p];
    const g = rgba[p + 1];
    const b = rgba[p + 2];
    L[i] = r === g && g === b ? greyL[r] : 116 * f(yr * lin[r] + yg * lin[g] + yb * lin[b]) - 16;
  }
  return { width, height, L };
}

/**
 * Lab planes → RGBA (8-bit sRGB, rounded, out-of-gamut channels clamped). `L` holds 1 float
 * per pixel, `ab` 2 (a*, b* interleaved). Alpha is copied from `alpha` when given, else 255.
 */
export function composeLabToRgba(
  L: Float32Array,
  ab: Float32Array,
  out: Uint8ClampedArray,
  alpha?: Uint8Array | null,
): void {
  const n = L.length;
  if (ab.length !== n * 2) {
    throw new RangeError(
      `composeLabToRgba: ab has length ${ab.length}, expected ${n * 2} (2 per pixel)`,
    );
  }
  if (out.length !== n * 4) {
    throw new RangeError(
      `composeLabToRgba: out has length ${out.length}, expected ${n * 4} (RGBA)`,
    );
  }
  if (alpha && alpha.length !== n) {
    throw new RangeError(`composeLabToRgba: alpha has length ${alpha.length}, expected ${n}`);
  }
  // White-relative XYZ → linear RGB, hoisted into locals for the hot loop.
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = XYZ_TO_SRGB.map((v, i) => v * D65_WHITE[i % 3]);
  // Imported bindings are not constant-folded by V8: read them once, outside the loop.
  const delta = CIE_DELTA;
  const kappa = CIE_KAPPA;
  const encode = linearToSrgb8;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const fy = (L[i] + 16) / 116;
    const fx = fy + ab[2 * i] / 500;
    const fz = fy - ab[2 * i + 1] / 200;
    // labFInverse, inlined: this loop is the export path's inner loop.
    const x = fx > delta ? fx * fx * fx : (116 * fx - 16) / kappa;
    const y = fy > delta ? fy * fy * fy : (116 * fy - 16) / kappa;
    const z = fz > delta ? fz * fz * fz : (116 * fz - 16) / kappa;
    out[p] = encode(m0 * x + m1 * y + m2 * z);
    out[p + 1] = encode(m3 * x + m4 * y + m5 * z);
    out[p + 2] = encode(m6 * x + m7 * y + m8 * z);
    out[p + 3] = alpha ? alpha[i] : 255;
  }
}
