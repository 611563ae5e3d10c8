import type { Grid, Visit } from '../raster/grid';
import { visitPoint, visitPolyline } from '../raster/shapes';
import type { Hint, Session } from '../session/types';

/**
 * Which hint colours each pixel of a width × height raster, as rasterizeHints draws them (later
 * hints overwrite earlier ones, erase clears): the hint's index in session.hints, −1 for none.
 * Only hints from index `from` on are drawn (earlier ones read as −1): callers that care about
 * some hints start at the first of them, since earlier hints cannot cover a later one.
 */
export function rasterizeOwners(
  session: Session,
  width: number,
  height: number,
  from = 0,
): Int32Array {
  const owners = new Int32Array(width * height).fill(-1);
  const grid: Grid = {
    width,
    height,
    sx: width / session.image.width,
    sy: height / session.image.height,
  };
  const hints = session.hints;
  for (let k = Math.max(0, from); k < hints.length; k++) {
    const hint: Hint = hints[k];
    const value = hint.kind === 'erase' ? -1 : k;
    const paint: Visit = (first, last) => owners.fill(value, first, last + 1);
    if (hint.kind === 'point') visitPoint(grid, hint.x, hint.y, hint.size, paint);
    else visitPolyline(grid, hint.points, hint.width, paint);
  }
  return owners;
}
