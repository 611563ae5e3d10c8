import { withoutReference, withReference } from '../../core/exemplar';
import type { ReferenceTransfer } from '../../core/exemplar/types';
import { removeHint, setGlobal, setVividness } from '../../core/session';
import type { Ab, GlobalHints, HintSpread, SessionReference } from '../../core/session/types';
import { selectablePoint, updateSelectedPoint } from '../tools/pointTool';
import { spreadOf } from '../tools/spread';
import type { ToolName } from '../tools/types';
import { clearAll } from './clearAll';
import { EditorDocument } from './editorDocument';
import type { LightnessLookup } from './relight';
import {
  clampSize,
  type EditorSettings,
  toolSize,
  toolSpread,
  withActiveToolSize,
  withColor,
} from './settings';
import type { ColorGuess } from './toolGesture';

export type { EditorSnapshot } from './editorSnapshot';
export type { LightnessLookup } from './relight';

/**
 * The editor's state container: the document (Session) with its undo History, the selection,
 * the tool state machines and the settings (EditorDocument), and every user command on them.
 * Pure TypeScript so that every user action can be unit-tested without a browser.
 */
export class EditorStore extends EditorDocument {
  // ---- one-shot edits ----

  /** Clears every hint, the palette and the saturation (one undo step); vividness stays. */
  clearAll(): void {
    this.pushEdit(clearAll, 'clear all');
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

  setVividness(vividness: number): void {
    this.pushEdit((s) => setVividness(s, vividness), 'vividness');
  }

  /**
   * A reference photo's matched hints and palette (src/core/exemplar), one undo step. Its
   * points go first in the list, so the selection (an index) is cleared.
   */
  addReference(transfer: ReferenceTransfer, reference: SessionReference): void {
    this.pushEdit((s) => withReference(s, transfer, reference), 'reference photo');
    this.selected = null;
    this.emit();
  }

  /** Removes the reference and the points it placed that the user has not edited. */
  removeReference(): void {
    this.pushEdit(withoutReference, 'remove reference');
    this.selected = null;
    this.emit();
  }

  /** Slider drags (size, saturation, vividness): press to release is one undo step. */
  beginAdjust(): void {
    if (!this.history || this.gesture.isOpen) return;
    this.history.mark();
    this.emit();
  }

  endAdjust(): void {
    if (!this.history || this.gesture.isOpen) return;
    this.history.commit();
    this.emit();
  }

  // ---- selection and settings ----

  select(index: number | null): void {
    this.selected = selectablePoint(this.session, index);
    this.emit();
  }

  setTool(tool: ToolName): void {
    this.pointerCancel();
    this.settings = { ...this.settings, tool };
    if (tool !== 'point') this.selected = null;
    this.emit();
  }

  /**
   * Sets the current colour; recolours the selected point too (one undo step). With no point
   * selected it is a choice for what comes next: new points take it instead of the guess.
   */
  setColor(color: Ab): void {
    this.settings = withColor(this.settings, color);
    if (this.selected === null) this.settings = { ...this.settings, newPointColor: 'picked' };
    this.editSelectedPoint(
      { ab: this.relighter.atSelectedPoint(this.session, this.selected, color) },
      'point colour',
    );
    this.emit();
  }

  /** Sets the active tool's size; resizes the selected point too (one undo step). */
  setSize(size: number): void {
    const clamped = clampSize(size);
    this.settings = withActiveToolSize(this.settings, clamped);
    if (this.settings.tool === 'point') this.editSelectedPoint({ size: clamped }, 'point size');
    this.emit();
  }

  /**
   * contain / reach for the active tool's new hints (point or brush); changes the selected
   * point's too (one undo step, or one per slider drag inside beginAdjust/endAdjust).
   */
  setSpread(spread: HintSpread): void {
    const tool = this.settings.tool;
    if (tool !== 'point' && tool !== 'brush') return;
    const key = tool === 'point' ? 'pointSpread' : 'brushSpread';
    this.settings = { ...this.settings, [key]: spreadOf(spread) };
    this.editSelectedPoint({ spread }, 'point spread');
    this.emit();
  }

  /** What the spread control shows: the selected point's, else what `tool` gives new hints. */
  spreadFor(tool: ToolName): HintSpread {
    const hint =
      tool === 'point' && this.selected !== null ? this.session?.hints[this.selected] : null;
    if (hint && hint.kind === 'point') return spreadOf(hint);
    return toolSpread(this.settings, tool);
  }

  /** 'guess': new points start as the colour shown under them; 'picked': the current colour. */
  setNewPointColor(mode: EditorSettings['newPointColor']): void {
    this.settings = { ...this.settings, newPointColor: mode };
    this.emit();
  }

  /** Where new points read the network's guess (the editor sets it once a colouring shows). */
  setGuess(guess: ColorGuess | null): void {
    this.guess = guess;
  }

  toggle(flag: 'hintsVisible' | 'compare' | 'uncertaintyVisible', value?: boolean): void {
    this.settings = { ...this.settings, [flag]: value ?? !this.settings[flag] };
    this.emit();
  }

  sizeFor(tool: ToolName): number {
    return toolSize(this.settings, tool);
  }

  /** The photo's L* at a source pixel, so new hints get colours it can display there. */
  setLightnessLookup(lookup: LightnessLookup | null): void {
    this.relighter.setLookup(lookup);
  }

  private editSelectedPoint(
    change: { size?: number; ab?: Ab; spread?: HintSpread },
    label: string,
  ): void {
    const session = this.session;
    if (!session || this.settings.tool !== 'point') return;
    const next = updateSelectedPoint(session, this.selected, change);
    if (next && this.history) this.record(this.history, next, label);
  }
}
