/**
 * The exponent of the confidence-weighted chroma (./confidence.ts) as the user adds hints.
 * Without hints the net's colours are all there is, and a gentle pull toward grey is the
 * lower-error choice; with several hints the residual propagation carries the user's colours
 * across the photo, and where the net is unsure its guess is better pulled further toward grey
 * so that the propagated colours, not the guess, fill those regions. Measured per hint count
 * in params.ts (DEFAULT_CONFIDENCE). A pull that grew near each hint instead of with their
 * number was worse at every k ≥ 2 (−0.1 to −0.2 dB, same table).
 */
export interface ConfidenceParams {
  /** Exponent with no hints. */
  noHints: number;
  /** Exponent from `manyAt` hints on. */
  manyHints: number;
  /** Hint count (points and strokes) where the exponent reaches `manyHints`; linear before. */
  manyAt: number;
  /**
   * Exponent when the model's blind head answers (no pixel carries a hint; ../heads.ts);
   * absent → noHints. Its own number because that head is trained for the no-hints case and
   * is already cautious where unsure, while noHints also anchors the schedule for 1…manyAt
   * hints, which the hinted head answers.
   */
  blindHead?: number;
}

/**
 * The blind head's exponent when `blind`, else noHints + (manyHints − noHints) ·
 * min(1, hintCount / manyAt).
 */
export function confidenceExponent(
  params: Readonly<ConfidenceParams>,
  hintCount: number,
  blind = false,
): number {
  const { noHints, manyHints, manyAt } = params;
  if (blind) return params.blindHead ?? noHints;
  if (manyAt <= 0) return hintCount > 0 ? manyHints : noHints;
  return noHints + (manyHints - noHints) * Math.min(1, hintCount / manyAt);
}
