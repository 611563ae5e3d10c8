import { useCallback, useRef, useState } from 'react';
import { emptySession, parseSession } from '../../core/session';
import type { Session } from '../../core/session/types';
import { localStorageOrNull } from '../browserStorage';
import { PhotoCache } from '../library/photoCache';
import { photoHash } from '../library/photoHash';
import { type LibraryEntry, PhotoLibrary } from '../library/photoLibrary';
import { makeThumbnail } from '../library/thumbnail';
import { pendingSession } from '../library/writeAhead';
import { photoStem } from '../photo/decodePhoto';
import { openPhoto, type Photo } from '../photo/photo';
import type { EditorStore } from '../store/editorStore';
import type { Notice } from './notice';
import { hasWork, storageProblem } from './storageProblem';
import { useAutosave } from './useAutosave';

export { storageProblem } from './storageProblem';

/**
 * The open photo and the library behind it. Every committed change is saved to the photo's
 * library entry; before another photo is shown the current one's latest state is saved, and if
 * that fails nothing switches. Undo history belongs to the photo on screen and ends on switching.
 */
export function useLibrary(
  store: EditorStore,
  onOpened: (p: Photo) => void,
  report: (notice: Notice | null) => void,
) {
  const library = useRef(new PhotoLibrary()).current;
  const cache = useRef(new PhotoCache<Photo>()).current;
  const writeAhead = useRef(localStorageOrNull()).current;
  const currentId = useRef<string | null>(null);
  /** The photo on screen could not be added to the library (storage full or unavailable). */
  const detached = useRef(false);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [thumbnails, setThumbnails] = useState(new Map<string, Blob>());
  /** Bumped after every library write that changes its size (storage estimate). */
  const [version, setVersion] = useState(0);

  const refresh = useCallback(async () => {
    const listed = await library.list();
    setEntries(listed.entries);
    setThumbnails(listed.thumbnails);
    setVersion((v) => v + 1);
  }, [library]);

  const saving = useAutosave(store, library, writeAhead, currentId, setEntries, report);

  /** Saves the photo on screen as it is now; throws (so the caller stays put) when it cannot. */
  const flush = useCallback(async () => {
    await saving.current;
    const id = currentId.current;
    const { session } = store.getSnapshot();
    if (detached.current && session && hasWork(session)) {
      throw new Error(
        `“${session.image.name}” is not kept in the library, so leaving it would lose its hints: save a project file first, or Clear all to let them go.`,
      );
    }
    if (!id || !session) return;
    try {
      await library.saveSession(id, session);
    } catch (error) {
      const what = `your latest change to “${session.image.name}” could not be saved, so it stays open`;
      throw new Error(storageProblem(what, error));
    }
  }, [store, library, saving]);

  /** Puts a photo on screen; `id` null: it is not in the library, so nothing is saved. */
  const show = useCallback(
    (id: string | null, next: Photo, session: Session) => {
      if (id) cache.set(id, next);
      currentId.current = id;
      detached.current = id === null;
      setPhoto(next);
      store.open(session);
      onOpened(next);
      if (id) library.setCurrent(id).catch(() => {}); // only decides what opens first next time
    },
    [cache, store, onOpened, library],
  );

  /** Adds a photo (and the session it comes with, if any) to the library and shows it. */
  const addPhoto = useCallback(
    async (blob: Blob, name: string, session: Session | null, knownHash?: string) => {
      const id = crypto.randomUUID();
      const [next, hash] = await Promise.all([
        openPhoto(blob, name, id),
        knownHash ?? photoHash(blob),
      ]);
      if (
        session &&
        (session.image.width !== next.sourceWidth || session.image.height !== next.sourceHeight)
      )
        throw new Error(
          `“${name}”: its session is for a ${session.image.width}×${session.image.height} photo but the photo is ${next.sourceWidth}×${next.sourceHeight}`,
        );
      const start =
        session ??
        emptySession({ width: next.sourceWidth, height: next.sourceHeight, name: photoStem(name) });
      await flush();
      const thumbnail = await makeThumbnail(next.greyCanvas).catch(() => null);
      try {
        await library.add({ id, name, blob, hash, session: start, thumbnail });
      } catch (error) {
        // Still open it (the editor stays usable), and say plainly that nothing is saved.
        show(null, next, start);
        const what = `“${name}” is open but not kept in the library, so your work on it is not saved in this browser`;
        throw new Error(storageProblem(what, error));
      }
      show(id, next, start);
      await refresh();
    },
    [flush, library, show, refresh],
  );

  /** Shows a photo of the library, saving the current one first. */
  const switchTo = useCallback(
    async (id: string) => {
      if (id === currentId.current) return;
      const entry = await library.entry(id);
      if (!entry) throw new Error('That photo is no longer in the library.');
      let next = cache.get(id);
      if (!next) {
        const blob = await library.photo(id);
        if (!blob) throw new Error(`“${entry.name}”: its photo file is missing from the library.`);
        next = await openPhoto(blob, entry.name, id);
      }
      // A change whose library write never committed (the page was left first) wins.
      const session =
        pendingSession(writeAhead, entry, { width: next.sourceWidth, height: next.sourceHeight }) ??
        (entry.sessionJson
          ? parseSession(entry.sessionJson)
          : emptySession({
              width: next.sourceWidth,
              height: next.sourceHeight,
              name: photoStem(entry.name),
            }));
      await flush();
      show(id, next, session);
      if (!thumbnails.has(id)) {
        // A photo migrated from the old autosave has none until it is first shown.
        const made = await makeThumbnail(next.greyCanvas).catch(() => null);
        if (made) await library.setThumbnail(id, made).catch(() => {});
      }
      await refresh();
    },
    [library, cache, writeAhead, flush, show, thumbnails, refresh],
  );

  /** The file's hash and the library photo with the same content, if any. */
  const findByContent = useCallback(
    async (blob: Blob) => {
      const hash = await photoHash(blob);
      const known = (await library.list()).entries.find((e) => e.hash === hash) ?? null;
      return { hash, known };
    },
    [library],
  );

  /** Removes a photo after the caller confirmed; the photo on screen is replaced first. */
  const remove = useCallback(
    async (id: string) => {
      if (id === currentId.current) {
        const other = entries.find((e) => e.id !== id);
        await flush();
        currentId.current = null; // nothing may be saved into the entry being deleted
        try {
          if (other) await switchTo(other.id);
          else setPhoto(null);
        } catch (error) {
          currentId.current = id; // still on screen: keep saving it
          throw error;
        }
      }
      await library.remove(id);
      cache.delete(id);
      await refresh();
    },
    [entries, flush, switchTo, library, cache, refresh],
  );

  return {
    library,
    photo,
    entries,
    thumbnails,
    currentId: currentId.current,
    version,
    refresh,
    addPhoto,
    switchTo,
    findByContent,
    remove,
  };
}
