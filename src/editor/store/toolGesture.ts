import type { History } from '../../core/history';
import type { Ab, Session } from '../../core/session/types';
import { brushTool } from '../tools/brushTool';
import { eraserTool } from '../tools/eraserTool';
import { pointTool } from '../tools/pointTool';
import type { HistoryOp, Tool, ToolEvent, ToolName, ToolResult } from '../tools/types';
import { type EditorSettings, toolSize, toolSpread } from './settings';

// Tool states differ per tool; the gesture keeps them opaque.
type AnyTool = Tool<unknown>;
const TOOLS: Record<ToolName, AnyTool> = {
  point: pointTool as AnyTool,
  brush: brushTool as AnyTool,
  eraser: eraserTool as AnyTool,
};

/** What a pointer event acts on: the open document's history, the settings, the selection. */
export interface GestureContext {
  history: History<Session>;
  settings: EditorSettings;
  selected: number | null;
  /** The network's guess at a spot (../color/guess.ts), once a colouring is shown. */
  guess: ColorGuess | null;
}

export type ColorGuess = (x: number, y: number, size: number) => Ab | null;

/**
 * The pointer gesture in progress: routes pointer events to the active tool's state machine and
 * plays the history operations the tool returns, so EditorStore only applies the selection the
 * tool reports and notifies. A null result means no gesture was open and nothing happened.
 */
export class ToolGesture {
  /** The active tool's state while a gesture is open; null between gestures. */
  private state: unknown = null;

  get isOpen(): boolean {
    return this.state !== null;
  }

  /** Forgets the open gesture without touching history (its base document has gone). */
  reset(): void {
    this.state = null;
  }

  down(context: GestureContext, x: number, y: number, hitTolerance: number): ToolResult<unknown> {
    const tool = TOOLS[context.settings.tool];
    const event = toolEvent(context, x, y, hitTolerance);
    return this.apply(tool.onPointerDown(this.state ?? tool.initial, event), context.history);
  }

  moveOrUp(
    handler: 'onPointerMove' | 'onPointerUp',
    context: GestureContext,
    x: number,
    y: number,
  ): ToolResult<unknown> | null {
    if (this.state === null) return null;
    const event = toolEvent(context, x, y, 0);
    return this.apply(TOOLS[context.settings.tool][handler](this.state, event), context.history);
  }

  cancel(context: GestureContext): ToolResult<unknown> | null {
    if (this.state === null) return null;
    return this.apply(TOOLS[context.settings.tool].onPointerCancel(this.state), context.history);
  }

  private apply(result: ToolResult<unknown>, history: History<Session>): ToolResult<unknown> {
    const phase = (result.state as { phase?: string }).phase;
    this.state = phase === 'idle' ? null : result.state;
    for (const op of result.edit) playOp(history, op);
    return result;
  }
}

function toolEvent(context: GestureContext, x: number, y: number, hitTolerance: number): ToolEvent {
  const { history, settings, selected, guess } = context;
  const size = toolSize(settings, settings.tool);
  const spread = toolSpread(settings, settings.tool);
  const event = { x, y, session: history.present, color: settings.color, size, selected };
  const colorAt = settings.newPointColor === 'guess' && guess ? guess : undefined;
  return { ...event, spread, hitTolerance, ...(colorAt ? { colorAt } : {}) };
}

function playOp(history: History<Session>, op: HistoryOp): void {
  if (op.op === 'mark') history.mark();
  else if (op.op === 'update') history.update(op.session);
  else if (op.op === 'commit') history.commit();
  else history.rollback();
}
