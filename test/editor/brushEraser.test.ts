import { describe, expect, it } from 'vitest';
import { brushTool } from '../../src/editor/tools/brushTool';
import { eraserTool } from '../../src/editor/tools/eraserTool';
import { pointTool } from '../../src/editor/tools/pointTool';
import { harness } from './toolHarness';

describe('brush tool', () => {
  it('a drag paints one stroke with every (spaced) vertex, as one undo entry', () => {
    const h = harness(brushTool);
    h.down(10, 10, [-20, 40], 12);
    h.move(20, 10);
    h.move(20.2, 10); // too close to the last vertex: dropped
    h.move(30, 15);
    h.up(40, 20);
    expect(h.history.present.hints).toEqual([
      {
        kind: 'stroke',
        points: [
          [10, 10],
          [20, 10],
          [30, 15],
          [40, 20],
        ],
        width: 12,
        ab: [-20, 40],
      },
    ]);
    expect(h.ops).toEqual(['mark', 'update', 'update', 'update', 'update', 'commit']);
    h.history.undo();
    expect(h.history.present.hints).toEqual([]);
    h.history.redo();
    expect(h.history.present.hints).toHaveLength(1);
  });

  it('the session updates live while painting (before pointer-up)', () => {
    const h = harness(brushTool);
    h.down(10, 10);
    h.move(50, 10);
    const live = h.history.present.hints[0];
    expect(live.kind === 'stroke' && live.points.length).toBe(2);
  });

  it('cancel removes the stroke in progress and leaves no entry', () => {
    const h = harness(brushTool);
    h.down(10, 10);
    h.move(50, 50);
    h.cancel();
    expect(h.history.present.hints).toEqual([]);
    expect(h.history.canUndo).toBe(false);
  });
});

describe('eraser tool', () => {
  it('adds an erase hint over strokes, one undo entry', () => {
    const h = harness(brushTool);
    h.down(10, 50);
    h.up(190, 50);
    const e = harness(eraserTool, h.history.present);
    e.down(100, 30, undefined, 20);
    e.up(100, 70);
    expect(e.history.present.hints.map((x) => x.kind)).toEqual(['stroke', 'erase']);
    expect(e.history.present.hints[1]).toEqual({
      kind: 'erase',
      points: [
        [100, 30],
        [100, 70],
      ],
      width: 20,
    });
    e.history.undo();
    expect(e.history.present.hints.map((x) => x.kind)).toEqual(['stroke']);
  });

  it('removes the points it passes over, and only those', () => {
    const p = harness(pointTool);
    for (const [x, y] of [
      [20, 20],
      [100, 50],
      [180, 80],
    ]) {
      p.down(x, y);
      p.up(x, y);
    }
    const e = harness(eraserTool, p.history.present);
    e.down(90, 0, undefined, 10);
    e.move(110, 99);
    e.up(110, 99);
    const remaining = e.history.present.hints;
    expect(remaining.map((x) => (x.kind === 'point' ? [x.x, x.y] : x.kind))).toEqual([
      [20, 20],
      [180, 80],
    ]);
  });

  it('cancel restores erased points', () => {
    const p = harness(pointTool);
    p.down(100, 50);
    p.up(100, 50);
    const e = harness(eraserTool, p.history.present);
    e.down(100, 50, undefined, 10);
    expect(e.history.present.hints).toEqual([]);
    e.cancel();
    expect(e.history.present.hints).toHaveLength(1);
  });
});
