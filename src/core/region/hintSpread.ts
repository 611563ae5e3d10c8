import type { Hint, PointHint, Session, StrokeHint } from '../session/types';
import { spreadBudget } from './geodesic';
import { rasterizeOwners } from './hintOwners';

/**
 * L* scale of the edges a contained hint stops at (geodesic.ts): a step across 10 L* costs
 * e^5.6 ≈ 260 pixels of travel, more than a working photo is wide, while 3 L* (texture, soft
 * shading) costs 1.6.
 */
export const CONTAIN_EDGE_SIGMA = 3;

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
 * A contained hint's region is what it reaches by a geodesic walk on which crossing a
 * lightness edge is prohibitively expensive (CONTAIN_EDGE_SIGMA), within its reach when it has
 * one, else within the whole grid; a hint with only a reach gets every pixel within reach
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
  const unbounded = width + height; // more than any walk across the grid costs on flat L
  const contained = new Float32Array(owners.length).fill(Number.NEGATIVE_INFINITY);
  const reached = new Float32Array(owners.length).fill(Number.NEGATIVE_INFINITY);
  let anyContained = false;
  let anyReached = false;
  for (let i = 0; i < owners.length; i++) {
    const k = owners[i];
    if (k < 0) continue;
    const hint = session.hints[k];
    if (!isSpreadLimited(hint)) continue;
    const budget = hint.reach === undefined ? unbounded : hint.reach * scale;
    if (hint.contain === true) {
      contained[i] = budget;
      anyContained = true;
    } else {
      reached[i] = budget;
      anyReached = true;
    }
  }
  const weights = new Float32Array(owners.length);
  const options = { overshoot: SPREAD_FADE };
  if (anyContained) {
    const left = spreadBudget(lStar, width, height, contained, {
      ...options,
      edgeSigma: CONTAIN_EDGE_SIGMA,
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
