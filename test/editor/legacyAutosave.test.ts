import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { addHint, DEFAULT_VIVIDNESS, emptySession, parseSession } from '../../src/core/session';
import { migrateLegacyAutosave } from '../../src/editor/library/legacyAutosave';
import { PhotoLibrary } from '../../src/editor/library/photoLibrary';

const photoBlob = () => new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3])], { type: 'image/jpeg' });

let n = 0;
/** A library and an old-style autosave holding `photo` and `session` records as earlier versions wrote them. */
async function setup(session: unknown, photoId = 'a', sessionPhotoId = photoId) {
  n++;
  const legacy = createStore(`legacy-${n}`, 'autosave');
  await set('photo', { id: photoId, name: 'tetons.jpg', blob: photoBlob() }, legacy);
  if (session !== undefined)
    await set('session', { photoId: sessionPhotoId, json: JSON.stringify(session) }, legacy);
  return { legacy, library: new PhotoLibrary(`migrated-${n}`) };
}

const tetons = () =>
  addHint(emptySession({ width: 300, height: 200, name: 'tetons' }), {
    kind: 'point',
    x: 10.25,
    y: 20.5,
    size: 7,
    ab: [12.5, -33.75],
  });

describe('the single-photo autosave of earlier versions moves into the library', () => {
  it('photo, id and every hint arrive; it becomes the current photo; the old records go', async () => {
    const { legacy, library } = await setup(tetons());
    expect(await migrateLegacyAutosave(library, legacy)).toBe('a');
    const entry = await library.entry('a');
    expect(entry?.name).toBe('tetons.jpg');
    expect(parseSession(entry?.sessionJson ?? '')).toEqual(tetons());
    expect(await library.current()).toBe('a');
    expect(new Uint8Array(await ((await library.photo('a')) as Blob).arrayBuffer())).toEqual(
      new Uint8Array([0xff, 0xd8, 1, 2, 3]),
    );
    expect(await get('photo', legacy)).toBeUndefined();
    expect(await get('session', legacy)).toBeUndefined();
    expect(await migrateLegacyAutosave(library, legacy)).toBeNull();
  });

  it('a v1 session (before vividness) is migrated to the current version', async () => {
    const v1 = {
      format: 'tintype-session',
      version: 1,
      image: { width: 3, height: 2, name: 'a' },
      hints: [{ kind: 'point', x: 1, y: 1, size: 2, ab: [10, 20] }],
      global: { saturation: 0.4, palette: null },
    };
    const { legacy, library } = await setup(v1);
    await migrateLegacyAutosave(library, legacy);
    expect(parseSession((await library.entry('a'))?.sessionJson ?? '')).toEqual({
      ...v1,
      version: 3,
      vividness: DEFAULT_VIVIDNESS,
    });
  });

  it('a photo without its session (or with another photo’s) keeps the photo', async () => {
    const { legacy, library } = await setup(tetons(), 'b', 'a');
    await migrateLegacyAutosave(library, legacy);
    const entry = await library.entry('b');
    expect(entry?.name).toBe('tetons.jpg');
    expect(entry?.sessionJson).toBeNull();
  });

  it('interrupted after the copy, a second run keeps the library’s newer session', async () => {
    const { legacy, library } = await setup(tetons());
    await migrateLegacyAutosave(library, legacy);
    const edited = addHint(tetons(), { kind: 'point', x: 1, y: 1, size: 2, ab: [0, 0] });
    await library.saveSession('a', edited);
    await set('photo', { id: 'a', name: 'tetons.jpg', blob: photoBlob() }, legacy); // not cleared
    await set('session', { photoId: 'a', json: JSON.stringify(tetons()) }, legacy);
    await migrateLegacyAutosave(library, legacy);
    expect(parseSession((await library.entry('a'))?.sessionJson ?? '')).toEqual(edited);
    expect(await get('photo', legacy)).toBeUndefined();
  });

  it('does not replace a current photo the library already has', async () => {
    const { legacy, library } = await setup(tetons());
    await library.setCurrent('other');
    await migrateLegacyAutosave(library, legacy);
    expect(await library.current()).toBe('other');
    expect((await library.list()).entries.map((e) => e.id)).toEqual(['a']);
  });
});
