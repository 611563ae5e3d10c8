import type { Hint, PointHint, Session, StrokeHint } from '../session/types';
import { spreadBudget } from './geodesic';
import { rasterizeOwners } from './hintOwners';

/**
 * How a contained hint's colour walks (geodesic.ts), tuned with the leak measure
 * (model/eval/leak.py's photos and regions: a wrong-colour point in a region segmented from
 * the ground truth's colour; 40 val256 photos at working size 128; "outside" is the share of
 * the hint's weight that falls outside the region, "coverage" its mean weight inside):
 *   edge σ  per L*  budget          outside  coverage
 *   3       0       2 × side        0.84     1.00
 *   3       0       0.5 × side      0.52     0.86
 *   2       1       0.75 × side     0.39     0.79
 *   2       2       0.75 × side     0.30     0.72   (chosen)
 *   2       4       0.75 × side     0.19     0.59
 *   none    2       0.75 × side     0.41     0.78
 * A lightness edge alone rarely closes a region at 128 px (one gap lets the colour through),
 * so the walk also pays for every L* it climbs (2 px per L*: the sum is the same at any
 * resolution) and stops after 0.75 of the long side. A step across d L* costs
 * exp(d² / 8) on top: 6 L* in one working pixel cost 90 px.
 */
export const CONTAIN_EDGE_SIGMA = 2;
export const CONTAIN_PER_LIGHTNESS = 2;
/** A contained hint without a reach travels at most this share of the grid's long side. */
export const CONTAIN_BUDGET = 0.75;

/** Pixels (of the grid the weights are computed on) over which a region's weight fades to 0. */
export const SPREAD_FADE = 2;

/** A point or stroke whose colour may not travel freely: contained or with a reach. */
export function isSpreadLimited(hint: Hint): hint is PointHint | StrokeHint {
  return hint.kind !== 'erase' && (hint.contain === true || hint.reach !== undefined);
}

/** The session without its spread-limited hints: the answer their colour must not change. */
export function withoutSpreadLimited(session: Session): Session {
  return { ...session, hints: session.hints.filter((h) => !isSpreadLimited(h)) };
}

/**
 * Where the session's spread-limited hints may act, on a width × height grid of the photo with
 * lightness `lStar` (L* per pixel): 1 inside, fading to 0 over SPREAD_FADE pixels, 0 outside.
 * A contained hint's region is what it reaches by a geodesic walk that pays for lightness
 * change and far more for lightness edges (CONTAIN_*), within its reach when it has one, else
 * within CONTAIN_BUDGET of the long side; a hint with only a reach gets every pixel within reach
 * (8-neighbour walk). Reach is in source pixels, scaled to the grid. Several hints: the
 * largest weight. null when the session has no spread-limited hint (nothing to limit).
 */
export function spreadWeights(
  session: Session,
  lStar: Float32Array,
  width: number,
  height: number,
): Float32Array | null {
  const first = session.hints.findIndex(isSpreadLimited);
  if (first < 0) return null;
  const owners = rasterizeOwners(session, width, height, first);
  const scale = (width / session.image.width + height / session.image.height) / 2;
  const containBudget = CONTAIN_BUDGET * Math.max(width, height);
  const contained = new Float32Array(owners.length).fill(Number.NEGATIVE_INFINITY);
  const reached = new Float32Array(owners.length).fill(Number.NEGATIVE_INFINITY);
  let anyContained = false;
  let anyReached = false;
  for (let i = 0; i < owners.length; i++) {
    const k = owners[i];
    if (k < 0) continue;
    const hint = session.hints[k];
    if (!isSpreadLimited(hint)) continue;
    const reach = hint.reach === undefined ? null : hint.reach * scale;
    if (hint.contain === true) {
      contained[i] = reach ?? containBudget;
      anyContained = true;
    } else {
      reached[i] = reach ?? 0; // a limited hint that is not contained has a reach
      anyReached = true;
    }
  }
  const weights = new Float32Array(owners.length);
  const options = { overshoot: SPREAD_FADE };
  if (anyContained) {
    const left = spreadBudget(lStar, width, height, contained, {
      ...options,
      edgeSigma: CONTAIN_EDGE_SIGMA,
      perLightness: CONTAIN_PER_LIGHTNESS,
    });
    accumulateWeights(weights, left);
  }
  if (anyReached) {
    accumulateWeights(
      weights,
      spreadBudget(lStar, width, height, reached, {
        ...options,
        edgeSigma: null,
      }),
    );
  }
  return weights;
}

/** weights = max(weights, weight of the budget left): 1 while ≥ 0, linear to 0 at −fade. */
function accumulateWeights(weights: Float32Array, left: Float32Array): void {
  for (let i = 0; i < weights.length; i++) {
    const w = Math.min(1, Math.max(0, 1 + left[i] / SPREAD_FADE));
    if (w > weights[i]) weights[i] = w;
  }
}
