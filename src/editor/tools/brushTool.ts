import { addHint } from '../../core/session';
import type { StrokeHint } from '../../core/session/types';
import { type PolylineToolState, polylineTool } from './polylineTool';
import { withSpread } from './spread';

/**
 * Brush tool: a drag paints one scribble of the current colour and width. Each move rebuilds
 * the session from the pointer-down base plus the growing stroke, so the network can recolour
 * while painting, and the whole stroke is one undo entry.
 */
export type BrushToolState = PolylineToolState<StrokeHint>;

export const brushTool = polylineTool<StrokeHint>(
  'brush',
  (e) =>
    withSpread<StrokeHint>(
      { kind: 'stroke', points: [[e.x, e.y]], width: e.size, ab: [e.color[0], e.color[1]] },
      e.spread ?? {},
    ),
  addHint,
);
