/**
 * Single-colour conversions between sRGB, linear RGB and CIELAB (CIE 1976, D65).
 * The `…Into` forms write into a caller's array and allocate nothing, for hot loops; the tuple
 * forms are for UI code and tests.
 */
import {
  CIE_DELTA,
  CIE_EPSILON,
  CIE_KAPPA,
  D65_WHITE,
  SRGB_TO_XYZ,
  XYZ_TO_SRGB,
} from './constants';
import { linearToSrgb, linearToSrgb8, SRGB8_TO_LINEAR, srgbToLinear } from './srgb';

export type Lab = [L: number, a: number, b: number];
export type Rgb = [r: number, g: number, b: number];
/** Any indexable numeric output buffer (number[], Float32Array, Float64Array). */
export type NumberSink = { [index: number]: number };

/** Linear RGB → white-relative XYZ (X/Xn, Y/Yn, Z/Zn): the white point folded into the matrix. */
const M = SRGB_TO_XYZ.map((v, i) => v / D65_WHITE[Math.floor(i / 3)]);
/** White-relative XYZ → linear RGB. */
const MI = XYZ_TO_SRGB.map((v, i) => v * D65_WHITE[i % 3]);

// Module-local copies: V8 cannot constant-fold imported bindings, and these sit in every
// per-pixel call (measured 4× slower on the 16.7M-colour round trip when read as imports).
const EPSILON = CIE_EPSILON;
const KAPPA = CIE_KAPPA;
const DELTA = CIE_DELTA;
const LINEAR_OF_8BIT = SRGB8_TO_LINEAR;

/** CIE 1976 f(t): cube root above ε, the linear segment below. */
export function labF(t: number): number {
  return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

/** Inverse of labF. Both branches meet at t = 6/29, so the split needs no tolerance. */
export function labFInverse(t: number): number {
  return t > DELTA ? t * t * t : (116 * t - 16) / KAPPA;
}

/** L* of a relative luminance Y (Y = 1 for the reference white). */
export function lightnessFromLuminance(y: number): number {
  return 116 * labF(y / D65_WHITE[1]) - 16;
}

/** Relative luminance Y of a lightness L*: the inverse of lightnessFromLuminance. */
export function luminanceFromLightness(L: number): number {
  return labFInverse((L + 16) / 116) * D65_WHITE[1];
}

/** Linear RGB (0..1, unclamped) → Lab, written to out[o..o+2]. */
export function linearRgbToLabInto(r: number, g: number, b: number, out: NumberSink, o = 0): void {
  const fx = labF(M[0] * r + M[1] * g + M[2] * b);
  const fy = labF(M[3] * r + M[4] * g + M[5] * b);
  const fz = labF(M[6] * r + M[7] * g + M[8] * b);
  out[o] = 116 * fy - 16;
  out[o + 1] = 500 * (fx - fy);
  out[o + 2] = 200 * (fy - fz);
}

/** Lab → linear RGB (unclamped: outside [0, 1] means out of the sRGB gamut), to out[o..o+2]. */
export function labToLinearRgbInto(L: number, a: number, b: number, out: NumberSink, o = 0): void {
  const fy = (L + 16) / 116;
  const x = labFInverse(fy + a / 500);
  const y = labFInverse(fy);
  const z = labFInverse(fy - b / 200);
  out[o] = MI[0] * x + MI[1] * y + MI[2] * z;
  out[o + 1] = MI[3] * x + MI[4] * y + MI[5] * z;
  out[o + 2] = MI[6] * x + MI[7] * y + MI[8] * z;
}

/** Lab → encoded sRGB floats, 0..1 inside the gamut and unclamped outside, to out[o..o+2]. */
export function labToSrgbFloatInto(L: number, a: number, b: number, out: NumberSink, o = 0): void {
  labToLinearRgbInto(L, a, b, out, o);
  out[o] = linearToSrgb(out[o]);
  out[o + 1] = linearToSrgb(out[o + 1]);
  out[o + 2] = linearToSrgb(out[o + 2]);
}

/** 8-bit sRGB → Lab, to out[o..o+2]; r, g, b must be integers 0..255 (not checked here). */
export function srgb8ToLabInto(r: number, g: number, b: number, out: NumberSink, o = 0): void {
  linearRgbToLabInto(LINEAR_OF_8BIT[r], LINEAR_OF_8BIT[g], LINEAR_OF_8BIT[b], out, o);
}

function assertFinite(fn: string, names: string, values: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`${fn}: ${names[i]} must be a finite number, got ${values[i]}`);
    }
  }
}

/** 8-bit sRGB → [L*, a*, b*]. Throws on a channel that is not an integer 0..255. */
export function srgb8ToLab(r: number, g: number, b: number): Lab {
  const channels = [r, g, b];
  for (let i = 0; i < 3; i++) {
    const v = channels[i];
    if (!Number.isInteger(v) || v < 0 || v > 255) {
      throw new RangeError(`srgb8ToLab: ${'rgb'[i]} must be an integer in [0, 255], got ${v}`);
    }
  }
  const out: Lab = [0, 0, 0];
  srgb8ToLabInto(r, g, b, out);
  return out;
}

/** Encoded sRGB floats (nominally 0..1; odd-extended outside) → [L*, a*, b*]. */
export function srgbFloatToLab(r: number, g: number, b: number): Lab {
  assertFinite('srgbFloatToLab', 'rgb', [r, g, b]);
  const out: Lab = [0, 0, 0];
  linearRgbToLabInto(srgbToLinear(r), srgbToLinear(g), srgbToLinear(b), out);
  return out;
}

/** Lab → encoded sRGB floats, unclamped: a channel outside [0, 1] means out of gamut. */
export function labToSrgbFloat(L: number, a: number, b: number): Rgb {
  assertFinite('labToSrgbFloat', 'Lab', [L, a, b]);
  const out: Rgb = [0, 0, 0];
  labToSrgbFloatInto(L, a, b, out);
  return out;
}

/** Lab → 8-bit sRGB, each channel rounded to nearest and clamped to 0..255. */
export function labToSrgb8(L: number, a: number, b: number): Rgb {
  assertFinite('labToSrgb8', 'Lab', [L, a, b]);
  const out: Rgb = [0, 0, 0];
  labToLinearRgbInto(L, a, b, out);
  out[0] = linearToSrgb8(out[0]);
  out[1] = linearToSrgb8(out[1]);
  out[2] = linearToSrgb8(out[2]);
  return out;
}
