import type { History } from '../../core/history';
import type { Session } from '../../core/session/types';
import type { EditorSettings } from './settings';

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

export function snapshotOf(
  history: History<Session> | null,
  selected: number | null,
  settings: EditorSettings,
): EditorSnapshot {
  return {
    session: history?.present ?? null,
    selected,
    settings,
    canUndo: history?.canUndo ?? false,
    canRedo: history?.canRedo ?? false,
    inGesture: history?.inGesture ?? false,
  };
}

/**
 * Holds the latest snapshot and notifies subscribers of each new one. `subscribe` and
 * `getSnapshot` are bound arrow functions so React can call them detached from the store.
 */
export class SnapshotPublisher<S> {
  private readonly listeners = new Set<() => void>();

  constructor(private snapshot: S) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): S => this.snapshot;

  publish(snapshot: S): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
