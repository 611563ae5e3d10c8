import { addHint, removeHint } from '../../core/session';
import type { EraseHint, Session } from '../../core/session/types';
import { distanceToPolyline } from './geometry';
import { type PolylineToolState, polylineTool } from './polylineTool';

/**
 * Eraser: a drag adds one `erase` hint (clears earlier strokes under it, as the rasteriser
 * applies hints in order) and removes point hints whose centre it passes over, so erased points
 * also disappear from the hint list rather than lingering as invisible markers.
 */
export type EraserToolState = PolylineToolState<EraseHint>;

/** base minus the points under the erase path, plus the erase hint itself. */
export function applyErase(base: Session, erase: EraseHint): Session {
  let session = base;
  for (let i = base.hints.length - 1; i >= 0; i--) {
    const hint = base.hints[i];
    if (
      hint.kind === 'point' &&
      distanceToPolyline(hint.x, hint.y, erase.points) <= erase.width / 2 + hint.size / 2
    ) {
      session = removeHint(session, i);
    }
  }
  // An erase hint only matters if something raster-painted remains before it.
  const paintsRemain = session.hints.some((h) => h.kind === 'stroke');
  return paintsRemain ? addHint(session, erase) : session;
}

export const eraserTool = polylineTool<EraseHint>(
  'eraser',
  (e) => ({ kind: 'erase', points: [[e.x, e.y]], width: e.size }),
  applyErase,
);
