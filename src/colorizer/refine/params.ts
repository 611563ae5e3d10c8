import type { ConfidenceParams } from './confidenceSchedule';
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
  /** Grids of half the side solved first, each starting the next (./cascade.ts); 0/absent: none. */
  coarseLevels?: number;
  /** CG iteration cap on each coarse grid (default maxIterations). */
  coarseIterations?: number;
}

/**
 * The per-stroke propagation. Tuned on train256 (never val256: that is for reporting) with the
 * protocol hints (tools/tuning), working size 128, PSNR dB on 8-bit sRGB. The single-grid search
 * over σ, μ, β (40 photos; `tuneRefine.ts --tar train256-00.tar --photos 40 [--grid long]`):
 *   setting                           k=1    k=5    k=20   k=100  mean
 *   no refinement                     24.27  25.13  26.71  28.59  26.176
 *   σ=3 μ=1e-4 β=10 it=40             24.28  25.18  27.00  29.86  26.580
 *   σ=2 μ=1e-5 β=10 it=100            24.31  25.25  27.26  30.10  26.730
 *   σ=2 μ=1e-5 β=10 it=200            24.34  25.34  27.39  30.17  26.809
 *   σ=2 μ=1e-6 β=10 it=400            24.40  25.43  27.43  30.18  26.861
 * The longer the solve runs, the further a correction travels along regions of like lightness,
 * and the better: CG needs ~1 iteration per pixel of reach. Small σ (2 L*) wins: the net already
 * follows edges, the correction must not cross them. μ = 1e-5 (screen ≈ 300 px) barely limits
 * reach at 128 px, but keeps one hint from tinting a whole large working image. β = 10 pins
 * hinted pixels close to the hint.
 *
 * The reach comes from a coarse-to-fine start (./cascade.ts: 3 grids of half the side, 60 steps
 * each, then 30 at full size). 30 train256 photos, ms = median refineAb call at 128 px (Node,
 * 2 cores; `tuneRefine.ts --tar train256-00.tar --grid cascade --preview --photos 30`):
 *   setting (per-stroke path)          k=1    k=5    k=20   k=100  mean    ms
 *   σ=2 μ=1e-5 it=200, single grid     24.08  25.29  27.45  30.28  26.774  94
 *   σ=2 μ=1e-5 it=50, cascade 1×100    24.08  25.27  27.44  30.31  26.775  38
 *   σ=2 μ=1e-5 it=30, cascade 3×60     24.10  25.37  27.51  30.36  26.831  26  (chosen)
 *   σ=2 μ=1e-5 it=60, cascade 3×100    24.11  25.37  27.50  30.34  26.827  54
 * 3.6× cheaper per stroke and +0.06 dB: the coarse grids carry a hint across the photo in a
 * few dozen steps that a single 128-px grid needs ~200 for.
 */
export const DEFAULT_REFINE: Readonly<RefineParams> = Object.freeze({
  sigma: 2,
  mu: 1e-5,
  beta: 10,
  maxIterations: 30,
  tolerance: 1e-4,
  coarseLevels: 3,
  coarseIterations: 60,
});

/**
 * The working-resolution pass when render() exports: a longer-reaching solve than the
 * per-stroke one (μ = 1e-6, cascade 3×100 + 100 steps; ~2× DEFAULT_REFINE's cost, paid once
 * per export, not per stroke). The shipped weights are trained through this solve
 * (model/refine_torch.py, SIGMA_LSTAR / MU / BETA = σ / μ / β here): change the two together,
 * then retrain. Measured on photos the weights never saw (render() with mirror and shift
 * averaging; paired B − A against cascade 3×200 + 200 steps, PSNR dB; the proxies of
 * model/eval/make_proxies.py):
 *   setting (up256, 120 photos)        k=5            k=10           k=20
 *   cascade 3×400, 400 steps           −0.06 ± 0.06   −0.02 ± 0.04   −0.01 ± 0.01
 *   cascade 3×100, 100 steps (chosen)  +0.05 ± 0.07   +0.03 ± 0.07   +0.03 ± 0.04
 *   cascade 3×50, 50 steps             +0.07 ± 0.15   +0.04 ± 0.12   +0.01 ± 0.09
 *   μ = 1e-5, 3×200 + 200              −0.01 ± 0.09   −0.03 ± 0.06   −0.00 ± 0.04
 *   u128 (120 photos, native 128), 3×100 + 100: +0.02 ± 0.06, +0.02 ± 0.06, +0.02 ± 0.02
 * Trained through the solve, the net already places its colours; a shorter solve carries the
 * hints' corrections less far over regions it has coloured well (train256 photos, seen in
 * training, favour a longer one). 50 steps swings per photo twice as much.
 */
export const EXPORT_REFINE: Readonly<RefineParams> = Object.freeze({
  sigma: 2,
  mu: 1e-6,
  beta: 10,
  maxIterations: 100,
  tolerance: 1e-4,
  coarseLevels: 3,
  coarseIterations: 100,
});

