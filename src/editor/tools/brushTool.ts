import { addHint } from '../../core/session';
import type { Session, StrokeHint } from '../../core/session/types';
import { appendVertex } from './geometry';
import { MIN_VERTEX_SPACING, type Tool, type ToolEvent, type ToolResult } from './types';

/**
 * Brush tool: a drag paints one scribble of the current colour and width. Each move rebuilds
 * the session from the pointer-down base plus the growing stroke, so the network can recolour
 * while painting, and the whole stroke is one undo entry.
 */
export type BrushToolState =
  | { phase: 'idle' }
  | { phase: 'painting'; base: Session; stroke: StrokeHint };

const IDLE: BrushToolState = { phase: 'idle' };

function onPointerDown(_state: BrushToolState, e: ToolEvent): ToolResult<BrushToolState> {
  const stroke: StrokeHint = {
    kind: 'stroke',
    points: [[e.x, e.y]],
    width: e.size,
    ab: [e.color[0], e.color[1]],
  };
  return {
    state: { phase: 'painting', base: e.session, stroke },
    edit: [{ op: 'mark' }, { op: 'update', session: addHint(e.session, stroke) }],
    select: null,
  };
}

function onPointerMove(state: BrushToolState, e: ToolEvent): ToolResult<BrushToolState> {
  if (state.phase !== 'painting') return { state, edit: [] };
  const points = appendVertex(state.stroke.points, e.x, e.y, MIN_VERTEX_SPACING);
  if (points === state.stroke.points) return { state, edit: [] };
  const stroke: StrokeHint = { ...state.stroke, points };
  return {
    state: { ...state, stroke },
    edit: [{ op: 'update', session: addHint(state.base, stroke) }],
  };
}

function onPointerUp(state: BrushToolState, e: ToolEvent): ToolResult<BrushToolState> {
  if (state.phase !== 'painting') return { state, edit: [] };
  const moved = onPointerMove(state, e);
  return { state: IDLE, edit: [...moved.edit, { op: 'commit' }] };
}

function onPointerCancel(state: BrushToolState): ToolResult<BrushToolState> {
  if (state.phase !== 'painting') return { state, edit: [] };
  return { state: IDLE, edit: [{ op: 'rollback' }] };
}

export const brushTool: Tool<BrushToolState> = {
  name: 'brush',
  initial: IDLE,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  onPointerCancel,
};
