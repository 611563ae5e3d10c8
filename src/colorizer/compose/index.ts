export { upsampleBilinear } from './bilinear';
export { boxMean } from './boxFilter';
export { composeFullRes, upsampleAb } from './composeFullRes';
export { enforceHints, type RasterHints } from './enforceHints';
export { type GuidedOptions, upsampleGuided } from './guided';
export { type AxisWeights, areaResample, bilinearAxis } from './resample';
