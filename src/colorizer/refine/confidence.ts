/**
 * Confidence-weighted chroma: where the network's colour distribution is flat (it cannot tell
 * a red car from a blue one), the regression output is a confident-looking guess that is as
 * likely wrong as right. Pulling it toward grey there is the lower-error choice, and what a
 * restorer prefers to a wrong vivid colour. The scale is (1 − H)^p with H the normalised
 * entropy of the distribution (0 = sure, 1 = uniform), bilinearly upsampled from the logits
 * grid. Hints are not weakened: the residual propagation that follows pulls hinted regions
 * back to the hint colour, and composition writes hint colours over hinted pixels.
 */

import { bilinearAxis } from '../compose/resample';

/**
 * Scales ab (working resolution, interleaved a, b) in place by (1 − H)^exponent, where H is
 * the entropy grid (ew × eh cells, cell centres at (i + 0.5) · cell size) resampled to w × h.
 */
export function shrinkByConfidence(
  ab: Float32Array,
  width: number,
  height: number,
  entropy: Float32Array,
  ew: number,
  eh: number,
  exponent: number,
): Float32Array {
  if (ab.length !== width * height * 2) {
    throw new Error(
      `shrinkByConfidence: ab has ${ab.length} values, expected ${width}×${height}×2`,
    );
  }
  if (entropy.length !== ew * eh) {
    throw new Error(
      `shrinkByConfidence: entropy has ${entropy.length} values, expected ${ew}×${eh}`,
    );
  }
  if (!(Number.isFinite(exponent) && exponent >= 0)) {
    throw new Error(`shrinkByConfidence: exponent must be a finite number ≥ 0, got ${exponent}`);
  }
  if (exponent === 0) return ab;
  // The project's one bilinear convention (pixel centres aligned, clamped at the border).
  const ax = bilinearAxis(ew, width);
  const ay = bilinearAxis(eh, height);
  for (let y = 0; y < height; y++) {
    const r0 = ay.i0[y] * ew;
    const r1 = ay.i1[y] * ew;
    const fy = ay.f[y];
    for (let x = 0; x < width; x++) {
      const x0 = ax.i0[x];
      const x1 = ax.i1[x];
      const fx = ax.f[x];
      const top = entropy[r0 + x0] * (1 - fx) + entropy[r0 + x1] * fx;
      const bottom = entropy[r1 + x0] * (1 - fx) + entropy[r1 + x1] * fx;
      const h = top * (1 - fy) + bottom * fy;
      const scale = (1 - Math.min(1, Math.max(0, h))) ** exponent;
      const i = 2 * (y * width + x);
      ab[i] *= scale;
      ab[i + 1] *= scale;
    }
  }
  return ab;
}
