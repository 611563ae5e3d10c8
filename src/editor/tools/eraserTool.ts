import { addHint, removeHint } from '../../core/session';
import type { EraseHint, Session } from '../../core/session/types';
import { appendVertex, distanceToPolyline } from './geometry';
import { MIN_VERTEX_SPACING, type Tool, type ToolEvent, type ToolResult } from './types';

/**
 * Eraser: a drag adds one `erase` hint (clears earlier strokes under it, as the rasteriser
 * applies hints in order) and removes point hints whose centre it passes over, so erased points
 * also disappear from the hint list rather than lingering as invisible markers.
 */
export type EraserToolState =
  | { phase: 'idle' }
  | { phase: 'erasing'; base: Session; erase: EraseHint };

const IDLE: EraserToolState = { phase: 'idle' };

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

function onPointerDown(_state: EraserToolState, e: ToolEvent): ToolResult<EraserToolState> {
  const erase: EraseHint = { kind: 'erase', points: [[e.x, e.y]], width: e.size };
  return {
    state: { phase: 'erasing', base: e.session, erase },
    edit: [{ op: 'mark' }, { op: 'update', session: applyErase(e.session, erase) }],
    select: null,
  };
}

function onPointerMove(state: EraserToolState, e: ToolEvent): ToolResult<EraserToolState> {
  if (state.phase !== 'erasing') return { state, edit: [] };
  const points = appendVertex(state.erase.points, e.x, e.y, MIN_VERTEX_SPACING);
  if (points === state.erase.points) return { state, edit: [] };
  const erase: EraseHint = { ...state.erase, points };
  return {
    state: { ...state, erase },
    edit: [{ op: 'update', session: applyErase(state.base, erase) }],
  };
}

function onPointerUp(state: EraserToolState, e: ToolEvent): ToolResult<EraserToolState> {
  if (state.phase !== 'erasing') return { state, edit: [] };
  const moved = onPointerMove(state, e);
  return { state: IDLE, edit: [...moved.edit, { op: 'commit' }] };
}

function onPointerCancel(state: EraserToolState): ToolResult<EraserToolState> {
  if (state.phase !== 'erasing') return { state, edit: [] };
  return { state: IDLE, edit: [{ op: 'rollback' }] };
}

export const eraserTool: Tool<EraserToolState> = {
  name: 'eraser',
  initial: IDLE,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  onPointerCancel,
};
