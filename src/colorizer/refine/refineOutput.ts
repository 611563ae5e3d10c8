import type { GreyImage } from '../../core/image';
import { composeUpsampled, type UpsampleMethod, upsampleAb } from '../compose/composeFullRes';
import type { RasterHints } from '../compose/enforceHints';
import { OUTPUT_REFINE, type RefineParams } from './params';
import { refineCapped } from './refineCapped';

/**
 * Longest side of the second, output-resolution propagation pass in render(). The working-res
 * pass (≤ 128 px) carries a hint's correction far along like-lightness regions; this one
 * redoes it on the photo's own L, where 6-px hints and thin edges exist that a 128-px grid
 * averages away. Its coarse-to-fine solve (OUTPUT_REFINE) costs ~100 ms at 256×256 in Node
 * (2-core VM), paid once per export, never per stroke; larger photos solve on a box-averaged
 * 256-px grid.
 */
const OUTPUT_REFINE_MAX_SIDE = 256;

/**
 * The export path of render(): working-res ab → full resolution (guided or bilinear) →
 * residual propagation at ≤ OUTPUT_REFINE_MAX_SIDE (skipped when `refine` is null or there
 * are no hints) → hint colours written exactly → 8-bit sRGB RGBA.
 */
export function composeRefined(
  image: GreyImage,
  ab: Float32Array,
  abW: number,
  abH: number,
  hints: RasterHints,
  options: RefineFullOptions,
): Uint8ClampedArray {
  // refinedFullAb may hand back its input: fine, the array is ours either way.
  return composeUpsampled(image, refinedFullAb(image, ab, abW, abH, hints, options), hints);
}

export interface RefineFullOptions {
  method?: UpsampleMethod;
  refine?: RefineParams | null;
  abLimit: number;
}

/** composeRefined up to (not including) writing the hint colours: full-resolution ab. */
export function refinedFullAb(
  image: GreyImage,
  ab: Float32Array,
  abW: number,
  abH: number,
  hints: RasterHints,
  options: RefineFullOptions,
): Float32Array {
  const { width, height } = image;
  const full = upsampleAb(image, ab, abW, abH, options.method ?? 'guided');
  const params = options.refine === undefined ? OUTPUT_REFINE : options.refine;
  if (!params) return full;
  // image.L is in L* already, hence lScale 1 (σ is in L* units).
  const input = { width, height, ab: full, hints, l: image.L, lScale: 1, abLimit: options.abLimit };
  return refineCapped(input, params, OUTPUT_REFINE_MAX_SIDE);
}
