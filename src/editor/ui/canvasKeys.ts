import type { Session } from '../../core/session/types';
import type { ToolName } from '../tools/types';

/** Screen pixels one arrow press moves the canvas's keyboard cursor; Shift moves 5× as far. */
export const CURSOR_STEP_PX = 5;
export const CURSOR_COARSE_FACTOR = 5;

export interface Cursor {
  x: number;
  y: number;
}

/**
 * The keyboard cursor after an arrow key, in source pixels (the step is in screen pixels, so
 * it feels the same at every zoom), kept on the photo; null for keys that do not move it.
 */
export function moveCursor(
  cursor: Cursor,
  e: { key: string; shiftKey?: boolean },
  scale: number,
  width: number,
  height: number,
): Cursor | null {
  const arrows: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const direction = arrows[e.key];
  if (!direction) return null;
  const step = (CURSOR_STEP_PX * (e.shiftKey ? CURSOR_COARSE_FACTOR : 1)) / scale;
  return {
    x: Math.min(width, Math.max(0, cursor.x + direction[0] * step)),
    y: Math.min(height, Math.max(0, cursor.y + direction[1] * step)),
  };
}

/** What a screen reader hears after Enter pressed the active tool at the cursor. */
export function describePress(
  tool: ToolName,
  before: Session | null,
  after: Session | null,
  selected: number | null,
  at: Cursor,
): string {
  const where = `${Math.round(at.x)}, ${Math.round(at.y)}`;
  const added = (after?.hints.length ?? 0) > (before?.hints.length ?? 0);
  if (tool === 'point') {
    if (added) return `Point added at ${where}.`;
    return selected !== null ? `Point selected at ${where}.` : `Nothing changed at ${where}.`;
  }
  if (tool === 'brush') return added ? `Dab painted at ${where}.` : `Nothing painted at ${where}.`;
  return before === after ? `Nothing to erase at ${where}.` : `Erased at ${where}.`;
}
