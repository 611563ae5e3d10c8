export { type SpreadOptions, spreadBudget } from './geodesic';
export { rasterizeOwners } from './hintOwners';
export {
  CONTAIN_EDGE_SIGMA,
  isSpreadLimited,
  SPREAD_FADE,
  spreadWeights,
  withoutSpreadLimited,
} from './hintSpread';
