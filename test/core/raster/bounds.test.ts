import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rasterizeHints } from '../../../src/core/raster';
import type { Grid } from '../../../src/core/raster/grid';
import { OcclusionPainter } from '../../../src/core/raster/occlusion';
import { drawHints, type HintRaster } from '../../../src/core/raster/rasterize';
import type { Hint } from '../../../src/core/session';
import { drawMask, sessionOf } from './helpers';

const W = 12;
const H = 8;

function rows(hints: Hint[]) {
  return drawMask(rasterizeHints(sessionOf(W, H, hints), W, H).mask, W);
}

describe('geometry at the edges of the number line', () => {
  it.each([1e20, 1e300, 1.7e308])(
    'a width-3 stroke out to ±%d covers four rows, not the image',
    (far) => {
      const band = rows([
        {
          kind: 'stroke',
          points: [
            [-far, 4],
            [far, 4],
          ],
          width: 3,
          ab: [1, 1],
        },
      ]);
      expect(band).toEqual(
        Array.from({ length: H }, (_, i) => (i >= 2 && i <= 5 ? '#'.repeat(W) : '.'.repeat(W))),
      );
      const diagonal = rows([
        {
          kind: 'stroke',
          points: [
            [-far, -far],
            [far, far],
          ],
          width: 3,
          ab: [1, 1],
        },
      ]);
      expect(diagonal.join('').split('#').length - 1).toBeLessThan((W * H) / 2);
    },
  );

  it('a non-finite coordinate or width paints nothing instead of everything', () => {
    const bad: Hint[] = [
      {
        kind: 'stroke',
        points: [
          [Number.NaN, 4],
          [5, 4],
        ],
        width: 3,
        ab: [1, 1],
      },
      {
        kind: 'stroke',
        points: [
          [1, 1],
          [5, 4],
        ],
        width: Number.NaN,
        ab: [1, 1],
      },
      {
        kind: 'stroke',
        points: [
          [Number.POSITIVE_INFINITY, 4],
          [5, 4],
        ],
        width: 3,
        ab: [1, 1],
      },
      { kind: 'point', x: Number.NaN, y: 2, size: 4, ab: [1, 1] },
    ];
    for (const hint of bad) expect(rows([hint]).join('')).not.toContain('#');
  });
});

describe('cost bounded by the raster', () => {
  it('the occlusion painter writes each pixel once however many runs cover it', () => {
    const pixels = 50;
    const occlusion = new OcclusionPainter(pixels);
    let written = 0;
    const seen = new Set<number>();
    const count = occlusion.wrap((first, last) => {
      for (let i = first; i <= last; i++) {
        expect(seen.has(i)).toBe(false);
        seen.add(i);
      }
      written += last - first + 1;
    });
    for (let k = 0; k < 1000; k++) count(k % 7, pixels - 1 - (k % 5));
    expect(written).toBe(pixels);
  });

  const coordinate = fc.double({ min: -5, max: 20, noNaN: true });
  const hintArb: fc.Arbitrary<Hint> = fc.oneof(
    fc.record({
      kind: fc.constant('point' as const),
      x: coordinate,
      y: coordinate,
      size: fc.double({ min: 0.01, max: 30, noNaN: true }),
      ab: fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })),
    }),
    fc
      .record({
        kind: fc.constantFrom('stroke' as const, 'erase' as const),
        points: fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 4 }),
        width: fc.double({ min: 0.01, max: 30, noNaN: true }),
        ab: fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })),
      })
      .map(
        (h): Hint => (h.kind === 'erase' ? { kind: 'erase', points: h.points, width: h.width } : h),
      ),
  );

  it('drawing last-first with occlusion gives the same raster as first-to-last', () => {
    fc.assert(
      fc.property(
        fc.array(hintArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 3, max: 20 }),
        fc.integer({ min: 3, max: 20 }),
        (hints, w, h) => {
          const grid: Grid = { width: w, height: h, sx: w / W, sy: h / H };
          const make = (): HintRaster => ({
            ab: new Float32Array(w * h * 2),
            mask: new Uint8Array(w * h),
          });
          const forward = make();
          const lastFirst = make();
          drawHints(forward, grid, hints, false);
          drawHints(lastFirst, grid, hints, true);
          expect(lastFirst.mask).toEqual(forward.mask);
          expect(lastFirst.ab).toEqual(forward.ab);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('thousands of photo-covering hints still draw the last one on top', () => {
    const hints: Hint[] = Array.from({ length: 5000 }, (_, k) => ({
      kind: 'point',
      x: W / 2,
      y: H / 2,
      size: 100,
      ab: [k % 100, -(k % 50)],
    }));
    const { ab, mask } = rasterizeHints(sessionOf(W, H, hints), W, H);
    expect(mask.every((m) => m === 1)).toBe(true);
    expect([ab[0], ab[1]]).toEqual([4999 % 100, -(4999 % 50)]);
  });
});
