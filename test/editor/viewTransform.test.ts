import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitToScreen,
  imageToScreen,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  screenToImage,
  wheelZoomFactor,
  zoomAt,
} from '../../src/editor/view/viewTransform';

describe('view transform', () => {
  it('fits a landscape photo into a viewport, centred, with the margin', () => {
    const v = fitToScreen(2000, 1000, 1048, 648, 24);
    expect(v.scale).toBeCloseTo(0.5);
    expect(v.offsetX).toBeCloseTo(24);
    expect(v.offsetY).toBeCloseTo((648 - 500) / 2);
  });

  it('does not upscale a small photo unless asked', () => {
    expect(fitToScreen(100, 50, 1000, 1000).scale).toBe(1);
    expect(fitToScreen(100, 50, 1048, 1048, 24, true).scale).toBeCloseTo(10);
  });

  it('rejects a zero-sized image with a message naming the argument', () => {
    expect(() => fitToScreen(0, 10, 100, 100)).toThrow(/imageWidth/);
    expect(() => fitToScreen(10, 10, 100, Number.NaN)).toThrow(/viewHeight/);
  });

  it('screenToImage inverts imageToScreen', () => {
    fc.assert(
      fc.property(
        fc.double({ min: MIN_SCALE, max: MAX_SCALE, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        (scale, offsetX, offsetY, x) => {
          const view = { scale, offsetX, offsetY };
          const back = screenToImage(view, imageToScreen(view, { x, y: -x / 2 }));
          expect(back.x).toBeCloseTo(x, 6);
          expect(back.y).toBeCloseTo(-x / 2, 6);
        },
      ),
    );
  });

  it('zoomAt keeps the image point under the anchor fixed', () => {
    const view = { scale: 0.7, offsetX: 13, offsetY: -40 };
    const anchor = { x: 300, y: 220 };
    const before = screenToImage(view, anchor);
    const zoomed = zoomAt(view, 2, anchor);
    expect(zoomed.scale).toBeCloseTo(1.4);
    const after = screenToImage(zoomed, anchor);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  it('zoomAt clamps the scale to the limits', () => {
    expect(zoomAt({ scale: 30, offsetX: 0, offsetY: 0 }, 4, { x: 0, y: 0 }).scale).toBe(MAX_SCALE);
    expect(zoomAt({ scale: 0.03, offsetX: 0, offsetY: 0 }, 0.1, { x: 0, y: 0 }).scale).toBe(
      MIN_SCALE,
    );
  });

  it('panBy moves only the offset', () => {
    expect(panBy({ scale: 2, offsetX: 1, offsetY: 2 }, 10, -5)).toEqual({
      scale: 2,
      offsetX: 11,
      offsetY: -3,
    });
  });

  it('wheel up zooms in, wheel down zooms out, and opposite deltas cancel', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(120) * wheelZoomFactor(-120)).toBeCloseTo(1, 12);
  });
});
