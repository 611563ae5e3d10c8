import { History } from '../../core/history';
import { clearHints, removeHint, setGlobal } from '../../core/session';
import type { Ab, GlobalHints, Session } from '../../core/session/types';
import { brushTool } from '../tools/brushTool';
import { eraserTool } from '../tools/eraserTool';
import { isPoint } from '../tools/geometry';
import { pointTool, updateSelectedPoint } from '../tools/pointTool';
import type { HistoryOp, Tool, ToolName, ToolResult } from '../tools/types';
import {
  clampSize,
  defaultSettings,
  type EditorSettings,
  sizesForImage,
  withRecentColor,
} from './settings';

/** What the UI renders; a new object after every change (React's useSyncExternalStore). */
export interface EditorSnapshot {
  session: Session | null;
  selected: number | null;
  settings: EditorSettings;
  canUndo: boolean;
  canRedo: boolean;
  /** True while a pointer gesture is open (autosave waits for its end). */
  inGesture: boolean;
}

// Tool states differ per tool; the store keeps them opaque.
type AnyTool = Tool<unknown>;
const TOOLS: Record<ToolName, AnyTool> = {
  point: pointTool as AnyTool,
  brush: brushTool as AnyTool,
  eraser: eraserTool as AnyTool,
};

/**
 * The editor's state container: the document (Session) with its undo History, the selection,
 * the tool state machines and the settings. Pure TypeScript so that every user action can be
 * unit-tested without a browser.
 */
export class EditorStore {
  private history: History<Session> | null = null;
  private toolState: unknown = null;
  private selected: number | null = null;
  private settings: EditorSettings = defaultSettings();
  private snapshot: EditorSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => this.snapshot;

  get session(): Session | null {
    return this.history?.present ?? null;
  }

  /** Starts editing `session` (new photo, opened file, restored autosave): history starts empty. */
  open(session: Session): void {
    this.history = new History(session);
    this.toolState = null;
    this.selected = null;
    this.settings = {
      ...this.settings,
      ...sizesForImage(session.image.width, session.image.height),
    };
    this.emit();
  }

  // ---- pointer gestures, routed to the active tool ----

  pointerDown(x: number, y: number, hitTolerance: number): void {
    const session = this.session;
    if (!session) return;
    const tool = TOOLS[this.settings.tool];
    this.apply(
      tool.onPointerDown(this.toolState ?? tool.initial, {
        x,
        y,
        session,
        color: this.settings.color,
        size: this.sizeFor(this.settings.tool),
        selected: this.selected,
        hitTolerance,
      }),
    );
  }

  pointerMove(x: number, y: number): void {
    this.routeMoveOrUp('onPointerMove', x, y);
  }

  pointerUp(x: number, y: number): void {
    this.routeMoveOrUp('onPointerUp', x, y);
  }

  pointerCancel(): void {
    if (this.toolState === null) return;
    this.apply(TOOLS[this.settings.tool].onPointerCancel(this.toolState));
  }

  // ---- one-shot edits ----

  undo(): void {
    if (this.history?.undo()) this.afterDocumentJump();
  }

  redo(): void {
    if (this.history?.redo()) this.afterDocumentJump();
  }

  clearAll(): void {
    this.pushEdit((s) => clearHints(s), 'clear all');
    this.selected = null;
    this.emit();
  }

  deleteSelected(): void {
    const index = this.selected;
    if (index === null) return;
    this.pushEdit((s) => removeHint(s, index), 'delete point');
    this.selected = null;
    this.emit();
  }

  setGlobal(patch: Partial<GlobalHints>): void {
    this.pushEdit((s) => setGlobal(s, patch), 'global hints');
  }

  /**
   * Slider drags (size, saturation): begin on press, end on release, so the many values in
   * between become one undo step instead of dozens.
   */
  beginAdjust(): void {
    if (!this.history || this.toolState !== null) return;
    this.history.mark();
    this.emit();
  }

  endAdjust(): void {
    if (!this.history || this.toolState !== null) return;
    this.history.commit();
    this.emit();
  }

