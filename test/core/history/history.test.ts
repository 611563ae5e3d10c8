import { describe, expect, it } from 'vitest';
import { History } from '../../../src/core/history';
import { addHint, emptySession, type Session } from '../../../src/core/session';

describe('History: one entry per gesture', () => {
  it('mark → update… → commit makes one entry; undo returns to the marked state', () => {
    const history = new History('a');
    history.mark();
    history.update('ab');
    history.update('abc');
    expect(history.present).toBe('abc');
    expect(history.commit('stroke')).toBe(true);
    expect(history.size).toBe(1);
    expect(history.undoLabel).toBe('stroke');
    expect(history.undo()).toBe(true);
    expect(history.present).toBe('a');
    expect(history.redoLabel).toBe('stroke');
    expect(history.redo()).toBe(true);
    expect(history.present).toBe('abc');
    expect(history.canRedo).toBe(false);
  });

  it('a gesture that changed nothing adds no entry', () => {
    const history = new History(1);
    history.mark();
    history.update(2);
    history.update(1);
    expect(history.commit()).toBe(false);
    expect(history.canUndo).toBe(false);
  });

  it('rollback cancels the gesture without an entry', () => {
    const history = new History('a');
    history.push('b');
    history.mark();
    history.update('bx');
    history.rollback();
    expect(history.present).toBe('b');
    expect(history.inGesture).toBe(false);
    expect(history.size).toBe(1);
  });

  it('push is a one-shot entry and discards the redo branch', () => {
    const history = new History('a');
    history.push('b', 'clear');
    history.push('c');
    history.undo();
    expect(history.canRedo).toBe(true);
    expect(history.push('d')).toBe(true);
    expect(history.canRedo).toBe(false);
    expect(history.push('d')).toBe(false); // no change, no entry
    history.undo();
    expect(history.present).toBe('b');
  });

  it('undo during a gesture commits it first, so redo can restore it', () => {
    const history = new History('a');
    history.mark();
    history.update('a+');
    expect(history.canUndo).toBe(true);
    history.undo();
    expect(history.present).toBe('a');
    history.redo();
    expect(history.present).toBe('a+');
  });

  it('a second mark (lost pointer-up) keeps the first gesture as its own step', () => {
    const history = new History(0);
    history.mark();
    history.update(1);
    history.mark();
    history.update(2);
    history.commit();
    history.undo();
    expect(history.present).toBe(1);
    history.undo();
    expect(history.present).toBe(0);
  });

  it('commit and rollback without a gesture do nothing; update without one is an error', () => {
    const history = new History('a');
    expect(history.commit()).toBe(false);
    history.rollback();
    expect(history.present).toBe('a');
    expect(() => history.update('b')).toThrow('no gesture in progress');
    expect(history.undo()).toBe(false);
    expect(history.redo()).toBe(false);
  });

  it('drops the oldest entries beyond maxEntries', () => {
    const history = new History(0, { maxEntries: 3 });
    for (let n = 1; n <= 5; n++) history.push(n);
    expect(history.size).toBe(3);
    while (history.undo());
    expect(history.present).toBe(2);
    expect(() => new History(0, { maxEntries: 0 })).toThrow(
      'maxEntries must be a positive integer',
    );
  });

  it('holds sessions by reference: entries share unchanged parts', () => {
    const start = emptySession({ width: 4, height: 4, name: 's' });
    const history = new History<Session>(start);
    const next = addHint(start, { kind: 'point', x: 1, y: 1, size: 1, ab: [1, 1] });
    history.push(next);
    history.undo();
    expect(history.present).toBe(start);
    history.redo();
    expect(history.present).toBe(next);
    expect(history.present.image).toBe(start.image);
  });

  it('uses a custom equality to ignore value-equal states', () => {
    const history = new History({ n: 1 }, { equals: (a, b) => a.n === b.n });
    history.mark();
    history.update({ n: 1 });
    expect(history.commit()).toBe(false);
  });
});
