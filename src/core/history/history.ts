/**
 * Undo/redo with one entry per user gesture. The editor calls mark() on pointer-down, update()
 * for every live preview while dragging (no entry), then commit() on pointer-up or rollback()
 * on cancel; one-shot edits (Delete, Clear all) use push(). States are immutable values (a
 * Session), so entries are just references that share structure.
 */

export interface HistoryOptions<T> {
  /** Most undo steps kept; the oldest is dropped beyond it. Default 200. */
  maxEntries?: number;
  /** Whether two states are the same edit-wise; default Object.is (immutable states). */
  equals?: (a: T, b: T) => boolean;
}

interface Entry<T> {
  /** The state on the other side of this step (before it on the undo stack, after on redo). */
  state: T;
  label: string | undefined;
}

export const DEFAULT_MAX_ENTRIES = 200;

export class History<T> {
  private current: T;
  private marked: { state: T } | null = null;
  private readonly past: Entry<T>[] = [];
  private readonly future: Entry<T>[] = [];
  private readonly maxEntries: number;
  private readonly equals: (a: T, b: T) => boolean;

  constructor(initial: T, options: HistoryOptions<T> = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`History: maxEntries must be a positive integer, got ${maxEntries}`);
    }
    this.current = initial;
    this.maxEntries = maxEntries;
    this.equals = options.equals ?? Object.is;
  }

  get present(): T {
    return this.current;
  }

  /** True between mark() and commit()/rollback(). */
  get inGesture(): boolean {
    return this.marked !== null;
  }

  get canUndo(): boolean {
    return this.past.length > 0 || this.gestureChanged();
  }

  get canRedo(): boolean {
    return this.future.length > 0 && !this.gestureChanged();
  }

  /** Labels for "Undo stroke" / "Redo stroke" menu items. */
  get undoLabel(): string | undefined {
    return this.past.at(-1)?.label;
  }

  get redoLabel(): string | undefined {
    return this.future.at(-1)?.label;
  }

  /** Number of undo + redo steps held (never more than maxEntries). */
  get size(): number {
    return this.past.length + this.future.length;
  }

  /**
   * Pointer-down: remember the present as the gesture's start. A gesture still open (its
   * pointer-up was lost) is committed first so its edit keeps its own undo step.
   */
  mark(): void {
    if (this.marked) this.commit();
    this.marked = { state: this.current };
  }

  /** Live preview during a gesture: changes the present without adding an entry. */
  update(state: T): void {
    if (!this.marked) throw new Error('History.update: no gesture in progress (call mark() first)');
    this.current = state;
  }

  /** Pointer-up: one entry if the gesture changed anything. Returns whether one was added. */
  commit(label?: string): boolean {
    if (!this.marked) return false; // pointer-up without a pointer-down on the canvas
    const before = this.marked.state;
    this.marked = null;
    if (this.equals(before, this.current)) return false;
    this.record(before, label);
    return true;
  }

  /** Cancel (Escape, pointer-cancel): back to the marked state, no entry. */
  rollback(): void {
    if (!this.marked) return;
    this.current = this.marked.state;
    this.marked = null;
  }

  /** A one-shot edit: one entry if it changes the present. Closes an open gesture first. */
  push(state: T, label?: string): boolean {
    this.commit();
    if (this.equals(this.current, state)) return false;
    const before = this.current;
    this.current = state;
    this.record(before, label);
    return true;
  }

  /** Steps back one entry (committing an open gesture first, so redo can restore it). */
  undo(): boolean {
    this.commit();
    const entry = this.past.pop();
    if (!entry) return false;
    this.future.push({ state: this.current, label: entry.label });
    this.current = entry.state;
    return true;
  }

  redo(): boolean {
    this.commit();
    const entry = this.future.pop();
    if (!entry) return false;
    this.past.push({ state: this.current, label: entry.label });
    this.current = entry.state;
    return true;
  }

  private gestureChanged(): boolean {
    return this.marked !== null && !this.equals(this.marked.state, this.current);
  }

  private record(before: T, label: string | undefined): void {
    this.future.length = 0; // a new edit abandons the redo branch
    this.past.push({ state: before, label });
    if (this.past.length > this.maxEntries) this.past.shift();
  }
}
