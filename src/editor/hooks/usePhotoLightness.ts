import { useEffect } from 'react';
import { lightnessAt } from '../color/swatch';
import type { Photo } from '../photo/photo';
import type { EditorStore } from '../store/editorStore';

/** Gives the store the photo's L* under a source pixel, so new hints are re-lit to it. */
export function usePhotoLightness(store: EditorStore, photo: Photo | null): void {
  useEffect(() => {
    store.setLightnessLookup(
      photo ? (x, y) => lightnessAt(photo.grey, photo.sourceWidth, photo.sourceHeight, x, y) : null,
    );
  }, [store, photo]);
}
