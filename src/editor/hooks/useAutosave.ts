import { type Dispatch, type RefObject, type SetStateAction, useEffect, useRef } from 'react';
import type { Session } from '../../core/session/types';
import type { LibraryEntry, PhotoLibrary } from '../library/photoLibrary';
import type { EditorStore } from '../store/editorStore';
import type { Notice } from './notice';
import { storageProblem } from './storageProblem';

/**
 * Autosave: each finished change (not every pointer move) goes to the current photo's library
 * entry, one write after another; a failed write is reported, never silent. Returns the chain of
 * writes, so that a switch can wait for the last one.
 */
export function useAutosave(
  store: EditorStore,
  library: PhotoLibrary,
  currentId: RefObject<string | null>,
  setEntries: Dispatch<SetStateAction<LibraryEntry[]>>,
  report: (notice: Notice | null) => void,
): RefObject<Promise<void>> {
  const saving = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    let last: Session | null = null;
    return store.subscribe(() => {
      const { session, inGesture } = store.getSnapshot();
      const id = currentId.current;
      if (!id || !session || inGesture || session === last) return;
      last = session;
      saving.current = saving.current
        .then(() => library.saveSession(id, session))
        .then(
          () => {
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
  }, [store, library, report, currentId, setEntries]);
  return saving;
}
