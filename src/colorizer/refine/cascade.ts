/**
 * The propagation solve with a coarse-to-fine start ("cascadic" CG). CG carries a correction
 * about one pixel per iteration, so a 128-px grid needs ~200 iterations before a hint's colour
 * reaches across the photo — the per-stroke cost. Solving first on a grid of half the side
 * (recursively: a quarter of the pixels, half the distance in pixels), then starting the fine
 * solve from that solution upsampled, leaves the fine level only local detail to fix.
 */
import { upsampleBilinear } from '../compose/bilinear';
import { downsampleInput } from './downsampleInput';
import type { RefineInput } from './input';
import { buildOperator } from './operator';
import type { RefineParams } from './params';
import { createPcgWork, type PcgResult, paddedLength, solvePcg } from './pcg';
import { createF64Scratch } from './scratch';

/** Coarsening stops before a grid's shorter side would drop below this (nothing left to gain). */
const MIN_COARSE_SIDE = 8;

/** The per-stroke grids' arrays (./scratch.ts): up to 160×160 (the drag working size) padded,
 * two channels; an export's larger solves allocate their own. */
const kept = createF64Scratch(2 * paddedLength(160, 160));

/** β M (H − N) in the solver's padded, interleaved layout (pcg.ts): the pull toward each hint. */
export function correctionRhs(
  input: RefineInput,
  beta: number,
  pad: number,
  rhs: Float64Array = new Float64Array(2 * paddedLength(input.width, input.height)),
): Float64Array {
  const { width, height, ab, hints } = input;
  for (let i = 0; i < width * height; i++) {
    if (hints.mask[i] === 0) continue;
    const c = 2 * (pad + i);
    rhs[c] = beta * (hints.ab[2 * i] - ab[2 * i]);
    rhs[c + 1] = beta * (hints.ab[2 * i + 1] - ab[2 * i + 1]);
  }
  return rhs;
}

export interface Correction {
  /** e, interleaved two-channel, padded by `pad` pixels before and after (pcg.ts layout); kept
   * for the next solve of the same size, so read it before solving again. */
  e: Float64Array;
  pad: number;
  /** The finest level's solve. */
  solve: PcgResult;
}

/**
 * Solves (L_w + μI + βM) e = β M (H − N) at the input's size (see refineAb). With
 * params.coarseLevels > 0 it first solves on box-averaged grids of half the side, each with
 * params.coarseIterations (μ × 4 per level, so the screening length stays the same on the
 * photo), and starts from their upsampled solution; the finest level runs params.maxIterations.
 */
export function solveCorrection(input: RefineInput, params: RefineParams, level = 0): Correction {
  const { width, height } = input;
  const op = buildOperator(input, params, kept);
  const pad = op.pad;
  const len = 2 * paddedLength(width, height);
  const rhs = correctionRhs(input, params.beta, pad, kept('rhs', len));
  const e = kept('e', len);
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  const warm = level < (params.coarseLevels ?? 0) && Math.min(cw, ch) >= MIN_COARSE_SIDE;
  if (warm) {
    const coarse = solveCorrection(
      downsampleInput(input, 2, cw, ch),
      {
        ...params,
        mu: params.mu * 4,
        maxIterations: params.coarseIterations ?? params.maxIterations,
      },
      level + 1,
    );
    const interior = coarse.e.subarray(2 * coarse.pad, 2 * (coarse.pad + cw * ch));
    e.set(upsampleBilinear(Float32Array.from(interior), cw, ch, width, height), 2 * pad);
  }
  const solve = solvePcg(
    op,
    rhs,
    e,
    createPcgWork(op, kept),
    params.maxIterations,
    params.tolerance,
    warm,
  );
  return { e, pad, solve };
}
