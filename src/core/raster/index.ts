export { type HintRaster, rasterizeHints } from './rasterize';
