import type { HintRaster } from '../core/raster';
import type { Session } from '../core/session';
import {
  type ConfidenceParams,
  confidenceExponent,
  type RefineParams,
  refineCapped,
  shrinkByConfidence,
} from './refine';
import type { ModelMeta } from './types';
import { applyVividness } from './vividness';

/** The working-resolution input one network pass saw. */
export interface WorkingInput {
  width: number;
  height: number;
  /** Normalised L the network read (lScale back to L*). */
  lNorm: Float32Array;
  hints: HintRaster;
}

/** The network's colour distribution for that pass, at its own (logit) resolution. */
export interface NetDistribution {
  logits: Float32Array;
  entropy: Float32Array;
  width: number;
  height: number;
  /** Whether the blind (no-hint) head answered. */
  blind: boolean;
}

/**
 * The network's ab (shrunk in place) made into colorize()'s answer: chroma shrunk where the
 * network is unsure, vividness applied to the automatic pass, then the hint residual
 * propagated edge-aware (skipped when `refine` is null). Returns `netAb` itself without refine.
 */
export function shapeNetAb(
  netAb: Float32Array,
  input: WorkingInput,
  net: NetDistribution,
  session: Session,
  meta: ModelMeta,
  confidence: Readonly<ConfidenceParams>,
  refine: RefineParams | null,
): Float32Array {
  const { width, height } = input;
  const exponent = confidenceExponent(confidence, session.hints.length, net.blind);
  shrinkByConfidence(netAb, width, height, net.entropy, net.width, net.height, exponent);
  // Vividness shapes the automatic pass, which the blind head answers and whose colour
  // distribution was trained class-rebalanced to commit (model/ab_prior.py); with point or
  // stroke hints the user's colours and their propagation decide.
  if (net.blind)
    applyVividness(
      netAb,
      width,
      height,
      net.logits,
      net.width,
      net.height,
      meta.bins,
      session.vividness,
    );
  // Residual propagation: pulls the net's colours to the hints and spreads the correction
  // edge-aware (a no-op without hints). Suggestions/uncertainty keep the net's own logits.
  if (!refine) return netAb;
  const { hints, lNorm } = input;
  const refineInput = { width, height, ab: netAb, hints, l: lNorm, lScale: meta.lScale };
  return refineCapped({ ...refineInput, abLimit: meta.abScale }, refine);
}
