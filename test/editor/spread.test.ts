import { describe, expect, it } from 'vitest';
import { emptySession, serializeSession } from '../../src/core/session';
import { readSessionText } from '../../src/editor/files/sessionFile';
import { scaleSession } from '../../src/editor/photo/scaleSession';
import { EditorStore } from '../../src/editor/store/editorStore';

function storeWithPhoto() {
  const store = new EditorStore();
  store.open(emptySession({ width: 400, height: 300, name: 'p' }));
  return store;
}

function stroke(store: EditorStore) {
  store.setTool('brush');
  store.pointerDown(50, 50, 2);
  store.pointerMove(80, 60);
  store.pointerUp(90, 70);
}

describe('contain and reach in the editor', () => {
  it('new strokes are contained, new points are not (v2-shaped hints)', () => {
    const store = storeWithPhoto();
    store.pointerDown(10, 10, 2);
    store.pointerUp(10, 10);
    stroke(store);
    const [point, brush] = store.session?.hints ?? [];
    expect(point).not.toHaveProperty('contain');
    expect(point).not.toHaveProperty('reach');
    expect(brush).toMatchObject({ kind: 'stroke', contain: true });
    expect(brush).not.toHaveProperty('reach');
  });

  it('the tool options go into the hints the tools make', () => {
    const store = storeWithPhoto();
    store.setSpread({ contain: true, reach: 40 }); // point tool
    store.pointerDown(10, 10, 2);
    store.pointerUp(10, 10);
    store.setTool('brush');
    store.setSpread({ contain: false });
    stroke(store);
    const [point, brush] = store.session?.hints ?? [];
    expect(point).toMatchObject({ contain: true, reach: 40 });
    expect(brush).not.toHaveProperty('contain');
    expect(store.spreadFor('brush')).toEqual({});
    expect(store.spreadFor('point')).toEqual({ contain: true, reach: 40 });
  });

  it("changing a selected point's contain / reach is one undo step", () => {
    const store = storeWithPhoto();
    store.pointerDown(10, 10, 2);
    store.pointerUp(10, 10);
    expect(store.getSnapshot().selected).toBe(0);
    store.setSpread({ contain: true, reach: 25 });
    expect(store.session?.hints[0]).toMatchObject({ contain: true, reach: 25 });
    expect(store.spreadFor('point')).toEqual({ contain: true, reach: 25 });
    store.setSpread({ contain: true });
    expect(store.session?.hints[0]).not.toHaveProperty('reach');
    store.undo();
    expect(store.session?.hints[0]).toMatchObject({ contain: true, reach: 25 });
    store.undo();
    expect(store.session?.hints[0]).not.toHaveProperty('contain');
    expect(store.session?.hints).toHaveLength(1);
  });

  it('round-trips through the session file', () => {
    const store = storeWithPhoto();
    store.setSpread({ reach: 30 });
    store.pointerDown(10, 10, 2);
    store.pointerUp(10, 10);
    stroke(store);
    const session = store.session;
    if (!session) throw new Error('no session');
    const read = readSessionText(serializeSession(session), 'p.tintype.json', session.image);
    if (!('session' in read) || !read.session) throw new Error('session did not read back');
    expect(read.session.hints).toEqual(session.hints);
    expect(read.session.hints[0]).toMatchObject({ reach: 30 });
    expect(read.session.hints[1]).toMatchObject({ contain: true });
  });
});

describe('scaleSession', () => {
  it('scales a reach with the photo, as it scales sizes', () => {
    const session = {
      ...emptySession({ width: 400, height: 300, name: 'p' }),
      hints: [
        {
          kind: 'point' as const,
          x: 10,
          y: 10,
          size: 8,
          ab: [1, 2] as [number, number],
          reach: 40,
        },
        {
          kind: 'stroke' as const,
          points: [[1, 1]] as [number, number][],
          width: 8,
          ab: [1, 2] as [number, number],
          contain: true,
        },
      ],
    };
    const half = scaleSession(session, 200, 150);
    expect(half.hints[0]).toMatchObject({ reach: 20, size: 4 });
    expect(half.hints[1]).toMatchObject({ contain: true, width: 4 });
    expect(half.hints[1]).not.toHaveProperty('reach');
  });
});
