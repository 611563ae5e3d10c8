import type { Ab, HintSpread, Session } from '../../core/session/types';

/**
 * The contract every tool follows. Tools are pure state machines: given their own state and a
 * pointer event (already in source-image pixels) they return their next state and the edit to
 * apply to the undo history. The store applies edits; tools never touch History themselves, so
 * a pointer sequence can be replayed in a unit test without React, Konva or a DOM.
 *
 * A gesture is always mark → update* → commit (one undo entry) or → rollback (no entry).
 */
export type HistoryOp =
  | { op: 'mark' }
  | { op: 'update'; session: Session }
  | { op: 'commit' }
  | { op: 'rollback' };

export interface ToolEvent {
  /** Pointer position in source-image pixels. */
  x: number;
  y: number;
  /** The session as it is now (at pointer-down: the base the gesture starts from). */
  session: Session;
  /** Current colour for new hints. */
  color: Ab;
  /**
   * The colour a new point takes at (x, y) with this size, when new points start from the
   * network's guess (the colour shown there); absent, or null there, means `color`.
   */
  colorAt?: (x: number, y: number, size: number) => Ab | null;
  /** contain / reach for a new point or stroke (absent: none, as in v2). */
  spread?: HintSpread;
  /** Point size / brush width / eraser width, source pixels. */
  size: number;
  /** Index into session.hints of the selected point, or null. */
  selected: number | null;
  /** How far (source pixels) from a point's edge a press still grabs it: a few screen pixels. */
  hitTolerance: number;
}

export interface ToolResult<S> {
  state: S;
  /** History operations to apply, in order (often empty). */
  edit: HistoryOp[];
  /** New selection when the tool changes it; undefined leaves it as it is. */
  select?: number | null;
}

export interface Tool<S> {
  readonly name: ToolName;
  readonly initial: S;
  onPointerDown(state: S, event: ToolEvent): ToolResult<S>;
  onPointerMove(state: S, event: ToolEvent): ToolResult<S>;
  onPointerUp(state: S, event: ToolEvent): ToolResult<S>;
  onPointerCancel(state: S): ToolResult<S>;
}

export type ToolName = 'point' | 'brush' | 'eraser';

/** Stroke vertices closer than this (source px) to the previous one are dropped: they add
 * file size and rasterisation work without changing the painted shape. */
export const MIN_VERTEX_SPACING = 0.75;
