import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../src/core/raster/grid';
import { drawHints, type HintRaster } from '../../../src/core/raster/rasterize';
import type { Hint, Xy } from '../../../src/core/session';

/** An editing session as the editor makes them: a photo, then clicks and brush strokes on it. */
const sessionArb = fc
  .record({
    imageW: fc.integer({ min: 200, max: 4000 }),
    imageH: fc.integer({ min: 200, max: 4000 }),
    targetW: fc.integer({ min: 128, max: 1024 }),
    targetH: fc.integer({ min: 128, max: 1024 }),
  })
  .chain((size) => {
    // Fractions of the photo, a little past its edges as a brush can go.
    const at = fc.double({ min: -0.05, max: 1.05, noNaN: true });
    const ab = fc.tuple(fc.double({ min: -110, max: 110 }), fc.double({ min: -110, max: 110 }));
    const point = fc.record({ x: at, y: at, size: fc.double({ min: 1, max: 40 }), ab });
    const stroke = fc.record({
      start: fc.tuple(at, at),
      // Brush movement between samples, in photo px.
      steps: fc.array(
        fc.tuple(fc.double({ min: -12, max: 12 }), fc.double({ min: -12, max: 12 })),
        {
          minLength: 10,
          maxLength: 300,
        },
      ),
      width: fc.double({ min: 2, max: 60 }),
      ab,
      erase: fc.boolean(),
    });
    const hint = fc.oneof(
      point.map((p): Hint => ({ kind: 'point', ...p, x: p.x * size.imageW, y: p.y * size.imageH })),
      stroke.map((s): Hint => {
        const points: Xy[] = [[s.start[0] * size.imageW, s.start[1] * size.imageH]];
        for (const [dx, dy] of s.steps) {
          const [x, y] = points[points.length - 1];
          points.push([x + dx, y + dy]);
        }
        if (s.erase) return { kind: 'erase', points, width: s.width };
        return { kind: 'stroke', points, width: s.width, ab: s.ab };
      }),
    );
    return fc.record({
      size: fc.constant(size),
      hints: fc.array(hint, { minLength: 1, maxLength: 8 }),
    });
  });

describe('shortcuts for ordinary strokes', () => {
  it('give the same raster as the general path on editor-like sessions', () => {
    fc.assert(
      fc.property(sessionArb, ({ size, hints }) => {
        const { targetW: w, targetH: h } = size;
        const grid: Grid = { width: w, height: h, sx: w / size.imageW, sy: h / size.imageH };
        const make = (): HintRaster => ({
          ab: new Float32Array(w * h * 2),
          mask: new Uint8Array(w * h),
        });
        const fast = make();
        const careful = make();
        drawHints(fast, grid, hints, false);
        drawHints(careful, grid, hints, false, true);
        // First differing index (-1: none); toEqual on megapixel arrays takes seconds.
        expect(fast.mask.findIndex((m, i) => m !== careful.mask[i])).toBe(-1);
        expect(fast.ab.findIndex((v, i) => !Object.is(v, careful.ab[i]))).toBe(-1);
      }),
      { numRuns: 40 },
    );
  });
});
