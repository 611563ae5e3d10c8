/**
 * Tintype colorizer runtime (DEVELOPERS.md, "Colorizer API"): TF.js, typed arrays in and out,
 * runs in a browser worker and in Node. The editor talks to it through ./workerClient.
 */
export { defaultBackendOrder } from './backend';
export { loadColorizer } from './colorizer';
export {
  areaResample,
  composeFullRes,
  enforceHints,
  type RasterHints,
  upsampleAb,
  upsampleBilinear,
  upsampleGuided,
} from './compose';
export { validateWorkingSize, workingSizeFor } from './config';
export { createLatestRunner, type LatestOutcome, type LatestRunner } from './latest';
export { parseModelMeta } from './meta';
export type {
  BackendName,
  ColorizeOptions,
  ColorizeResult,
  Colorizer,
  LoadOptions,
  ModelMeta,
  ModelSource,
  RenderOptions,
  Suggestion,
  UncertaintyMap,
  UpsampleMethod,
} from './types';
