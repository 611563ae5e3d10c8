import { describe, expect, it } from 'vitest';
import { createCanvasRing, KEPT_SIZES } from '../../src/editor/photo/canvasRing';

/** Stand-ins for canvases: what was made, and of which size. */
function fakeRing() {
  const made: { width: number; height: number; n: number }[] = [];
  const ring = createCanvasRing((width, height) => {
    const canvas = { width, height, n: made.length };
    made.push(canvas);
    return canvas;
  });
  return { ring, made };
}

describe('preview canvas ring', () => {
  it('hands out two canvases of a size in turn, never the one handed out last', () => {
    const { ring, made } = fakeRing();
    const seq = Array.from({ length: 6 }, () => ring.next(40, 30));
    expect(made).toHaveLength(2);
    expect(seq.map((c) => c.n)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('keeps the sizes used most recently and makes new canvases for others', () => {
    const { ring, made } = fakeRing();
    const full = [ring.next(40, 30), ring.next(40, 30)];
    const half = [ring.next(20, 15), ring.next(20, 15)];
    expect(half.every((c) => c.width === 20 && c.height === 15)).toBe(true);
    // Back to the full size after a stroke: its canvases are still there.
    expect(full).toContain(ring.next(40, 30));
    expect(made).toHaveLength(4);
    // A third size (a zoom) drops the size used least recently: here the half size.
    expect(KEPT_SIZES).toBe(2);
    ring.next(80, 60);
    expect(full).toContain(ring.next(40, 30));
    expect(half).not.toContain(ring.next(20, 15));
  });

  it('clear() drops every canvas (another photo)', () => {
    const { ring, made } = fakeRing();
    ring.next(40, 30);
    ring.clear();
    ring.next(40, 30);
    expect(made).toHaveLength(2);
  });
});
