import { composeLabToRgba } from '../../core/color';
import type { GreyImage } from '../../core/image';
import { upsampleBilinear } from './bilinear';
import { enforceHints, type RasterHints } from './enforceHints';
import { upsampleGuided } from './guided';

/** How working-resolution ab reaches the photo's size: edge-aware ('guided') or plain. */
export type UpsampleMethod = 'guided' | 'bilinear';

/**
 * Upsamples working-resolution ab to the photo's size ('guided': edge-aware, guided by the
 * photo's L; 'bilinear': plain), keeps the original L, writes the hint colours where the
 * user put hints, and converts to 8-bit sRGB RGBA. No TF.js: the CLI benchmarks it directly.
 */
export function composeFullRes(
  image: GreyImage,
  ab: Float32Array,
  abW: number,
  abH: number,
  method: UpsampleMethod = 'guided',
  hints?: RasterHints,
): Uint8ClampedArray {
  return composeUpsampled(image, upsampleAb(image, ab, abW, abH, method), hints);
}

/**
 * The last steps of composeFullRes, for ab already at the photo's size (render() refines it in
 * between): hint colours written over `fullAb` (modified in place), L·ab → 8-bit sRGB RGBA.
 */
export function composeUpsampled(
  image: GreyImage,
  fullAb: Float32Array,
  hints?: RasterHints,
): Uint8ClampedArray {
  if (hints) enforceHints(fullAb, hints);
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  composeLabToRgba(image.L, fullAb, out);
  return out;
}

/** The ab half of composeFullRes: interleaved full-resolution a*, b*. */
export function upsampleAb(
  image: GreyImage,
  ab: Float32Array,
  abW: number,
  abH: number,
  method: UpsampleMethod = 'guided',
): Float32Array {
  const { width, height, L } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`composeFullRes: image size must be positive integers, got ${width}×${height}`);
  }
  if (L.length !== width * height) {
    throw new Error(`composeFullRes: image.L has ${L.length} values, expected ${width}×${height}`);
  }
  if (!(Number.isInteger(abW) && Number.isInteger(abH) && abW > 0 && abH > 0)) {
    throw new Error(`composeFullRes: ab size must be positive integers, got ${abW}×${abH}`);
  }
  if (ab.length !== abW * abH * 2) {
    throw new Error(`composeFullRes: ab has ${ab.length} values, expected ${abW}×${abH}×2`);
  }
  if (abW === width && abH === height) return Float32Array.from(ab);
  if (method === 'bilinear') return upsampleBilinear(ab, abW, abH, width, height);
  if (method === 'guided') return upsampleGuided(L, width, height, ab, abW, abH);
  throw new Error(
    `composeFullRes: method must be 'guided' or 'bilinear', got ${JSON.stringify(method)}`,
  );
}
