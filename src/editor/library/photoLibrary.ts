import { serializeSession } from '../../core/session';
import type { Session } from '../../core/session/types';
import { committed, openDatabase, requestResult, type StoreName } from './idb';

/** One photo in the library, without its (large) photo file. */
export interface LibraryEntry {
  id: string;
  /** The file name it was opened as. */
  name: string;
  /** SHA-256 of the photo file (hex), so opening the same file again finds this entry. */
  hash: string | null;
  /** The session as `serializeSession` wrote it; null until the photo was first shown. */
  sessionJson: string | null;
  hintCount: number;
  addedAt: number;
  updatedAt: number;
}

export interface NewPhoto {
  /** Kept when given (a migrated autosave keeps its id, so migrating twice writes one entry). */
  id?: string;
  name: string;
  blob: Blob;
  hash: string | null;
  session: Session | null;
  thumbnail: Blob | null;
}

/** Why a library write failed; `quota` means the browser's storage for this site is full. */
export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(
    readonly kind: 'quota' | 'missing' | 'storage',
    message: string,
  ) {
    super(message);
  }
}

const CURRENT_KEY = 'current';

/**
 * Every photo the user opened, with its session and a thumbnail, in IndexedDB. Photos are
 * written once; sessions after every change (small records).
 */
export class PhotoLibrary {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly databaseName = 'tintype-library') {}

  /** Entries, newest first, and their thumbnails. */
  async list(): Promise<{ entries: LibraryEntry[]; thumbnails: Map<string, Blob> }> {
    const tx = await this.transaction(['entries', 'thumbnails'], 'readonly');
    const entries = requestResult<LibraryEntry[]>(tx.objectStore('entries').getAll());
    const keys = requestResult(tx.objectStore('thumbnails').getAllKeys());
    const blobs = requestResult<Blob[]>(tx.objectStore('thumbnails').getAll());
    const [list, ids, images] = await Promise.all([entries, keys, blobs]);
    const thumbnails = new Map(ids.map((id, i) => [String(id), images[i]]));
    return { entries: list.sort((a, b) => b.addedAt - a.addedAt), thumbnails };
  }

  async entry(id: string): Promise<LibraryEntry | null> {
    const tx = await this.transaction(['entries'], 'readonly');
    return (await requestResult(tx.objectStore('entries').get(id))) ?? null;
  }

  async photo(id: string): Promise<Blob | null> {
    const tx = await this.transaction(['photos'], 'readonly');
    const record = await requestResult<{ blob: Blob } | undefined>(
      tx.objectStore('photos').get(id),
    );
    return record?.blob ?? null;
  }

  /** Adds the photo, its session and thumbnail in one transaction: all of it or none. */
  async add(photo: NewPhoto): Promise<LibraryEntry> {
    const now = Date.now();
    const entry: LibraryEntry = {
      id: photo.id ?? crypto.randomUUID(),
      name: photo.name,
      hash: photo.hash,
      sessionJson: photo.session ? serializeSession(photo.session) : null,
      hintCount: photo.session?.hints.length ?? 0,
      addedAt: now,
      updatedAt: now,
    };
    await this.write(['photos', 'entries', 'thumbnails'], (tx) => {
      tx.objectStore('photos').put({ blob: photo.blob }, entry.id);
      tx.objectStore('entries').put(entry, entry.id);
      if (photo.thumbnail) tx.objectStore('thumbnails').put(photo.thumbnail, entry.id);
    });
    return entry;
  }

  /**
   * Replaces the entry's session; a `missing` LibraryError when the photo was deleted.
   * `updatedAt` is when the change was made (its write-ahead stamp, see writeAhead.ts);
   * `sessionJson` the session already serialised, when the caller has it (no second pass).
   */
  async saveSession(
    id: string,
    session: Session,
    updatedAt = Date.now(),
    sessionJson = serializeSession(session),
  ): Promise<void> {
    let missing = false;
    await this.write(['entries'], (tx) => {
      const store = tx.objectStore('entries');
      const read = store.get(id);
      read.onsuccess = () => {
        const entry = read.result as LibraryEntry | undefined;
        if (!entry) missing = true;
        else {
          const hintCount = session.hints.length;
          store.put({ ...entry, sessionJson, hintCount, updatedAt }, id);
        }
      };
    });
    if (missing) throw new LibraryError('missing', 'this photo is no longer in the library');
  }

  async setThumbnail(id: string, thumbnail: Blob): Promise<void> {
    await this.write(['thumbnails'], (tx) => tx.objectStore('thumbnails').put(thumbnail, id));
  }

  async remove(id: string): Promise<void> {
    await this.write(['photos', 'entries', 'thumbnails', 'meta'], (tx) => {
      for (const store of ['photos', 'entries', 'thumbnails'] as const)
        tx.objectStore(store).delete(id);
      const meta = tx.objectStore('meta');
      const current = meta.get(CURRENT_KEY);
      current.onsuccess = () => {
        if (current.result === id) meta.delete(CURRENT_KEY);
      };
    });
  }

  /** The photo on screen when the page was left. */
  async current(): Promise<string | null> {
    const tx = await this.transaction(['meta'], 'readonly');
    return ((await requestResult(tx.objectStore('meta').get(CURRENT_KEY))) as string) ?? null;
  }

  async setCurrent(id: string): Promise<void> {
    await this.write(['meta'], (tx) => tx.objectStore('meta').put(id, CURRENT_KEY));
  }

  private async transaction(
    stores: StoreName[],
    mode: IDBTransactionMode,
  ): Promise<IDBTransaction> {
    this.db ??= openDatabase(this.databaseName);
    try {
      return (await this.db).transaction(stores, mode);
    } catch (error) {
      this.db = null; // a closed connection (another tab upgraded): reopen next time
      throw error;
    }
  }

  /** Runs `fill` in a readwrite transaction and waits for the commit; quota errors get a name. */
  private async write(stores: StoreName[], fill: (tx: IDBTransaction) => void): Promise<void> {
    try {
      const tx = await this.transaction(stores, 'readwrite');
      const done = committed(tx);
      try {
        fill(tx);
      } catch (error) {
        done.catch(() => {}); // the abort below rejects it; the cause is what we report
        tx.abort();
        throw error;
      }
      await done;
    } catch (error) {
      throw asLibraryError(error);
    }
  }
}

function asLibraryError(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError')
    return new LibraryError('quota', "the browser's storage for this site is full");
  const message = error instanceof Error ? error.message : String(error);
  return new LibraryError('storage', `the browser's storage refused it (${message})`);
}
