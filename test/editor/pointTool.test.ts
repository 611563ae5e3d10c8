import { describe, expect, it } from 'vitest';
import { pointTool } from '../../src/editor/tools/pointTool';
import { harness } from './toolHarness';

describe('point tool', () => {
  it('a click adds one point of the current colour and size, as one undo entry', () => {
    const h = harness(pointTool);
    h.down(50, 40, [30, 10], 8);
    h.up(50, 40);
    expect(h.history.present.hints).toEqual([
      { kind: 'point', x: 50, y: 40, size: 8, ab: [30, 10] },
    ]);
    expect(h.selected).toBe(0);
    expect(h.ops).toEqual(['mark', 'update', 'commit']);
    expect(h.history.undo()).toBe(true);
    expect(h.history.present.hints).toEqual([]);
    expect(h.history.canUndo).toBe(false);
  });

  it('dragging an existing point moves it; one undo entry restores it', () => {
    const h = harness(pointTool);
    h.down(50, 40);
    h.up(50, 40);
    h.down(51, 41); // grabs near the centre: within size/2 + tolerance
    expect(h.selected).toBe(0);
    h.move(60, 45);
    h.move(71, 61);
    h.up(71, 61);
    expect(h.history.present.hints).toHaveLength(1);
    expect(h.history.present.hints[0]).toMatchObject({ x: 70, y: 60 });
    h.history.undo();
    expect(h.history.present.hints[0]).toMatchObject({ x: 50, y: 40 });
  });

  it('clicking an existing point without moving selects it and adds no entry', () => {
    const h = harness(pointTool);
    h.down(20, 20);
    h.up(20, 20);
    h.down(120, 50);
    h.up(120, 50);
    expect(h.selected).toBe(1);
    const before = h.history.present;
    h.down(20, 20);
    h.up(20, 20);
    expect(h.selected).toBe(0);
    expect(h.history.present).toBe(before);
    expect(h.ops.slice(-2)).toEqual(['mark', 'rollback']);
  });

  it('cancel during an add removes the new point and clears the selection', () => {
    const h = harness(pointTool);
    h.down(30, 30);
    h.move(35, 30);
    h.cancel();
    expect(h.history.present.hints).toEqual([]);
    expect(h.selected).toBeNull();
    expect(h.history.canUndo).toBe(false);
  });

  it('cancel during a move puts the point back', () => {
    const h = harness(pointTool);
    h.down(30, 30);
    h.up(30, 30);
    h.down(30, 30);
    h.move(90, 90);
    h.cancel();
    expect(h.history.present.hints[0]).toMatchObject({ x: 30, y: 30 });
    expect(h.selected).toBe(0);
  });

  it('keeps a dragged point inside the image', () => {
    const h = harness(pointTool);
    h.down(190, 90);
    h.move(500, -40);
    h.up(500, -40);
    expect(h.history.present.hints[0]).toMatchObject({ x: 200, y: 0 });
  });

  it('grabs the topmost of two overlapping points', () => {
    const h = harness(pointTool);
    h.down(50, 50);
    h.up(50, 50);
    h.down(120, 50);
    h.move(53, 50); // drags the new point over the first one
    h.up(53, 50);
    h.down(52, 50);
    expect(h.selected).toBe(1);
  });

  it('move and up without a press do nothing', () => {
    const h = harness(pointTool);
    h.move(10, 10);
    h.up(10, 10);
    h.cancel();
    expect(h.ops).toEqual([]);
  });
});
