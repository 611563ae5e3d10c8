/** Edge-aware residual propagation of hint colours at working resolution (after the net). */

export { shrinkByConfidence } from './confidence';
export { type ConfidenceParams, confidenceExponent } from './confidenceSchedule';
export type { RefineInput } from './input';
export {
  DEFAULT_CONFIDENCE,
  DEFAULT_REFINE,
  EXPORT_REFINE,
  OUTPUT_REFINE,
  type RefineParams,
} from './params';
export { type RefineResult, refineAb } from './refineAb';
export { refineCapped } from './refineCapped';
export { composeRefined, type RefineFullOptions, refinedFullAb } from './refineOutput';
