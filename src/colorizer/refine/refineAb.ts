import { solveCorrection } from './cascade';
import type { RefineInput } from './input';
import { checkRefineParams, DEFAULT_REFINE, type RefineParams } from './params';
import type { PcgResult } from './pcg';

export interface RefineResult {
  /** N + e clamped to ±abLimit; the input array itself when there are no hints. */
  ab: Float32Array;
  /** The CG solve (both channels at once); null when skipped for lack of hints. */
  solve: PcgResult | null;
}

/**
 * Residual propagation: the network honours hint colours only approximately and spreads them
 * less faithfully than an optimisation does, so the miss r = H − N at hinted pixels is spread
 * over the image by minimising, per channel,
 *   Σ_{r~s} w_rs (e_r − e_s)² + μ Σ_r e_r² + β Σ_{r∈M} (e_r − r_r)²,
 *   w_rs = exp(−(L_r − L_s)² / (2σ²))   (4-neighbour),
 * i.e. solving (L_w + μI + βM) e = β M r. The μ term screens the correction (it fades away
 * from the hint instead of tinting the whole photo, as plain Levin et al. would), and w stops
 * it at lightness edges. Output ab = N + e.
 */
export function refineAb(input: RefineInput, params: RefineParams = DEFAULT_REFINE): RefineResult {
  checkInput(input);
  checkRefineParams(params);
  const { width, height, ab, hints, abLimit } = input;
  const n = width * height;
  const mask = hints.mask;
  let hinted = 0;
  for (let i = 0; i < n; i++) if (mask[i] !== 0) hinted++;
  if (hinted === 0) return { ab, solve: null };

  const { e, pad, solve } = solveCorrection(input, params);
  const out = new Float32Array(ab.length);
  for (let i = 0; i < 2 * n; i++) {
    const v = ab[i] + e[2 * pad + i];
    out[i] = Math.min(abLimit, Math.max(-abLimit, v));
  }
  return { ab: out, solve };
}

function checkInput(input: RefineInput): void {
  const { width, height, ab, hints, l, lScale, abLimit } = input;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`refineAb: width and height must be positive integers, got ${width}×${height}`);
  }
  const n = width * height;
  const sizes: [string, number, number][] = [
    ['ab', ab.length, 2 * n],
    ['hints.ab', hints.ab.length, 2 * n],
    ['hints.mask', hints.mask.length, n],
    ['l', l.length, n],
  ];
  for (const [name, got, want] of sizes) {
    if (got !== want) {
      throw new Error(
        `refineAb: ${name} has ${got} values, a ${width}×${height} image needs ${want}`,
      );
    }
  }
  if (!(Number.isFinite(lScale) && lScale > 0)) {
    throw new Error(`refineAb: lScale must be a finite number > 0, got ${lScale}`);
  }
  if (!(Number.isFinite(abLimit) && abLimit > 0)) {
    throw new Error(`refineAb: abLimit must be a finite number > 0, got ${abLimit}`);
  }
}
