import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { parseSession, serializeSession } from '../../core/session';
import type { Session } from '../../core/session/types';

/**
 * Autosave to IndexedDB: the photo file once per photo (it can be tens of MB), the session after
 * every committed change (small). Restoring needs both to belong together, so the photo record
 * carries an id that the session record repeats.
 */
export interface SavedPhoto {
  id: string;
  name: string;
  blob: Blob;
}

const PHOTO_KEY = 'photo';
const SESSION_KEY = 'session';

interface SessionRecord {
  photoId: string;
  json: string;
}

export class Autosave {
  private readonly store: UseStore;

  constructor(databaseName = 'tintype', storeName = 'autosave') {
    this.store = createStore(databaseName, storeName);
  }

  async savePhoto(photo: SavedPhoto): Promise<void> {
    await set(PHOTO_KEY, photo, this.store);
    await del(SESSION_KEY, this.store); // the old session belongs to the old photo
  }

  async saveSession(photoId: string, session: Session): Promise<void> {
    const record: SessionRecord = { photoId, json: serializeSession(session) };
    await set(SESSION_KEY, record, this.store);
  }

  /**
   * The last photo and its session, or null when there is none. A photo saved without a session
   * yet (or whose session no longer parses) comes back with `session: null` so the caller can
   * start fresh on it rather than lose it.
   */
  async restore(): Promise<{ photo: SavedPhoto; session: Session | null } | null> {
    const photo = await get<SavedPhoto>(PHOTO_KEY, this.store);
    if (!photo) return null;
    const record = await get<SessionRecord>(SESSION_KEY, this.store);
    if (!record || record.photoId !== photo.id) return { photo, session: null };
    try {
      return { photo, session: parseSession(record.json) };
    } catch {
      return { photo, session: null };
    }
  }

  async clear(): Promise<void> {
    await del(PHOTO_KEY, this.store);
    await del(SESSION_KEY, this.store);
  }
}
