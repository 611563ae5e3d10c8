import { History } from '../../core/history';
import type { Session } from '../../core/session/types';
import { selectablePoint } from '../tools/pointTool';
import type { ToolResult } from '../tools/types';
import { type EditorSnapshot, SnapshotPublisher, snapshotOf } from './editorSnapshot';
import { HintRelighter } from './relight';
import { defaultSettings, type EditorSettings, sizesForImage } from './settings';
import { type ColorGuess, type GestureContext, ToolGesture } from './toolGesture';

/**
 * The document side of the editor's store: the open Session with its undo History, the
 * selected point, the settings, and pointer gestures routed to the active tool. Every change
 * ends in one new snapshot for the UI. EditorStore adds the user's commands on top.
 */
export class EditorDocument {
  protected history: History<Session> | null = null;
  protected readonly gesture = new ToolGesture();
  protected selected: number | null = null;
  protected settings: EditorSettings = defaultSettings();
  protected guess: ColorGuess | null = null;
  protected readonly relighter = new HintRelighter();
  private readonly publisher = new SnapshotPublisher<EditorSnapshot>(
    snapshotOf(this.history, this.selected, this.settings),
  );

  subscribe = this.publisher.subscribe;

  getSnapshot = this.publisher.getSnapshot;

  get session(): Session | null {
    return this.history?.present ?? null;
  }

  /** Starts editing `session` (new photo, opened file, restored autosave): history starts empty. */
  open(session: Session): void {
    this.history = new History(session);
    this.gesture.reset();
    this.selected = null;
    this.settings = {
      ...this.settings,
      ...sizesForImage(session.image.width, session.image.height),
    };
    this.emit();
  }

  // ---- pointer gestures, routed to the active tool (see ToolGesture) ----

  pointerDown(x: number, y: number, hitTolerance: number): void {
    this.toolStep((context) =>
      this.gesture.down(this.relighter.atPixel(context, x, y), x, y, hitTolerance),
    );
  }

  pointerMove(x: number, y: number): void {
    this.toolStep((context) => this.gesture.moveOrUp('onPointerMove', context, x, y));
  }

  pointerUp(x: number, y: number): void {
    this.toolStep((context) => this.gesture.moveOrUp('onPointerUp', context, x, y));
  }

  pointerCancel(): void {
    this.toolStep((context) => this.gesture.cancel(context));
  }

  undo(): void {
    if (this.history?.undo()) this.afterDocumentJump();
  }

  redo(): void {
    if (this.history?.redo()) this.afterDocumentJump();
  }

  /** One pointer event; nothing happens without a document or when no gesture is open (null). */
  private toolStep(step: (context: GestureContext) => ToolResult<unknown> | null): void {
    const history = this.history;
    if (!history) return;
    const context = {
      history,
      settings: this.settings,
      selected: this.selected,
      guess: this.guess,
    };
    const result = step(context);
    if (!result) return;
    if (result.select !== undefined) this.selected = result.select;
    this.emit();
  }

  /** A one-shot edit of the whole session: ends any open gesture first, then one undo step. */
  protected pushEdit(edit: (s: Session) => Session, label: string): void {
    const history = this.history;
    if (!history) return;
    this.pointerCancel();
    this.record(history, edit(history.present), label);
    this.emit();
  }

  /** Inside a slider adjustment the value is a live update; otherwise its own undo step. */
  protected record(history: History<Session>, next: Session, label: string): void {
    if (history.inGesture) history.update(next);
    else history.push(next, label);
  }

  /** After undo/redo the selected index may point at nothing, or at a different hint. */
  private afterDocumentJump(): void {
    this.gesture.reset();
    this.selected = selectablePoint(this.session, this.selected);
    this.emit();
  }

  protected emit(): void {
    this.publisher.publish(snapshotOf(this.history, this.selected, this.settings));
  }
}
