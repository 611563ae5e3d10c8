export { type SpreadOptions, spreadBudget } from './geodesic';
export { rasterizeOwners } from './hintOwners';
export {
  CONTAIN_BUDGET,
  CONTAIN_EDGE_SIGMA,
  CONTAIN_PER_LIGHTNESS,
  isSpreadLimited,
  SPREAD_FADE,
  spreadWeights,
  withoutSpreadLimited,
} from './hintSpread';
