import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addHint, emptySession, parseSession, serializeSession } from '../../src/core/session';
import type { Session } from '../../src/core/session/types';
import { copyAhead } from '../../src/editor/hooks/copyAhead';
import { type LibraryEntry, PhotoLibrary } from '../../src/editor/library/photoLibrary';
import { replayWriteAheads } from '../../src/editor/library/replayWriteAhead';
import {
  clearWriteAhead,
  pendingSession,
  putWriteAhead,
  readWriteAhead,
  replayDecision,
  stampClock,
  writeAheadIds,
  writeAheadKey,
} from '../../src/editor/library/writeAhead';
import { memoryStorage } from './memoryStorage';

function withPoints(n: number, width = 300, height = 200): Session {
  let session = emptySession({ width, height, name: 'p' });
  for (let i = 0; i < n; i++)
    session = addHint(session, { kind: 'point', x: 10 + i, y: 20, size: 7, ab: [10, -i] });
  return session;
}

const copy = (photoId: string, stamp: number, session: Session) => ({
  photoId,
  stamp,
  sessionJson: serializeSession(session),
});

function entry(id: string, updatedAt: number, session: Session | null): LibraryEntry {
  return {
    id,
    name: `${id}.png`,
    hash: null,
    sessionJson: session ? serializeSession(session) : null,
    hintCount: session?.hints.length ?? 0,
    addedAt: 0,
    updatedAt,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('write-ahead copies of the session', () => {
  it('stamps increase strictly, also within one millisecond', () => {
    const next = stampClock(() => 1000);
    expect([next(), next(), next()]).toEqual([1000, 1001, 1002]);
  });

  it('a commit clears only its own copy: a newer change (this tab or another) stays', () => {
    const storage = memoryStorage();
    putWriteAhead(storage, copy('a', 10, withPoints(1)));
    putWriteAhead(storage, copy('a', 11, withPoints(2)));
    clearWriteAhead(storage, 'a', 10); // the write of the change stamped 10 committed
    expect(readWriteAhead(storage, 'a')?.stamp).toBe(11);
    clearWriteAhead(storage, 'a', 11);
    expect(readWriteAhead(storage, 'a')).toBeNull();
    expect(writeAheadIds(storage)).toEqual([]);
  });

  it('a malformed copy, or one filed under another photo’s id, is no copy of this photo', () => {
    const storage = memoryStorage();
    storage.setItem(writeAheadKey('a'), '{not json');
    storage.setItem(writeAheadKey('b'), JSON.stringify(copy('c', 5, withPoints(1))));
    expect(readWriteAhead(storage, 'a')).toBeNull();
    expect(readWriteAhead(storage, 'b')).toBeNull();
    expect(writeAheadIds(storage).sort()).toEqual(['a', 'b']);
  });

  it('replays only a copy newer than its entry, for the same photo at the same size', () => {
    const newer = copy('a', 20, withPoints(3));
    expect(replayDecision(newer, entry('a', 10, withPoints(2)))).toEqual({
      kind: 'replay',
      session: withPoints(3),
    });
    // Another tab's change reached the entry after this copy was made: the copy is stale.
    expect(replayDecision(newer, entry('a', 20, withPoints(1))).kind).toBe('stale');
    expect(replayDecision(newer, entry('a', 25, withPoints(1))).kind).toBe('stale');
    expect(replayDecision(newer, null).kind).toBe('unusable');
    expect(replayDecision(newer, entry('b', 10, withPoints(2))).kind).toBe('unusable');
    const otherSize = replayDecision(newer, entry('a', 10, withPoints(2, 200, 300)));
    expect(otherSize).toMatchObject({ kind: 'unusable', reason: /300×200 photo, not 200×300/ });
    // With the photo decoded, its size decides (also for an entry that never had a session).
    expect(replayDecision(newer, entry('a', 10, null), { width: 300, height: 200 }).kind).toBe(
      'replay',
    );
    expect(replayDecision(newer, entry('a', 10, null), { width: 30, height: 20 }).kind).toBe(
      'unusable',
    );
    const damaged = { ...newer, sessionJson: '{"format":"tintype-session"}' };
    expect(replayDecision(damaged, entry('a', 10, null)).kind).toBe('unusable');
  });

  it('opening a photo prefers its newer copy', () => {
    const storage = memoryStorage();
    const size = { width: 300, height: 200 };
    expect(pendingSession(storage, entry('a', 10, withPoints(1)), size)).toBeNull();
    putWriteAhead(storage, copy('a', 20, withPoints(4)));
    expect(pendingSession(storage, entry('a', 10, withPoints(1)), size)).toEqual(withPoints(4));
    expect(pendingSession(storage, entry('a', 30, withPoints(1)), size)).toBeNull();
    expect(pendingSession(null, entry('a', 10, withPoints(1)), size)).toBeNull();
  });

  it('says so when the browser refuses the copy (storage full), and stores it otherwise', () => {
    const storage = memoryStorage();
    expect(copyAhead(storage, copy('a', 1, withPoints(1)), 'photo')).toBeNull();
    expect(readWriteAhead(storage, 'a')?.stamp).toBe(1);
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    expect(copyAhead(storage, copy('a', 2, withPoints(2)), 'photo')).toMatch(
      /latest change to “photo” \(its local storage is full\).*wait a moment before reloading/,
    );
    expect(copyAhead(null, copy('a', 3, withPoints(2)), 'photo')).toMatch(
      /does not allow local storage/,
    );
  });
});

let databases = 0;
const blob = () => new Blob([new Uint8Array([1, 2])], { type: 'image/png' });

describe('replaying write-ahead copies on load', () => {
  async function libraryWith(sessions: Record<string, Session>) {
    const library = new PhotoLibrary(`write-ahead-test-${++databases}`);
    for (const [id, session] of Object.entries(sessions))
      await library.add({
        id,
        name: `${id}.png`,
        blob: blob(),
        hash: null,
        session,
        thumbnail: null,
      });
    return library;
  }

  it('writes newer copies into their entries and removes every copy it settled', async () => {
    const library = await libraryWith({ a: withPoints(1), b: withPoints(2) });
    const storage = memoryStorage();
    const now = Date.now();
    putWriteAhead(storage, copy('a', now + 1000, withPoints(5))); // lost with a reload
    putWriteAhead(storage, copy('b', now - 1000, withPoints(9))); // older than b's entry
    putWriteAhead(storage, copy('gone', now + 1000, withPoints(9))); // photo deleted
    storage.setItem(writeAheadKey('junk'), 'x');
    storage.setItem('tintype.firstRunGuide', 'done');

    expect(await replayWriteAheads(library, storage)).toBeNull();
    const a = await library.entry('a');
    expect(parseSession(a?.sessionJson ?? '')).toEqual(withPoints(5));
    expect(a?.updatedAt).toBe(now + 1000);
    expect(a?.hintCount).toBe(5);
    expect(parseSession((await library.entry('b'))?.sessionJson ?? '')).toEqual(withPoints(2));
    expect(await library.entry('gone')).toBeNull();
    expect([...storage.items.keys()]).toEqual(['tintype.firstRunGuide']);
    // Replayed once: a second load finds nothing to do.
    expect(await replayWriteAheads(library, storage)).toBeNull();
    expect(parseSession((await library.entry('a'))?.sessionJson ?? '')).toEqual(withPoints(5));
  });

  it('keeps a copy whose write fails, and returns the failure', async () => {
    const library = await libraryWith({ a: withPoints(1) });
    const storage = memoryStorage();
    putWriteAhead(storage, copy('a', Date.now() + 1000, withPoints(3)));
    const full = new DOMException('full', 'QuotaExceededError');
    vi.spyOn(library, 'saveSession').mockRejectedValue(full);
    expect(await replayWriteAheads(library, storage)).toBe(full);
    expect(readWriteAhead(storage, 'a')?.sessionJson).toBe(serializeSession(withPoints(3)));
  });
});
