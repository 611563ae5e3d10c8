/**
 * Tintype colorizer runtime (DEVELOPERS.md, "Colorizer API"): TF.js, typed arrays in and out,
 * runs in a browser worker and in Node. The editor talks to it through ./worker/workerClient,
 * which is not re-exported here so that the editor's main bundle does not load TF.js.
 */

export { composeFullRes } from './compose';
export { validateWorkingSize, workingSizeFor } from './config';
export { loadColorizer } from './loadColorizer';
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
