import { type Dispatch, type RefObject, type SetStateAction, useEffect, useRef } from 'react';
import { serializeSession } from '../../core/session';
import type { Session } from '../../core/session/types';
import type { KeyValueStorage } from '../browserStorage';
import type { LibraryEntry, PhotoLibrary } from '../library/photoLibrary';
import { clearWriteAhead, stampClock } from '../library/writeAhead';
import type { EditorStore } from '../store/editorStore';
import { copyAhead } from './copyAhead';
import type { Notice } from './notice';
import { storageProblem } from './storageProblem';

/**
 * Autosave: each finished change (not every pointer move) goes to the current photo's library
 * entry, one write after another; a failed write is reported, never silent. Before the
 * asynchronous write starts, the change is copied synchronously to `writeAhead` (see
 * library/writeAhead.ts), so a reload before the write commits does not lose it. Returns the
 * chain of writes, so that a switch can wait for the last one.
 */
export function useAutosave(
  store: EditorStore,
  library: PhotoLibrary,
  writeAhead: KeyValueStorage | null,
  currentId: RefObject<string | null>,
  setEntries: Dispatch<SetStateAction<LibraryEntry[]>>,
  report: (notice: Notice | null) => void,
): RefObject<Promise<void>> {
  const saving = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    let last: Session | null = null;
    const stamp = stampClock();
    /** Whether the last write-ahead copy failed (said once, not on every change). */
    let unguarded = false;
    return store.subscribe(() => {
      const { session, inGesture } = store.getSnapshot();
      const id = currentId.current;
      if (!id || !session || inGesture || session === last) return;
      last = session;
      const changedAt = stamp();
      const sessionJson = serializeSession(session);
      const refused = copyAhead(
        writeAhead,
        { photoId: id, stamp: changedAt, sessionJson },
        session.image.name,
      );
      if (refused && !unguarded) report({ kind: 'error', text: refused });
      unguarded = refused !== null;
      saving.current = saving.current
        .then(() => library.saveSession(id, session, changedAt, sessionJson))
        .then(
          () => {
            if (writeAhead) clearWriteAhead(writeAhead, id, changedAt);
            const count = session.hints.length;
            setEntries((es) => es.map((e) => (e.id === id ? { ...e, hintCount: count } : e)));
          },
          (error: unknown) =>
            report({
              kind: 'error',
              text: storageProblem(
                `your latest change to “${session.image.name}” is not saved`,
                error,
              ),
            }),
        );
    });
  }, [store, library, writeAhead, report, currentId, setEntries]);
  return saving;
}
