/** Edge-aware residual propagation of hint colours at working resolution (after the net). */

export { shrinkByConfidence } from './confidence';
export { type ConfidenceParams, confidenceExponent } from './confidenceSchedule';
export {
  checkRefineParams,
  DEFAULT_CONFIDENCE,
  DEFAULT_REFINE,
  EXPORT_REFINE,
  OUTPUT_REFINE,
  type RefineParams,
} from './params';
export { type RefineInput, type RefineResult, refineAb } from './refineAb';
export { REFINE_MAX_SIDE, refineCapped } from './refineCapped';
export { composeRefined, OUTPUT_REFINE_MAX_SIDE } from './refineOutput';
