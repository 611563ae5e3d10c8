import { createStore, del, get, type UseStore } from 'idb-keyval';
import { parseSession } from '../../core/session';
import type { Session } from '../../core/session/types';
import { photoHash } from './photoHash';
import type { PhotoLibrary } from './photoLibrary';

/**
 * Earlier versions autosaved one photo only (idb-keyval: database `tintype`, store `autosave`,
 * key `photo` = { id, name, blob }, key `session` = { photoId, json }). The first load with the
 * library copies it in and only then clears it, so nothing the user made is lost on the way.
 */
interface LegacyPhoto {
  id: string;
  name: string;
  blob: Blob;
}

interface LegacySession {
  photoId: string;
  json: string;
}

export function legacyAutosaveStore(): UseStore {
  return createStore('tintype', 'autosave');
}

/**
 * Moves the old autosave (if any) into the library; returns the id it has there, or null. Run
 * twice (a reload between the copy and the clear), it finds the entry and only clears.
 */
export async function migrateLegacyAutosave(
  library: PhotoLibrary,
  store: UseStore = legacyAutosaveStore(),
): Promise<string | null> {
  const photo = await get<LegacyPhoto>('photo', store);
  if (!photo) return null;
  if (!(await library.entry(photo.id))) {
    await library.add({
      id: photo.id,
      name: photo.name,
      blob: photo.blob,
      hash: await photoHash(photo.blob),
      session: legacySession(await get<LegacySession>('session', store), photo.id),
      thumbnail: null, // made when the photo is first shown (decoding needs the page)
    });
  }
  if ((await library.current()) === null) await library.setCurrent(photo.id);
  await del('session', store);
  await del('photo', store);
  return photo.id;
}

/** The saved session when it belongs to the saved photo and still parses; otherwise null. */
function legacySession(record: LegacySession | undefined, photoId: string): Session | null {
  if (!record || record.photoId !== photoId) return null;
  try {
    return parseSession(record.json);
  } catch {
    return null;
  }
}
