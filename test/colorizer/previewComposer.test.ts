import { describe, expect, it } from 'vitest';
import { composeFullRes } from '../../src/colorizer/compose';
import { createPreviewComposer } from '../../src/colorizer/worker/previewComposer';
import { rasterizeHints } from '../../src/core/raster';
import type { Hint } from '../../src/core/session';
import { greyImage, sessionFor } from './helpers';

/** Smooth ab with a colour edge, at the working grid. */
function abGrid(w: number, h: number, shift: number): Float32Array {
  const ab = new Float32Array(w * h * 2);
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) {
      ab[2 * (i * w + j)] = (j < w / 2 ? 30 : -20) + shift + Math.sin(i / 3) * 8;
      ab[2 * (i * w + j) + 1] = 25 - (i * 40) / h + Math.cos(j / 4) * 6;
    }
  return ab;
}

describe('preview composer', () => {
  it('composes byte for byte what composeFullRes does, stroke after stroke, reusing its buffers', () => {
    // An odd size, so no row or axis lines up with the ab grids.
    const image = greyImage(97, 71, (x, y) => 15 + ((x * 3 + y * 5) % 70) + (x > 45 ? 10 : 0));
    const composer = createPreviewComposer(image);
    const strokes: Hint[][] = [
      [],
      [{ kind: 'point', x: 20, y: 15, size: 7, ab: [50, -10] }],
      [
        { kind: 'point', x: 20, y: 15, size: 7, ab: [50, -10] },
        {
          kind: 'stroke',
          points: [
            [5, 60],
            [60, 50],
            [90, 10],
          ],
          width: 7,
          ab: [-30, 45],
        },
      ],
      [{ kind: 'point', x: 80, y: 62, size: 4, ab: [0, 60] }],
    ];
    strokes.forEach((hints, k) => {
      const session = sessionFor(image, hints);
      for (const [w, h] of [
        [13, 10],
        [24, 17],
      ]) {
        const ab = abGrid(w, h, k);
        const want = composeFullRes(image, ab, w, h, 'guided', rasterizeHints(session, 97, 71));
        expect(composer.compose(ab, w, h, session, 'guided')).toEqual(want);
      }
    });
    const session = sessionFor(image, strokes[2]);
    const ab = abGrid(13, 10, 0);
    expect(composer.compose(ab, 13, 10, session, 'bilinear')).toEqual(
      composeFullRes(image, ab, 13, 10, 'bilinear', rasterizeHints(session, 97, 71)),
    );
    expect(() => composer.compose(ab.subarray(2), 13, 10, session, 'guided')).toThrow(/ab has/);
  });

  it('writes into a given array of its size (a spare from the client) with the same bytes', () => {
    const image = greyImage(97, 71, (x, y) => 15 + ((x * 3 + y * 5) % 70));
    const composer = createPreviewComposer(image);
    const session = sessionFor(image, [{ kind: 'point', x: 20, y: 15, size: 7, ab: [50, -10] }]);
    const ab = abGrid(13, 10, 0);
    const want = composer.compose(ab, 13, 10, session, 'guided');
    const spare = new Uint8ClampedArray(97 * 71 * 4).fill(7);
    const got = composer.compose(ab, 13, 10, session, 'guided', spare);
    expect(got).toBe(spare);
    expect(got).toEqual(want);
    // An array of another size is not written to.
    const small = new Uint8ClampedArray(16);
    expect(composer.compose(ab, 13, 10, session, 'guided', small)).not.toBe(small);
  });
});
