/**
 * Hints whose colour must stay put (contain, reach; src/core/region). The network runs as
 * always on the whole session; where a limited hint may not act, the colour comes instead from
 * the answer to the session without the limited hints (the "free" answer), blended by the
 * region weights of src/core/region: result = w · answer + (1 − w) · free. The free answer
 * depends only on the other hints, so it is cached: painting one contained stroke after another
 * runs the network once per stroke, as without containment.
 */
import { composeLabToRgba } from '../core/color';
import type { GreyImage } from '../core/image';
import { rasterizeHints } from '../core/raster';
import { isSpreadLimited, spreadWeights, withoutSpreadLimited } from '../core/region';
import type { Session } from '../core/session';
import { enforceHints } from './compose/enforceHints';
import { upsampleGuided } from './compose/guided';
import type { RefineFullOptions } from './refine';
import { refinedFullAb } from './refine';
import type { ColorizeResult } from './types';

/** Free answers kept: one per kind of run (preview, export) is what the editor alternates. */
const CACHED_ANSWERS = 4;

export interface LimitedAnswer {
  /** The answer to the whole session, blended (its `ab`) with `free` by `weights`. */
  result: ColorizeResult;
  /** Present when the session has spread-limited hints. */
  limited: { session: Session; free: ColorizeResult; weights: Float32Array } | null;
}

export class SpreadLimiter {
  private readonly cache = new Map<string, { image: GreyImage; result: ColorizeResult }>();

  /**
   * `answer(s)` runs the colorizer on session s (same image and options); `variant` names those
   * options for the cache; `lStarAt(w, h)` is the photo's L* at the working size.
   */
  async answer(
    image: GreyImage,
    session: Session,
    variant: string,
    answer: (s: Session) => Promise<ColorizeResult>,
    lStarAt: (width: number, height: number) => Float32Array,
  ): Promise<LimitedAnswer> {
    if (!session.hints.some(isSpreadLimited))
      return { result: await answer(session), limited: null };
    const started = performance.now();
    const freeSession = withoutSpreadLimited(session);
    const key = `${variant}\n${JSON.stringify([freeSession.hints, session.global, session.vividness])}`;
    const hit = this.cache.get(key);
    // The free answer first, so the whole session's run is the colorizer's last (suggestions).
    const free = hit?.image === image ? hit.result : await answer(freeSession);
    this.remember(key, image, free);
    const result = await answer(session);
    const { width, height } = result;
    const weights = spreadWeights(session, lStarAt(width, height), width, height);
    if (!weights) return { result, limited: null };
    const ab = blendAb(result.ab, free.ab, weights);
    return {
      result: { width, height, ab, ms: performance.now() - started },
      limited: { session: freeSession, free, weights },
    };
  }

  clear(): void {
    this.cache.clear();
  }

  private remember(key: string, image: GreyImage, result: ColorizeResult): void {
    this.cache.delete(key);
    this.cache.set(key, { image, result });
    while (this.cache.size > CACHED_ANSWERS) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}

/** w · a + (1 − w) · b per pixel of interleaved ab. */
export function blendAb(a: Float32Array, b: Float32Array, weights: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    out[2 * i] = b[2 * i] + w * (a[2 * i] - b[2 * i]);
    out[2 * i + 1] = b[2 * i + 1] + w * (a[2 * i + 1] - b[2 * i + 1]);
  }
  return out;
}

/**
 * render()'s composition with limited hints: both answers through the export composition
 * (upsampling, output-resolution propagation with their own hints), blended by the weights
 * brought to the photo's size by the same guided upsampling, then every hint colour written.
 */
export function composeLimited(
  image: GreyImage,
  session: Session,
  answer: LimitedAnswer,
  options: RefineFullOptions,
): Uint8ClampedArray {
  const { result, limited } = answer;
  const hints = rasterizeHints(session, image.width, image.height);
  if (!limited) throw new Error('composeLimited: the session has no spread-limited hints');
  const { width, height } = result;
  const freeHints = rasterizeHints(limited.session, image.width, image.height);
  // result.ab is already blended; the whole-session answer itself is what output refinement
  // must start from, so undo nothing: blend again at full size with the same weights.
  const full = refinedFullAb(image, result.ab, width, height, hints, options);
  const free = refinedFullAb(image, limited.free.ab, width, height, freeHints, options);
  const ab = blendAb(full, free, weightsAt(image, limited.weights, width, height));
  enforceHints(ab, hints);
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  composeLabToRgba(image.L, ab, out);
  return out;
}

/** Working-resolution weights at the photo's size, edge-aware (guided by its L), in [0, 1]. */
function weightsAt(image: GreyImage, weights: Float32Array, w: number, h: number): Float32Array {
  if (w === image.width && h === image.height) return weights;
  const pairs = new Float32Array(weights.length * 2);
  for (let i = 0; i < weights.length; i++) pairs[2 * i] = pairs[2 * i + 1] = weights[i];
  const up = upsampleGuided(image.L, image.width, image.height, pairs, w, h);
  const out = new Float32Array(image.width * image.height);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, up[2 * i]));
  return out;
}
