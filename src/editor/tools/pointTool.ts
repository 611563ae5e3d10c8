import { addHint, replaceHint } from '../../core/session';
import type { HintSpread, PointHint, Session } from '../../core/session/types';
import { hitPoint, isPoint } from './geometry';
import { withSpread } from './spread';
import type { Tool, ToolEvent, ToolResult } from './types';

/**
 * Point tool. Press on empty photo: adds a point of the current size, coloured as the colour
 * shown there when the event offers that guess (`colorAt`), else the current colour (drag
 * places it). Press on an existing point: selects it; dragging moves it. Either way the gesture is one
 * undo entry; a press-and-release on an existing point without moving changes nothing.
 */
export type PointToolState =
  | { phase: 'idle' }
  | {
      phase: 'dragging';
      /** The session at pointer-down; every update is computed from it. */
      base: Session;
      index: number;
      /** The point as it was at pointer-down (or as just added). */
      original: PointHint;
      grabX: number;
      grabY: number;
      changed: boolean;
      /** True when this gesture created the point (so a cancel removes it again). */
      added: boolean;
    };

const IDLE: PointToolState = { phase: 'idle' };

function clampToImage(session: Session, x: number, y: number): [number, number] {
  return [
    Math.min(session.image.width, Math.max(0, x)),
    Math.min(session.image.height, Math.max(0, y)),
  ];
}

function onPointerDown(_state: PointToolState, e: ToolEvent): ToolResult<PointToolState> {
  const hit = hitPoint(e.session.hints, e.x, e.y, e.hitTolerance);
  if (hit !== null) {
    const original = e.session.hints[hit] as PointHint;
    return {
      state: {
        phase: 'dragging',
        base: e.session,
        index: hit,
        original,
        grabX: e.x,
        grabY: e.y,
        changed: false,
        added: false,
      },
      edit: [{ op: 'mark' }],
      select: hit,
    };
  }
  const [x, y] = clampToImage(e.session, e.x, e.y);
  const ab = e.colorAt?.(x, y, e.size) ?? e.color;
  const point = withSpread<PointHint>(
    { kind: 'point', x, y, size: e.size, ab: [ab[0], ab[1]] },
    e.spread ?? {},
  );
  const added = addHint(e.session, point);
  const index = added.hints.length - 1;
  return {
    state: {
      phase: 'dragging',
      base: added,
      index,
      original: point,
      grabX: e.x,
      grabY: e.y,
      changed: true,
      added: true,
    },
    edit: [{ op: 'mark' }, { op: 'update', session: added }],
    select: index,
  };
}

function onPointerMove(state: PointToolState, e: ToolEvent): ToolResult<PointToolState> {
  if (state.phase !== 'dragging') return { state, edit: [] };
  const [x, y] = clampToImage(
    state.base,
    state.original.x + e.x - state.grabX,
    state.original.y + e.y - state.grabY,
  );
  if (x === state.original.x && y === state.original.y && !state.changed) {
    return { state, edit: [] };
  }
  const moved: PointHint = { ...state.original, x, y };
  const session = replaceHint(state.base, state.index, moved);
  return { state: { ...state, changed: true }, edit: [{ op: 'update', session }] };
}

function onPointerUp(state: PointToolState): ToolResult<PointToolState> {
  if (state.phase !== 'dragging') return { state, edit: [] };
  return { state: IDLE, edit: [{ op: state.changed ? 'commit' : 'rollback' }] };
}

function onPointerCancel(state: PointToolState): ToolResult<PointToolState> {
  if (state.phase !== 'dragging') return { state, edit: [] };
  // A cancelled add leaves nothing behind, so the selection must not point at it.
  return { state: IDLE, edit: [{ op: 'rollback' }], ...(state.added ? { select: null } : {}) };
}

export const pointTool: Tool<PointToolState> = {
  name: 'point',
  initial: IDLE,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  onPointerCancel,
};

/** Edits applied outside a drag (size slider, wheel, colour pick) to the selected point. */
export function updateSelectedPoint(
  session: Session,
  index: number | null,
  change: Partial<Pick<PointHint, 'size' | 'ab'>> & { spread?: HintSpread },
): Session | null {
  const hint = index === null ? undefined : session.hints[index];
  if (index === null || !hint || !isPoint(hint)) return null;
  const { spread, ...fields } = change;
  const edited = { ...hint, ...fields };
  return replaceHint(session, index, spread ? withSpread(edited, spread) : edited);
}

/** `index` when it names a point of `session` (only points can be selected), otherwise null. */
export function selectablePoint(session: Session | null, index: number | null): number | null {
  return index !== null && session && isPoint(session.hints[index]) ? index : null;
}
