import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  addHint,
  DEFAULT_VIVIDNESS,
  emptySession,
  setGlobal,
  setVividness,
} from '../../src/core/session';
import { Autosave } from '../../src/editor/store/autosave';

const photoBlob = () => new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3])], { type: 'image/jpeg' });

describe('autosave (IndexedDB)', () => {
  it('restores the photo and every hint exactly', async () => {
    const autosave = new Autosave('t1');
    let session = emptySession({ width: 300, height: 200, name: 'tetons' });
    session = addHint(session, { kind: 'point', x: 10.25, y: 20.5, size: 7, ab: [12.5, -33.75] });
    session = addHint(session, {
      kind: 'stroke',
      points: [
        [1, 2],
        [3, 4],
      ],
      width: 9,
      ab: [-5, 6],
    });
    session = addHint(session, { kind: 'erase', points: [[2, 2]], width: 4 });
    session = setGlobal(session, { saturation: 0.4, palette: [{ ab: [10, 20], weight: 2 }] });
    session = setVividness(session, 0.8);
    await autosave.savePhoto({ id: 'a', name: 'tetons.jpg', blob: photoBlob() });
    await autosave.saveSession('a', session);
    const restored = await new Autosave('t1').restore();
    expect(restored?.photo.name).toBe('tetons.jpg');
    expect(restored?.photo.id).toBe('a');
    expect(restored?.session).toEqual(session);
  });

  it('restores an autosave written before vividness existed (session v1)', async () => {
    const autosave = new Autosave('t5');
    await autosave.savePhoto({ id: 'a', name: 'a.jpg', blob: photoBlob() });
    const v1 = {
      format: 'tintype-session',
      version: 1,
      image: { width: 3, height: 2, name: 'a' },
      hints: [{ kind: 'point', x: 1, y: 1, size: 2, ab: [10, 20] }],
      global: { saturation: 0.4, palette: null },
    };
    // The record layout the autosave has always written: the photo id and the session JSON.
    await set('session', { photoId: 'a', json: JSON.stringify(v1) }, createStore('t5', 'autosave'));
    const restored = await autosave.restore();
    expect(restored?.session).toEqual({ ...v1, version: 3, vividness: DEFAULT_VIVIDNESS });
  });

  it('a new photo drops the old session', async () => {
    const autosave = new Autosave('t2');
    await autosave.savePhoto({ id: 'a', name: 'a.jpg', blob: photoBlob() });
    await autosave.saveSession('a', emptySession({ width: 3, height: 2, name: 'a' }));
    await autosave.savePhoto({ id: 'b', name: 'b.jpg', blob: photoBlob() });
    const restored = await autosave.restore();
    expect(restored?.photo.id).toBe('b');
    expect(restored?.session).toBeNull();
  });

  it('a session saved for another photo is not applied', async () => {
    const autosave = new Autosave('t3');
    await autosave.savePhoto({ id: 'b', name: 'b.jpg', blob: photoBlob() });
    await autosave.saveSession('a', emptySession({ width: 3, height: 2, name: 'a' }));
    expect((await autosave.restore())?.session).toBeNull();
  });

  it('nothing saved → null; clear forgets everything', async () => {
    const autosave = new Autosave('t4');
    expect(await autosave.restore()).toBeNull();
    await autosave.savePhoto({ id: 'a', name: 'a.jpg', blob: photoBlob() });
    await autosave.clear();
    expect(await autosave.restore()).toBeNull();
  });
});