  // ---- selection and settings ----

  select(index: number | null): void {
    const session = this.session;
    this.selected = index !== null && session && isPoint(session.hints[index]) ? index : null;
    this.emit();
  }

  setTool(tool: ToolName): void {
    this.pointerCancel();
    this.settings = { ...this.settings, tool };
    if (tool !== 'point') this.selected = null;
    this.emit();
  }

  /** Sets the current colour; recolours the selected point too (one undo step). */
  setColor(color: Ab): void {
    this.settings = {
      ...this.settings,
      color,
      recentColors: withRecentColor(this.settings.recentColors, color),
    };
    this.editSelectedPoint({ ab: [color[0], color[1]] }, 'point colour');
    this.emit();
  }

  /** Sets the active tool's size; resizes the selected point too (one undo step). */
  setSize(size: number): void {
    const clamped = clampSize(size);
    const key = ({ point: 'pointSize', brush: 'brushWidth', eraser: 'eraserWidth' } as const)[
      this.settings.tool
    ];
    this.settings = { ...this.settings, [key]: clamped };
    if (this.settings.tool === 'point') this.editSelectedPoint({ size: clamped }, 'point size');
    this.emit();
  }

  toggle(flag: 'hintsVisible' | 'compare' | 'uncertaintyVisible', value?: boolean): void {
    this.settings = { ...this.settings, [flag]: value ?? !this.settings[flag] };
    this.emit();
  }

  sizeFor(tool: ToolName): number {
    if (tool === 'point') return this.settings.pointSize;
    return tool === 'brush' ? this.settings.brushWidth : this.settings.eraserWidth;
  }

  // ---- internals ----

  private routeMoveOrUp(handler: 'onPointerMove' | 'onPointerUp', x: number, y: number): void {
    const session = this.session;
    if (!session || this.toolState === null) return;
    this.apply(
      TOOLS[this.settings.tool][handler](this.toolState, {
        x,
        y,
        session,
        color: this.settings.color,
        size: this.sizeFor(this.settings.tool),
        selected: this.selected,
        hitTolerance: 0,
      }),
    );
  }

  private apply(result: ToolResult<unknown>): void {
    const phase = (result.state as { phase?: string }).phase;
    this.toolState = phase === 'idle' ? null : result.state;
    for (const op of result.edit) this.applyOp(op);
    if (result.select !== undefined) this.selected = result.select;
    this.emit();
  }

  private applyOp(op: HistoryOp): void {
    const history = this.history;
    if (!history) return;
    if (op.op === 'mark') history.mark();
    else if (op.op === 'update') history.update(op.session);
    else if (op.op === 'commit') history.commit();
    else history.rollback();
  }

  private pushEdit(edit: (s: Session) => Session, label: string): void {
    const history = this.history;
    if (!history) return;
    this.pointerCancel();
    this.record(history, edit(history.present), label);
    this.emit();
  }

  private editSelectedPoint(change: { size?: number; ab?: Ab }, label: string): void {
    const session = this.session;
    if (!session || this.settings.tool !== 'point') return;
    const next = updateSelectedPoint(session, this.selected, change);
    if (next && this.history) this.record(this.history, next, label);
  }

  /** Inside a slider adjustment the value is a live update; otherwise its own undo step. */
  private record(history: History<Session>, next: Session, label: string): void {
    if (history.inGesture) history.update(next);
    else history.push(next, label);
  }

  /** After undo/redo the selected index may point at nothing, or at a different hint. */
  private afterDocumentJump(): void {
    this.toolState = null;
    const session = this.session;
    if (this.selected !== null && !(session && isPoint(session.hints[this.selected]))) {
      this.selected = null;
    }
    this.emit();
  }

  private makeSnapshot(): EditorSnapshot {
    return {
      session: this.session,
      selected: this.selected,
      settings: this.settings,
      canUndo: this.history?.canUndo ?? false,
      canRedo: this.history?.canRedo ?? false,
      inGesture: this.history?.inGesture ?? false,
    };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
