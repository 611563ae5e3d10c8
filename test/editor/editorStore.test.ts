import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIVIDNESS,
  emptySession,
  type Session,
  serializeSession,
} from '../../src/core/session';
import { EditorStore } from '../../src/editor/store/editorStore';
import { MAX_RECENT_COLORS } from '../../src/editor/store/settings';

function storeWithPhoto() {
  const store = new EditorStore();
  store.open(emptySession({ width: 400, height: 300, name: 'p' }));
  return store;
}

function click(store: EditorStore, x: number, y: number) {
  store.pointerDown(x, y, 2);
  store.pointerUp(x, y);
}

describe('editor store', () => {
  it('picks hint sizes that suit the photo', () => {
    const store = new EditorStore();
    store.open(emptySession({ width: 4000, height: 3000, name: 'big' }));
    expect(store.getSnapshot().settings.pointSize).toBe(60);
    expect(store.getSnapshot().settings.brushWidth).toBe(40);
  });

  it('undo/redo walk the gestures and keep the selection valid', () => {
    const store = storeWithPhoto();
    click(store, 10, 10);
    click(store, 100, 100);
    expect(store.getSnapshot().selected).toBe(1);
    store.undo();
    expect(store.session?.hints).toHaveLength(1);
    expect(store.getSnapshot().selected).toBeNull();
    expect(store.getSnapshot().canRedo).toBe(true);
    store.redo();
    expect(store.session?.hints).toHaveLength(2);
    expect(store.getSnapshot().canRedo).toBe(false);
  });

  it('clear all is one undoable step', () => {
    const store = storeWithPhoto();
    click(store, 10, 10);
    store.setTool('brush');
    store.pointerDown(50, 50, 2);
    store.pointerMove(80, 60);
    store.pointerUp(90, 70);
    store.clearAll();
    expect(store.session?.hints).toEqual([]);
    store.undo();
    expect(store.session?.hints.map((h) => h.kind)).toEqual(['point', 'stroke']);
  });

  it('delete removes the selected point only', () => {
    const store = storeWithPhoto();
    click(store, 10, 10);
    click(store, 200, 200);
    store.select(0);
    store.deleteSelected();
    expect(store.session?.hints).toMatchObject([{ x: 200, y: 200 }]);
    expect(store.getSnapshot().selected).toBeNull();
    store.deleteSelected(); // nothing selected: no-op, no extra entry
    store.undo();
    expect(store.session?.hints).toHaveLength(2);
  });

  it('colour and size changes apply to the selected point as undo steps', () => {
    const store = storeWithPhoto();
    click(store, 40, 40);
    store.setColor([-40, 50]);
    store.setSize(25);
    expect(store.session?.hints[0]).toMatchObject({ ab: [-40, 50], size: 25 });
    store.undo();
    expect(store.session?.hints[0]).toMatchObject({ ab: [-40, 50], size: 6 });
    store.undo();
    expect(store.session?.hints[0]).toMatchObject({ ab: [18, 28] });
  });

  it('keeps a short list of distinct recent colours, newest first', () => {
    const store = storeWithPhoto();
    for (let i = 0; i < MAX_RECENT_COLORS + 3; i++) store.setColor([i * 5, 0]);
    store.setColor([5.2, 0.1]);
    const recent = store.getSnapshot().settings.recentColors;
    expect(recent).toHaveLength(MAX_RECENT_COLORS);
    expect(recent[0]).toEqual([5.2, 0.1]);
    expect(recent.filter((c) => Math.round(c[0]) === 5)).toHaveLength(1);
  });

  it('switching tools cancels a gesture in progress', () => {
    const store = storeWithPhoto();
    store.setTool('brush');
    store.pointerDown(10, 10, 2);
    store.pointerMove(50, 50);
    store.setTool('point');
    expect(store.session?.hints).toEqual([]);
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('global hints are undoable', () => {
    const store = storeWithPhoto();
    store.setGlobal({ saturation: 0.3 });
    store.setGlobal({ palette: [{ ab: [1, 2], weight: 1 }] });
    expect(store.session?.global).toEqual({
      saturation: 0.3,
      palette: [{ ab: [1, 2], weight: 1 }],
    });
    store.undo();
    expect(store.session?.global.palette).toBeNull();
  });

  it('notifies subscribers with a fresh snapshot', () => {
    const store = storeWithPhoto();
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getSnapshot()));
    store.toggle('hintsVisible');
    expect(seen).toHaveLength(1);
    expect(store.getSnapshot().settings.hintsVisible).toBe(false);
    unsubscribe();
    store.toggle('hintsVisible');
    expect(seen).toHaveLength(1);
  });

  it('select ignores indices that are not points', () => {
    const store = storeWithPhoto();
    store.setTool('brush');
    store.pointerDown(10, 10, 2);
    store.pointerUp(20, 20);
    store.setTool('point');
    store.select(0);
    expect(store.getSnapshot().selected).toBeNull();
    store.select(7);
    expect(store.getSnapshot().selected).toBeNull();
  });
});

describe('slider adjustments', () => {
  it('a size-slider drag on the selected point is one undo step', () => {
    const store = storeWithPhoto();
    click(store, 40, 40);
    store.beginAdjust();
    for (const size of [4, 8, 12, 16]) store.setSize(size);
    store.endAdjust();
    expect(store.session?.hints[0]).toMatchObject({ size: 16 });
    store.undo();
    expect(store.session?.hints[0]).toMatchObject({ size: 6 });
    store.undo();
    expect(store.session?.hints).toEqual([]);
  });

  it('a saturation drag is one undo step', () => {
    const store = storeWithPhoto();
    store.beginAdjust();
    store.setGlobal({ saturation: 0.1 });
    store.setGlobal({ saturation: 0.6 });
    store.endAdjust();
    store.undo();
    expect(store.session?.global.saturation).toBeNull();
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('a vividness drag is one undo step, and the session carries the value', () => {
    const store = storeWithPhoto();
    store.beginAdjust();
    for (const v of [0.6, 0.7, 0.85]) store.setVividness(v);
    expect(store.getSnapshot().inGesture).toBe(true);
    store.endAdjust();
    expect(store.session?.vividness).toBe(0.85);
    expect(store.getSnapshot().inGesture).toBe(false);
    expect(serializeSession(store.session as Session)).toContain('"vividness": 0.85');
    store.undo();
    expect(store.session?.vividness).toBe(DEFAULT_VIVIDNESS);
    expect(store.getSnapshot().canUndo).toBe(false);
    store.redo();
    expect(store.session?.vividness).toBe(0.85);
  });

  it('vividness by keyboard (no press/release): one undo step per change, none for no change', () => {
    const store = storeWithPhoto();
    store.setVividness(0.51);
    store.setVividness(0.52);
    store.setVividness(0.52);
    store.undo();
    expect(store.session?.vividness).toBe(0.51);
    store.undo();
    expect(store.session?.vividness).toBe(DEFAULT_VIVIDNESS);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});
