import type { GreyImage } from '../core/image';
import type { GlobalHints } from '../core/session';
import { areaResample } from './compose/resample';
import type { ModelMeta } from './types';

/**
 * Per-image cache of the network's L channel at working size. Strokes change only the hints,
 * so the (full-resolution, O(pixels)) area downscale runs once per image and working size.
 * Keyed by the GreyImage object: callers must treat a GreyImage as immutable (a new photo is
 * a new object), which the editor and CLI already do.
 */
export interface LCache {
  /** `(L − lCenter) / lScale` at width×height, row-major. */
  get(image: GreyImage, width: number, height: number): Float32Array;
  /** How many downscales actually ran (tests check that strokes do not recompute L). */
  readonly computeCount: number;
}

export function createLCache(meta: Pick<ModelMeta, 'lCenter' | 'lScale'>): LCache {
  const cache = new WeakMap<GreyImage, Map<string, Float32Array>>();
  let computeCount = 0;
  return {
    get(image, width, height) {
      let perImage = cache.get(image);
      if (!perImage) {
        perImage = new Map();
        cache.set(image, perImage);
      }
      const key = `${width}x${height}`;
      let norm = perImage.get(key);
      if (!norm) {
        norm = areaResample(image.L, image.width, image.height, width, height);
        for (let i = 0; i < norm.length; i++) norm[i] = (norm[i] - meta.lCenter) / meta.lScale;
        perImage.set(key, norm);
        computeCount++;
      }
      return norm;
    },
    get computeCount() {
      return computeCount;
    },
  };
}

/** Index of the bin centre nearest to (a, b), Euclidean in ab (the training rule). */
export function nearestBin(
  bins: readonly (readonly [number, number])[],
  a: number,
  b: number,
): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let q = 0; q < bins.length; q++) {
    const da = bins[q][0] - a;
    const db = bins[q][1] - b;
    const d = da * da + db * db;
    if (d < bestD) {
      bestD = d;
      best = q;
    }
  }
  return best;
}

/**
 * The `global` input (model contract v1): [hist over Q bins, saturation, histFlag, satFlag].
 * An absent palette (null, empty, or all-zero weights) gives zeros with histFlag 0 so the
 * network falls back to its own guess; likewise for saturation.
 */
export function encodeGlobal(
  global: GlobalHints,
  bins: readonly (readonly [number, number])[],
): Float32Array {
  const q = bins.length;
  const out = new Float32Array(q + 3);
  const palette = global.palette ?? [];
  let total = 0;
  palette.forEach((entry, i) => {
    if (!(Number.isFinite(entry.weight) && entry.weight >= 0)) {
      throw new Error(
        `global.palette[${i}].weight: expected a finite number ≥ 0, got ${entry.weight}`,
      );
    }
    out[nearestBin(bins, entry.ab[0], entry.ab[1])] += entry.weight;
    total += entry.weight;
  });
  if (total > 0) {
    for (let i = 0; i < q; i++) out[i] /= total;
    out[q + 1] = 1;
  }
  if (global.saturation !== null && global.saturation !== undefined) {
    const s = global.saturation;
    if (!(Number.isFinite(s) && s >= 0 && s <= 1)) {
      throw new Error(`global.saturation: expected a number in [0, 1] or null, got ${s}`);
    }
    out[q] = s;
    out[q + 2] = 1;
  }
  return out;
}

/** The `local` input: [(L−c)/s, a/abScale, b/abScale, mask] per pixel; ab 0 where mask is 0. */
export function encodeLocal(
  lNorm: Float32Array,
  hints: { ab: Float32Array; mask: Uint8Array },
  abScale: number,
): Float32Array {
  const n = lNorm.length;
  if (hints.mask.length !== n || hints.ab.length !== 2 * n) {
    throw new Error(`encodeLocal: hints are ${hints.mask.length} pixels, L is ${n}`);
  }
  const out = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const m = hints.mask[i] !== 0;
    out[4 * i] = lNorm[i];
    out[4 * i + 1] = m ? hints.ab[2 * i] / abScale : 0;
    out[4 * i + 2] = m ? hints.ab[2 * i + 1] / abScale : 0;
    out[4 * i + 3] = m ? 1 : 0;
  }
  return out;
}
