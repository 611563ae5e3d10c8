import { useCallback, useEffect, useRef, useState } from 'react';
import { NOT_THE_SAME_SCENE } from '../../core/exemplar';
import { matchReference } from '../global/referenceClient';
import type { Photo } from '../photo/photo';
import type { EditorStore } from '../store/editorStore';

/** What the reference control needs: load a file, remove the reference, its thumbnail. */
export interface ReferenceControl {
  /** Object URL of the reference loaded in this visit (a restored session has only its name). */
  thumbnail: string | null;
  busy: boolean;
  /** Matches `file` against the photo and adds its hints (one undo step); throws the reason. */
  load: (file: File) => Promise<void>;
  remove: () => void;
}

/**
 * Reference photos for the open photo: matching runs in a worker (latest request wins, and a
 * photo change drops an answer that was for the previous photo).
 */
export function useReference(store: EditorStore, photo: Photo | null): ReferenceControl {
  const [thumbnail, setThumbnail] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const replaceThumbnail = useCallback((next: string | null) => {
    setThumbnail((old) => {
      if (old) URL.revokeObjectURL(old);
      return next;
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the photo changes
  useEffect(() => {
    latest.current++;
    setBusy(false);
    replaceThumbnail(null);
  }, [photo, replaceThumbnail]);

  const load = useCallback(
    async (file: File) => {
      if (!photo) return;
      const id = ++latest.current;
      setBusy(true);
      try {
        const source = { width: photo.sourceWidth, height: photo.sourceHeight };
        const { transfer, reference } = await matchReference(file, photo.grey, source);
        if (id !== latest.current) return;
        if (transfer.hints.length === 0 && transfer.palette === null) {
          throw new Error(`${NOT_THE_SAME_SCENE}, so it lends no colour`);
        }
        store.addReference(transfer, reference);
        replaceThumbnail(URL.createObjectURL(file));
      } finally {
        if (id === latest.current) setBusy(false);
      }
    },
    [photo, store, replaceThumbnail],
  );

  const remove = useCallback(() => {
    store.removeReference();
    replaceThumbnail(null);
  }, [store, replaceThumbnail]);

  return { thumbnail, busy, load, remove };
}
