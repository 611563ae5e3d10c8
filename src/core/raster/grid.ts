/**
 * The target raster a session is drawn into, and how source-image coordinates map onto it.
 * Scaling is anisotropic and exact: target x = source x · sx, target y = source y · sy.
 */
export interface Grid {
  width: number;
  height: number;
  /** target pixels per source pixel, horizontally and vertically */
  sx: number;
  sy: number;
}

/**
 * Called once or more for each covered run of pixels in one row: row-major indices `first` to
 * `last`, inclusive. Runs instead of single pixels because one call per pixel through a
 * per-hint closure was most of the rasterisation time.
 */
export type Visit = (first: number, last: number) => void;

export function clampIndex(value: number, size: number): number {
  return value < 0 ? 0 : value >= size ? size - 1 : value;
}

/**
 * Indices k in [0, size) whose pixel centres k + 0.5 lie in the half-open [lo, hi), or — when
 * there are none because the shape is thinner than a pixel — the pixel containing `centre`.
 * Returns null when nothing of it is inside the raster.
 */
export function halfOpenRange(
  lo: number,
  hi: number,
  centre: number,
  size: number,
): [number, number] | null {
  let first = Math.ceil(lo - 0.5);
  let last = Math.ceil(hi - 0.5) - 1;
  if (first > last) first = last = Math.floor(centre);
  first = Math.max(first, 0);
  last = Math.min(last, size - 1);
  return first <= last ? [first, last] : null;
}
