import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rasterizeHints } from '../../../src/core/raster';
import type { Hint, Xy } from '../../../src/core/session';
import { components8, sessionOf } from './helpers';

/** Random image and target sizes, a scale anywhere from ×0.1 to ×2 per axis. */
const sizesArb = fc.record({
  imageW: fc.integer({ min: 10, max: 300 }),
  imageH: fc.integer({ min: 10, max: 300 }),
  targetW: fc.integer({ min: 4, max: 60 }),
  targetH: fc.integer({ min: 4, max: 60 }),
});

/** Points strictly inside the image, as fractions of its size. */
const fractionArb = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const polylineArb = fc.array(fc.tuple(fractionArb, fractionArb), { minLength: 1, maxLength: 5 });

/**
 * Straightforward reference: every pixel against every hint, the coverage rules as written.
 * Only valid where no sub-pixel rule applies (squares ≥ 1 target px, strokes wide enough).
 */
function referenceMask(imageW: number, imageH: number, hints: Hint[], w: number, h: number) {
  const sx = w / imageW;
  const sy = h / imageH;
  const mask = new Uint8Array(w * h);
  for (const hint of hints) {
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        let inside: boolean;
        if (hint.kind === 'point') {
          const half = hint.size / 2;
          const inX = sx * (hint.x - half) <= j + 0.5 && j + 0.5 < sx * (hint.x + half);
          const inY = sy * (hint.y - half) <= i + 0.5 && i + 0.5 < sy * (hint.y + half);
          inside = inX && inY;
        } else {
          inside = hint.points.some((a, k) => {
            const b = hint.points[Math.min(k + 1, hint.points.length - 1)];
            const u = (j + 0.5) / sx - a[0];
            const v = (i + 0.5) / sy - a[1];
            const dx = b[0] - a[0];
            const dy = b[1] - a[1];
            const length2 = dx * dx + dy * dy;
            const t = Math.max(0, Math.min((u * dx + v * dy) * (length2 > 0 ? 1 / length2 : 0), 1));
            return (u - t * dx) ** 2 + (v - t * dy) ** 2 <= (hint.width / 2) ** 2;
          });
        }
        if (inside) mask[i * w + j] = hint.kind === 'erase' ? 0 : 1;
      }
    }
  }
  return mask;
}

describe('rasterisation properties', () => {
  it('a thin stroke inside the image is one 8-connected line through both end pixels', () => {
    fc.assert(
      fc.property(sizesArb, polylineArb, ({ imageW, imageH, targetW, targetH }, fractions) => {
        const points: Xy[] = fractions.map(([fx, fy]) => [fx * imageW, fy * imageH]);
        const hint: Hint = { kind: 'stroke', points, width: 0.01, ab: [1, 1] };
        const { mask } = rasterizeHints(sessionOf(imageW, imageH, [hint]), targetW, targetH);
        expect(components8(mask, targetW)).toBe(1);
        for (const [x, y] of [points[0], points[points.length - 1]]) {
          const j = Math.floor((x * targetW) / imageW);
          const i = Math.floor((y * targetH) / imageH);
          expect(mask[i * targetW + j]).toBe(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a hint of any size whose centre is inside the image marks at least one pixel', () => {
    fc.assert(
      fc.property(
        sizesArb,
        fractionArb,
        fractionArb,
        fc.double({ min: 1e-6, max: 50, noNaN: true }),
        (s, fx, fy, size) => {
          const x = fx * s.imageW;
          const y = fy * s.imageH;
          const hints: Hint[] = [
            { kind: 'point', x, y, size, ab: [1, 1] },
            { kind: 'stroke', points: [[x, y]], width: size, ab: [1, 1] },
          ];
          for (const hint of hints) {
            const { mask } = rasterizeHints(
              sessionOf(s.imageW, s.imageH, [hint]),
              s.targetW,
              s.targetH,
            );
            expect(mask.some((m) => m === 1)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches a full-scan reference for hints larger than a target pixel, in or out of the image', () => {
    const coordinate = fc.double({ min: -0.5, max: 1.5, noNaN: true });
    fc.assert(
      fc.property(
        sizesArb,
        fc.array(
          fc.record({
            kind: fc.constantFrom('point' as const, 'stroke' as const, 'erase' as const),
            points: fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 4 }),
            extent: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        ({ imageW, imageH, targetW, targetH }, drawn) => {
          // Big enough that neither sub-pixel rule applies: ≥ 1 target px per axis for squares,
          // and a radius beyond the farthest centre of a crossed pixel for strokes.
          const pixel = Math.max(imageW / targetW, imageH / targetH);
          const hints: Hint[] = drawn.map(({ kind, points, extent }) => {
            const scaled: Xy[] = points.map(([fx, fy]) => [fx * imageW, fy * imageH]);
            const size = pixel * (1.5 + 6 * extent);
            if (kind === 'point')
              return { kind, x: scaled[0][0], y: scaled[0][1], size, ab: [1, 1] };
            if (kind === 'erase') return { kind, points: scaled, width: size };
            return { kind, points: scaled, width: size, ab: [1, 1] };
          });
          const { mask } = rasterizeHints(sessionOf(imageW, imageH, hints), targetW, targetH);
          expect(mask).toEqual(referenceMask(imageW, imageH, hints, targetW, targetH));
        },
      ),
      { numRuns: 150 },
    );
  });
});
