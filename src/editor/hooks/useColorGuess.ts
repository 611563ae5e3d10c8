import { useEffect } from 'react';
import { guessAt, type ShownColouring } from '../color/guess';
import type { Photo } from '../photo/photo';
import type { EditorStore } from '../store/editorStore';

/** Gives the store the network's guess under a new point, from the colouring on screen. */
export function useColorGuess(
  store: EditorStore,
  photo: Photo | null,
  shown: ShownColouring | null,
): void {
  useEffect(() => {
    if (!photo || !shown) {
      store.setGuess(null);
      return;
    }
    const source = { width: photo.sourceWidth, height: photo.sourceHeight };
    store.setGuess((x, y, size) => guessAt(shown, photo.grey, source, x, y, size));
  }, [store, photo, shown]);
}
