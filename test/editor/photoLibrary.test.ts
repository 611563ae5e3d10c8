import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addHint,
  emptySession,
  parseSession,
  setGlobal,
  setVividness,
} from '../../src/core/session';
import type { Session } from '../../src/core/session/types';
import { photoHash } from '../../src/editor/library/photoHash';
import { LibraryError, PhotoLibrary } from '../../src/editor/library/photoLibrary';

const blob = (...bytes: number[]) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });

function sessionWithHints(name: string, n: number): Session {
  let session = emptySession({ width: 300, height: 200, name });
  for (let i = 0; i < n; i++) {
    session = addHint(session, { kind: 'point', x: 10 + i, y: 20.5, size: 7, ab: [12.5, -i] });
  }
  session = setGlobal(session, { saturation: 0.4, palette: [{ ab: [10, 20], weight: 2 }] });
  return setVividness(session, 0.8);
}

let databases = 0;
const freshLibrary = () => new PhotoLibrary(`library-test-${++databases}`);

afterEach(() => vi.restoreAllMocks());

describe('photo library (IndexedDB)', () => {
  it('keeps every photo with its own session, photo file and thumbnail across reopening', async () => {
    const library = freshLibrary();
    const a = await library.add({
      name: 'a.jpg',
      blob: blob(1, 2, 3),
      hash: 'ha',
      session: sessionWithHints('a', 2),
      thumbnail: blob(9),
    });
    const b = await library.add({
      name: 'b.jpg',
      blob: blob(4, 5),
      hash: 'hb',
      session: sessionWithHints('b', 3),
      thumbnail: null,
    });
    await library.saveSession(a.id, sessionWithHints('a', 5));

    const reopened = new PhotoLibrary(`library-test-${databases}`);
    const { entries, thumbnails } = await reopened.list();
    expect(entries.map((e) => [e.name, e.hintCount])).toEqual(
      expect.arrayContaining([
        ['a.jpg', 5],
        ['b.jpg', 3],
      ]),
    );
    expect(entries).toHaveLength(2);
    const entryA = await reopened.entry(a.id);
    expect(parseSession(entryA?.sessionJson ?? '')).toEqual(sessionWithHints('a', 5));
    const entryB = await reopened.entry(b.id);
    expect(parseSession(entryB?.sessionJson ?? '')).toEqual(sessionWithHints('b', 3));
    expect(new Uint8Array(await ((await reopened.photo(b.id)) as Blob).arrayBuffer())).toEqual(
      new Uint8Array([4, 5]),
    );
    expect([...thumbnails.keys()]).toEqual([a.id]);
  });

  it('remembers the current photo; deleting it removes photo, entry, thumbnail and current', async () => {
    const library = freshLibrary();
    const a = await library.add({
      name: 'a.jpg',
      blob: blob(1),
      hash: null,
      session: null,
      thumbnail: blob(2),
    });
    await library.setCurrent(a.id);
    expect(await library.current()).toBe(a.id);
    await library.remove(a.id);
    expect(await library.current()).toBeNull();
    expect(await library.photo(a.id)).toBeNull();
    expect(await library.entry(a.id)).toBeNull();
    expect((await library.list()).thumbnails.size).toBe(0);
  });

  it('saving the session of a deleted photo is an error, not a silent write', async () => {
    const library = freshLibrary();
    const a = await library.add({
      name: 'a.jpg',
      blob: blob(1),
      hash: null,
      session: null,
      thumbnail: null,
    });
    await library.remove(a.id);
    await expect(library.saveSession(a.id, sessionWithHints('a', 1))).rejects.toMatchObject({
      kind: 'missing',
    });
    expect((await library.list()).entries).toHaveLength(0);
  });

  it('a full disk is a quota LibraryError and writes nothing (photo and entry go together)', async () => {
    const library = freshLibrary();
    await library.add({ name: 'a.jpg', blob: blob(1), hash: null, session: null, thumbnail: null });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'entries') throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await library
      .add({ name: 'b.jpg', blob: blob(2), hash: null, session: null, thumbnail: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({
      kind: 'quota',
      message: "the browser's storage for this site is full",
    });
    vi.restoreAllMocks();
    const { entries } = await library.list();
    expect(entries.map((e) => e.name)).toEqual(['a.jpg']);
  });

  it('photoHash is the SHA-256 of the bytes', async () => {
    expect(await photoHash(new Blob(['abc']))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
