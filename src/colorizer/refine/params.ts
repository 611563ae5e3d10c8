/** Settings of the residual propagation step (see ./refineAb.ts for the energy they weigh). */
export interface RefineParams {
  /** Edge-stopping scale in L* units: neighbours differing by σ in L* get weight e^(-1/2). */
  sigma: number;
  /** Screening μ: how fast a correction fades away from its hint (spread ≈ 1/√μ pixels). */
  mu: number;
  /** Data weight β on hinted pixels: how hard the correction is pulled to hint − network. */
  beta: number;
  /** CG iteration cap per channel: bounds the cost on every stroke. */
  maxIterations: number;
  /** CG stops once ‖residual‖ ≤ tolerance·‖rhs‖. */
  tolerance: number;
}

/**
 * Tuned on train256 (not val256: that is for reporting) with
 *   npx tsx src/cli/bench/tuneRefine.ts --photos 40
 * (40 photos, protocol hints, shipped model at working size 128, PSNR dB on 8-bit sRGB; grid
 * σ ∈ {1.5, 3, 6}, μ ∈ {3e-5 … 1e-3}, β ∈ {1, 10}, iterations ∈ {20, 40, 80}, tolerance 1e-3):
 *   setting                        k=1    k=5    k=20   k=100  mean
 *   no refinement                  24.02  25.26  27.03  29.13  26.360
 *   σ=3 μ=3e-5 β=1  it=80 (best)   24.03  25.29  27.20  29.86  26.596
 *   σ=3 μ=1e-4 β=10 it=40 (chosen) 24.02  25.27  27.15  29.80  26.559
 *   σ=3 μ=1e-4 β=10 it=20          24.02  25.26  27.09  29.62  26.499
 * Chosen: 0.04 dB below the best for half its iterations (cost ∝ iterations; this runs on
 * every stroke). Small σ (3 L*) wins: the net already follows edges, the correction must not
 * cross them. μ barely matters below 1e-3 within 40 iterations (CG reaches ~40 px anyway); 1e-4
 * keeps a 1/√μ ≈ 100 px screen so one hint cannot tint a whole large working image. β = 10
 * pins hinted pixels close to the hint. No setting hurt k = 1 by more than 0.01 dB.
 */
export const DEFAULT_REFINE: Readonly<RefineParams> = Object.freeze({
  sigma: 3,
  mu: 1e-4,
  beta: 10,
  maxIterations: 40,
  tolerance: 1e-3,
});

/** Throws naming the first field that is not a usable number. */
export function checkRefineParams(params: RefineParams, where = 'refine params'): void {
  for (const key of ['sigma', 'mu', 'beta', 'tolerance'] as const) {
    const v = params[key];
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new Error(`${where}.${key}: expected a finite number > 0, got ${JSON.stringify(v)}`);
    }
  }
  const it = params.maxIterations;
  if (!(Number.isInteger(it) && it >= 0)) {
    throw new Error(`${where}.maxIterations: expected an integer ≥ 0, got ${JSON.stringify(it)}`);
  }
}

/**
 * Exponent p of the confidence-weighted chroma (./confidence.ts): ab × (1 − H)^p. Tuned on 60
 * photos of train128-02, a shard the shipped weights never saw (train256 photos were seen, in
 * train128, and make the net look surer than it is on new photos):
 *   npx tsx src/cli/bench/tuneConfidence.ts --photos 60 --tar ../shared/data/train128-02.tar
 *   p     k=0    k=1    k=5    k=20   k=100  mean
 *   0     24.83  25.90  27.50  29.17  32.22  27.924
 *   0.5   24.99  25.99  27.48  29.07  32.41  27.986   (chosen)
 *   1     24.85  25.71  27.06  28.69  32.41  27.743
 * Retune when the weights change: a better-calibrated net needs less of it.
 */
export const DEFAULT_CONFIDENCE_EXPONENT = 0.5;
