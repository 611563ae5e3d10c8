/**
 * Confidence-weighted chroma: where the network's colour distribution is flat (it cannot tell
 * a red car from a blue one), the regression output is a confident-looking guess that is as
 * likely wrong as right. Pulling it toward grey there is the lower-error choice, and what a
 * restorer prefers to a wrong vivid colour. The scale is (1 − H)^p with H the normalised
 * entropy of the distribution (0 = sure, 1 = uniform), bilinearly upsampled from the logits
 * grid. Hints are not weakened: the residual propagation that follows pulls hinted regions
 * back to the hint colour, and composition writes hint colours over hinted pixels.
 */

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
  const sx = ew / width;
  const sy = eh / height;
  for (let y = 0; y < height; y++) {
    const v = Math.min(eh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(v);
    const y1 = Math.min(eh - 1, y0 + 1);
    const fy = v - y0;
    for (let x = 0; x < width; x++) {
      const u = Math.min(ew - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(u);
      const x1 = Math.min(ew - 1, x0 + 1);
      const fx = u - x0;
      const top = entropy[y0 * ew + x0] * (1 - fx) + entropy[y0 * ew + x1] * fx;
      const bottom = entropy[y1 * ew + x0] * (1 - fx) + entropy[y1 * ew + x1] * fx;
      const h = top * (1 - fy) + bottom * fy;
      const scale = (1 - Math.min(1, Math.max(0, h))) ** exponent;
      const i = 2 * (y * width + x);
      ab[i] *= scale;
      ab[i + 1] *= scale;
    }
  }
  return ab;
}
