/**
 * Shrinking photos to the matcher's working size. Matching looks at regions, not pixels, so a
 * 12-MP photo is reduced in one pass (box average over a sparse grid of samples) before
 * anything else touches it.
 */

import { linearRgbToLabInto } from '../color/lab';
import { SRGB8_TO_LINEAR } from '../color/srgb';
import type { GreyImage } from '../image';

/** A reduced colour photo: CIELAB planes, row-major. */
export interface LabPlanes {
  width: number;
  height: number;
  L: Float32Array;
  a: Float32Array;
  b: Float32Array;
}

/** Output size for a long side of `longSide` (never enlarges). */
export function reducedSize(width: number, height: number, longSide: number) {
  const s = Math.min(1, longSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * s)),
    height: Math.max(1, Math.round(height * s)),
  };
}

/** Which output cell each source index falls in (floor mapping: every source pixel counts once). */
function binOf(from: number, to: number): Int32Array {
  const bins = new Int32Array(from);
  for (let i = 0; i < from; i++) bins[i] = Math.min(to - 1, Math.floor((i * to) / from));
  return bins;
}

/**
 * Every how many source rows and columns to sample: about 5×5 samples per output cell are an
 * ample average for region features, and a 12-MP photo (31× the matcher's size) then costs a
 * fortieth of reading every pixel.
 */
export function sampleStep(from: number, to: number): number {
  return Math.max(1, Math.floor(from / to / 5));
}

/** Box-averages a grey photo's L* to a long side of `longSide`. */
export function reduceGrey(image: GreyImage, longSide: number): GreyImage {
  const { width: W, height: H, L } = image;
  const { width, height } = reducedSize(W, H, longSide);
  const cols = binOf(W, width);
  const rows = binOf(H, height);
  const sum = new Float64Array(width * height);
  const count = new Float64Array(width * height);
  const step = sampleStep(Math.max(W, H), Math.max(width, height));
  for (let i = 0; i < H; i += step) {
    const base = rows[i] * width;
    const src = i * W;
    for (let j = 0; j < W; j += step) {
      const o = base + cols[j];
      sum[o] += L[src + j];
      count[o]++;
    }
  }
  const out = new Float32Array(width * height);
  for (let o = 0; o < out.length; o++) out[o] = sum[o] / count[o];
  return { width, height, L: out };
}

/**
 * Box-averages 8-bit sRGB RGBA in linear light (averaging encoded values would darken edges)
 * and converts the result to CIELAB.
 */
export function reduceRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  W: number,
  H: number,
  longSide: number,
): LabPlanes {
  if (rgba.length !== W * H * 4) {
    throw new RangeError(`reduceRgba: ${rgba.length} bytes is not ${W}×${H}×4`);
  }
  const { width, height } = reducedSize(W, H, longSide);
  const cols = binOf(W, width);
  const rows = binOf(H, height);
  const n = width * height;
  const acc = new Float64Array(n * 4);
  const lin = SRGB8_TO_LINEAR;
  const step = sampleStep(Math.max(W, H), Math.max(width, height));
  for (let i = 0; i < H; i += step) {
    const base = rows[i] * width;
    for (let j = 0, p = i * W * 4; j < W; j += step, p += 4 * step) {
      const o = (base + cols[j]) * 4;
      acc[o] += lin[rgba[p]];
      acc[o + 1] += lin[rgba[p + 1]];
      acc[o + 2] += lin[rgba[p + 2]];
      acc[o + 3]++;
    }
  }
  const planes: LabPlanes = {
    width,
    height,
    L: new Float32Array(n),
    a: new Float32Array(n),
    b: new Float32Array(n),
  };
  const lab = new Float64Array(3);
  for (let o = 0; o < n; o++) {
    const c = acc[4 * o + 3];
    linearRgbToLabInto(acc[4 * o] / c, acc[4 * o + 1] / c, acc[4 * o + 2] / c, lab);
    planes.L[o] = lab[0];
    planes.a[o] = lab[1];
    planes.b[o] = lab[2];
  }
  return planes;
}

/** A reduced Lab photo reduced further (averaging Lab is fine once pixels are region-sized). */
export function reduceLab(image: LabPlanes, longSide: number): LabPlanes {
  const { width, height } = reducedSize(image.width, image.height, longSide);
  const plane = (values: Float32Array) =>
    reduceGrey({ width: image.width, height: image.height, L: values }, longSide).L;
  return { width, height, L: plane(image.L), a: plane(image.a), b: plane(image.b) };
}
