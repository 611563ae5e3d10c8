/**
 * What the last colorize() leaves behind, and the two questions it answers without running
 * the network again: colour suggestions at a point, and where the model is unsure.
 */
import { labToSrgb8, snapToGamut } from '../core/color';
import type { GreyImage } from '../core/image';
import { logitsAt } from './distribution';
import { clusterDistribution, softmax } from './suggest';
import type { Suggestion, UncertaintyMap } from './types';

export interface LastRun {
  image: GreyImage;
  logits: Float32Array;
  /** Normalised entropy per logits cell: feeds both the chroma confidence and uncertainty(). */
  entropy: Float32Array;
  width: number;
  height: number;
}

/** Modes closer than this (a*, b* units) to `exclude` are the same colour to a user. */
export const EXCLUDE_DISTANCE = 12;

/**
 * Up to k distinct colours the model finds likely at image pixel (x, y), most likely first,
 * leaving out those within EXCLUDE_DISTANCE of `exclude` (the colour already there), compared
 * after both are snapped into the gamut at the pixel's L*.
 */
export function suggestAt(
  last: Pick<LastRun, 'image' | 'logits' | 'width' | 'height'>,
  bins: readonly (readonly [number, number])[],
  x: number,
  y: number,
  k: number,
  exclude?: readonly [number, number],
): Suggestion[] {
  const { image } = last;
  if (!(Number.isFinite(x) && Number.isFinite(y)))
    throw new Error(`suggest: x, y must be finite, got ${x}, ${y}`);
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) {
    throw new Error(`suggest: (${x}, ${y}) is outside the ${image.width}×${image.height} image`);
  }
  const u = (x / image.width) * last.width;
  const v = (y / image.height) * last.height;
  const probs = softmax(logitsAt(last.logits, last.width, last.height, bins.length, u, v));
  const L = Math.min(100, Math.max(0, image.L[Math.floor(y) * image.width + Math.floor(x)]));
  const away = exclude ? snapToGamut(L, exclude[0], exclude[1]) : null;
  return clusterDistribution(probs, bins, exclude ? k + 3 : k)
    .map(({ ab, probability }) => {
      // Snapped so the swatch shows exactly what painting it at this pixel would give.
      const [a, b] = snapToGamut(L, ab[0], ab[1]);
      const [r, g, bl] = labToSrgb8(L, a, b);
      return {
        ab: [a, b] as [number, number],
        rgb: [r, g, bl] as [number, number, number],
        probability,
      };
    })
    .filter((s) => !away || Math.hypot(s.ab[0] - away[0], s.ab[1] - away[1]) >= EXCLUDE_DISTANCE)
    .slice(0, k);
}

/** The per-cell entropy as a copy the caller may keep. */
export function uncertaintyOf(last: LastRun): UncertaintyMap {
  return { width: last.width, height: last.height, data: last.entropy.slice() };
}