/**
 * The second pass render() runs at output resolution (./refineOutput.ts) on the upsampled,
 * already-refined ab. Single-grid search on train256 (40 photos, the tuneRefine protocol),
 * PSNR dB, ms per solve at 256×256 (Node wasm, 2 cores;
 * `npx tsx tools/tuning/tuneOutputRefine.ts --tar train256-00.tar --photos 40`):
 *   setting             k=1     k=5     k=20    k=100   ms (refineAb alone)
 *   working pass only   24.341  25.337  27.386  30.173    0
 *   σ=2 it=25           24.341  25.339  27.396  30.262   60
 *   σ=2 it=50           24.342  25.341  27.411  30.346  113
 *   σ=2 it=100          24.342  25.346  27.433  30.414  218
 *   σ=2 it=200          24.341  25.356  27.451  30.438  411
 *   σ=3 it=100          24.342  25.348  27.434  30.409  220
 * (Levin et al. on the residual, solved exactly with scipy, reaches 30.52 at k=100: most of
 * what propagation can add is had at 100 steps.) Only dense hints gain; nothing is lost at k=1.
 * Coarse-to-fine starts (cascaded working pass, 30 photos, `--cascade --photos 30`):
 *   setting                      k=1     k=5     k=20    k=100   ms (composeRefined)
 *   working pass only            24.138  25.470  27.630  30.443    6
 *   σ=2 it=100, single grid      24.139  25.476  27.670  30.672  207
 *   σ=2 it=25, cascade 2×50      24.139  25.486  27.708  30.701  103  (chosen)
 *   σ=2 it=30, cascade 3×60      24.133  25.493  27.718  30.695  116
 *   σ=2 it=100, cascade 3×100    24.132  25.486  27.689  30.696  275
 */
export const OUTPUT_REFINE: Readonly<RefineParams> = Object.freeze({
  sigma: 2,
  mu: 1e-5,
  beta: 10,
  maxIterations: 25,
  tolerance: 1e-4,
  coarseLevels: 2,
  coarseIterations: 50,
});

/** Throws naming the first field that is not a usable number. */
export function checkRefineParams(params: RefineParams, where = 'refine params'): void {
  for (const key of ['sigma', 'mu', 'beta', 'tolerance'] as const) {
    const v = params[key];
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new Error(`${where}.${key}: expected a finite number > 0, got ${JSON.stringify(v)}`);
    }
  }
  for (const key of ['maxIterations', 'coarseLevels', 'coarseIterations'] as const) {
    const it = params[key];
    if (it === undefined && key !== 'maxIterations') continue;
    if (!(typeof it === 'number' && Number.isInteger(it) && it >= 0)) {
      throw new Error(`${where}.${key}: expected an integer ≥ 0, got ${JSON.stringify(it)}`);
    }
  }
}

/**
 * Exponent p of the confidence-weighted chroma (./confidence.ts): ab × (1 − H)^p, growing with
 * the number of hints (./confidenceSchedule.ts). Tuned on photos the weights never saw
 * (train256 photos were seen, in train128, and make the net look surer than it is on new
 * photos): 60 train128-02 photos upscaled to 256 (as val256 is run: working size 128, the
 * output-resolution pass) and, as a check, 120 others at their native 128. render(), PSNR dB
 * (`npx tsx tools/tuning/tuneConfidence.ts --tar up256.tar --photos 60 --confs …`; the
 * proxies come from model/eval/make_proxies.py):
 *   up256   k=0    k=1    k=2    k=5    k=10   k=20   k=50   k=100
 *   p 0.5   25.42  27.01  27.40  28.65  29.45  30.56  32.09  33.55
 *   p 0.75  25.38  27.03  27.39  28.70  29.49  30.62  32.11  33.60
 *   p 1     25.30  26.98  27.35  28.70  29.49  30.65  32.11  33.63
 *   p 1.5   25.12  26.83  27.21  28.63  29.44  30.64  32.08  33.65
 *   0.5 → 1 at 10 hints:  25.42  27.02  27.40  28.70  29.49  30.65  32.11  33.63   (chosen)
 *   (0.5 → 1 at 5 hints: the same within 0.01; 0.5 → 1.25 at 10: the same within 0.02)
 *   u128 (120 photos, native 128), k=1…100:
 *   p 0.5           26.43  27.05  28.19  29.13  30.19  31.73  33.26
 *   0.5 → 1 at 10:  26.44  27.07  28.24  29.16  30.25  31.83  33.40
 * Without hints the gentle exponent wins (0.5 over 1 by 0.12 dB); from ~5 hints the stronger one
 * (+0.04 to +0.09), as the propagation then carries the user's colours into unsure regions.
 * Raising p near each hint instead (d = distance to the nearest hint, p = 0.5 + 0.5·e^(−d/r),
 * r 5 % / 10 % of the long side) was worse than either constant at every k ≥ 2 (−0.1 to −0.2):
 * it is the unhinted regions that gain. Retune when the weights change.
 * `blindHead`: without hints the blind head answers (../heads.ts), trained on no-hint samples
 * with the per-photo log-MSE, so its chroma is already as cautious as its guess and the shrink
 * on top of it costs. k = 0 on 600 unseen train128-02 photos at 128 (`--photos 600 --tar
 * u128.tar --ks 0`, make_proxies.py --count 2400), exponent 0.5 / 0.25 / 0.15 / 0.1 / 0.05 / 0
 * → 25.15 / 25.25 / 25.27 / 25.28 / 25.27 / 25.27: 0.1. noHints stays 0.5: it also anchors the
 * schedule for 1–9 hints, which the hinted head answers (with noHints itself at 0.1, val256
 * k = 1 / 2 moved −0.01 / −0.02).
 */
export const DEFAULT_CONFIDENCE: Readonly<ConfidenceParams> = Object.freeze({
  noHints: 0.5,
  manyHints: 1,
  manyAt: 10,
  blindHead: 0.1,
});
