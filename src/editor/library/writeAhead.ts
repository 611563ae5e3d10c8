import { parseSession } from '../../core/session';
import type { Session } from '../../core/session/types';
import type { KeyValueStorage } from '../browserStorage';
import type { LibraryEntry } from './photoLibrary';

/**
 * The write-ahead copy of a photo's session. The library's IndexedDB write is asynchronous,
 * so a reload or closed tab in the few milliseconds before it commits would lose the change;
 * localStorage writes synchronously. Each committed change is copied here first, under the
 * photo's id with a stamp that the library entry's `updatedAt` takes when the change reaches
 * it; the copy is removed once that write has committed, and a copy newer than its entry is
 * replayed on the next load.
 */
export interface WriteAhead {
  photoId: string;
  /** When the change was made (ms, strictly increasing per tab); the entry's `updatedAt` once saved. */
  stamp: number;
  sessionJson: string;
}

const PREFIX = 'tintype.writeAhead.';

export const writeAheadKey = (photoId: string): string => `${PREFIX}${photoId}`;

/** Stamps that increase even when two changes fall in the same millisecond. */
export function stampClock(now: () => number = Date.now): () => number {
  let last = 0;
  return () => {
    last = Math.max(now(), last + 1);
    return last;
  };
}

/** Stores the copy; throws what localStorage throws (QuotaExceededError when it is full). */
export function putWriteAhead(storage: KeyValueStorage, record: WriteAhead): void {
  storage.setItem(writeAheadKey(record.photoId), JSON.stringify(record));
}

/** The copy stored for `photoId`; null when there is none or it is not a copy of that photo's. */
export function readWriteAhead(storage: KeyValueStorage, photoId: string): WriteAhead | null {
  const text = storage.getItem(writeAheadKey(photoId));
  if (text === null) return null;
  try {
    const record = JSON.parse(text) as Partial<WriteAhead> | null;
    if (
      record?.photoId !== photoId ||
      typeof record.stamp !== 'number' ||
      typeof record.sessionJson !== 'string'
    )
      return null;
    return { photoId, stamp: record.stamp, sessionJson: record.sessionJson };
  } catch {
    return null;
  }
}

/**
 * Removes the copy once the change stamped `stamp` has committed, but only that copy: a newer
 * change (this tab's next one, or another tab's) stays until its own write commits.
 */
export function clearWriteAhead(storage: KeyValueStorage, photoId: string, stamp: number): void {
  if (readWriteAhead(storage, photoId)?.stamp === stamp) storage.removeItem(writeAheadKey(photoId));
}

/** The photo ids that have a stored copy (well-formed or not). */
export function writeAheadIds(storage: KeyValueStorage): string[] {
  const ids: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
  }
  return ids;
}

export type ReplayDecision =
  | { kind: 'replay'; session: Session }
  /** The entry already holds this change or a later one (from this tab or another). */
  | { kind: 'stale' }
  /** The photo was deleted, or the copy's session cannot belong to it or does not parse. */
  | { kind: 'unusable'; reason: string };

/**
 * Whether a stored copy should replace the session of the entry with the same id. The copy's
 * image size must be the photo's: `photoSize` when the photo is decoded, else the size in the
 * entry's session.
 */
export function replayDecision(
  record: WriteAhead,
  entry: LibraryEntry | null,
  photoSize?: { width: number; height: number },
): ReplayDecision {
  if (!entry || entry.id !== record.photoId)
    return { kind: 'unusable', reason: 'its photo is not in the library' };
  if (record.stamp <= entry.updatedAt) return { kind: 'stale' };
  let session: Session;
  try {
    session = parseSession(record.sessionJson);
  } catch (error) {
    return { kind: 'unusable', reason: `its session does not parse (${String(error)})` };
  }
  const image = photoSize ?? (entry.sessionJson === null ? null : storedImage(entry.sessionJson));
  if (image && (image.width !== session.image.width || image.height !== session.image.height))
    return {
      kind: 'unusable',
      reason: `its session is for a ${session.image.width}×${session.image.height} photo, not ${image.width}×${image.height}`,
    };
  return { kind: 'replay', session };
}

/** The stored copy's session when it is newer than the entry's and belongs to its photo. */
export function pendingSession(
  storage: KeyValueStorage | null,
  entry: LibraryEntry,
  photoSize: { width: number; height: number },
): Session | null {
  const record = storage && readWriteAhead(storage, entry.id);
  const decision = record ? replayDecision(record, entry, photoSize) : null;
  return decision?.kind === 'replay' ? decision.session : null;
}

function storedImage(sessionJson: string): Session['image'] | null {
  try {
    return parseSession(sessionJson).image;
  } catch {
    return null;
  }
}
