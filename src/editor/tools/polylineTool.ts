import type { Session } from '../../core/session/types';
import { appendVertex } from './geometry';
import {
  MIN_VERTEX_SPACING,
  type Tool,
  type ToolEvent,
  type ToolName,
  type ToolResult,
} from './types';

/** A hint drawn as a polyline (brush stroke, erase path). */
interface PolylineHint {
  points: [number, number][];
}

/** Idle, or dragging one polyline from the pointer-down session `base`. */
export type PolylineToolState<H extends PolylineHint> =
  | { phase: 'idle' }
  | { phase: 'drawing'; base: Session; hint: H };

/**
 * The gesture shared by the brush and the eraser: pointer-down starts a polyline hint at the
 * pointer (`start`), each move appends a vertex (dropping ones closer than MIN_VERTEX_SPACING)
 * and rebuilds the session from the pointer-down base (`apply`), so the net can recolour while
 * the user drags, pointer-up commits it as one undo entry, cancel rolls it back.
 */
export function polylineTool<H extends PolylineHint>(
  name: ToolName,
  start: (e: ToolEvent) => H,
  apply: (base: Session, hint: H) => Session,
): Tool<PolylineToolState<H>> {
  type State = PolylineToolState<H>;
  const IDLE: State = { phase: 'idle' };

  function onPointerDown(_state: State, e: ToolEvent): ToolResult<State> {
    const hint = start(e);
    return {
      state: { phase: 'drawing', base: e.session, hint },
      edit: [{ op: 'mark' }, { op: 'update', session: apply(e.session, hint) }],
      select: null,
    };
  }

  function onPointerMove(state: State, e: ToolEvent): ToolResult<State> {
    if (state.phase !== 'drawing') return { state, edit: [] };
    const points = appendVertex(state.hint.points, e.x, e.y, MIN_VERTEX_SPACING);
    if (points === state.hint.points) return { state, edit: [] };
    const hint: H = { ...state.hint, points };
    return {
      state: { ...state, hint },
      edit: [{ op: 'update', session: apply(state.base, hint) }],
    };
  }

  function onPointerUp(state: State, e: ToolEvent): ToolResult<State> {
    if (state.phase !== 'drawing') return { state, edit: [] };
    const moved = onPointerMove(state, e);
    return { state: IDLE, edit: [...moved.edit, { op: 'commit' }] };
  }

  function onPointerCancel(state: State): ToolResult<State> {
    if (state.phase !== 'drawing') return { state, edit: [] };
    return { state: IDLE, edit: [{ op: 'rollback' }] };
  }

  return { name, initial: IDLE, onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}
