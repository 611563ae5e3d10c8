export { upsampleBilinear } from './bilinear';
export { boxMean } from './boxFilter';
export { composeFullRes, upsampleAb } from './composeFullRes';
export { areaResample } from './resample';
