import { describe, expect, it } from 'vitest';
import { rasterizeHints } from '../../../src/core/raster';
import {
  isSpreadLimited,
  rasterizeOwners,
  SPREAD_FADE,
  spreadWeights,
  withoutSpreadLimited,
} from '../../../src/core/region';
import { emptySession, type Hint, type Session } from '../../../src/core/session';

const W = 32;
const H = 16;
/** Source photo 64×32 (grid = half the size); L* 30 left of grid column 16, 80 right. */
const lStar = Float32Array.from({ length: W * H }, (_, i) => (i % W < 16 ? 30 : 80));
const flat = new Float32Array(W * H).fill(50);

function session(hints: Hint[]): Session {
  return { ...emptySession({ width: 64, height: 32, name: 't.png' }), hints };
}

const point = (x: number, y: number, extra: Partial<Hint> = {}): Hint =>
  ({ kind: 'point', x, y, size: 4, ab: [60, 40], ...extra }) as Hint;

describe('rasterizeOwners', () => {
  it('marks exactly the pixels rasterizeHints marks, with the last hint that drew them', () => {
    const s = session([
      {
        kind: 'stroke',
        points: [
          [4, 4],
          [50, 20],
        ],
        width: 6,
        ab: [10, 10],
      },
      point(20, 10),
      {
        kind: 'erase',
        points: [
          [30, 0],
          [30, 31],
        ],
        width: 4,
      },
      {
        kind: 'stroke',
        points: [
          [0, 28],
          [63, 28],
        ],
        width: 3,
        ab: [-20, 5],
      },
    ]);
    const owners = rasterizeOwners(s, W, H);
    const { mask } = rasterizeHints(s, W, H);
    for (let i = 0; i < mask.length; i++) expect(owners[i] >= 0).toBe(mask[i] === 1);
    expect(owners[5 * W + 10]).toBe(1); // the point, drawn over the first stroke
    expect(owners[14 * W + 5]).toBe(3);
    expect(owners[2 * W + 2]).toBe(0);
  });
});

describe('spreadWeights', () => {
  it('is null when no hint is contained or has a reach (v1/v2 sessions)', () => {
    const s = session([point(10, 10), point(40, 10, { contain: false })]);
    expect(spreadWeights(s, lStar, W, H)).toBeNull();
    expect(withoutSpreadLimited(s).hints).toHaveLength(2);
  });

  it('contain: the whole side of the edge the hint is on, nothing across it', () => {
    const s = session([point(10, 10, { contain: true })]);
    const w = spreadWeights(s, lStar, W, H);
    if (!w) throw new Error('expected weights');
    for (let y = 0; y < H; y++) {
      expect(w[y * W]).toBe(1);
      expect(w[y * W + 15]).toBe(1);
      expect(w[y * W + 16]).toBe(0);
      expect(w[y * W + 31]).toBe(0);
    }
  });

  it('without contain the same hint with a reach crosses the edge, as far as its reach', () => {
    // reach 20 source px = 10 grid px from the point's pixels (grid columns 4–5, rows 4–5).
    const s = session([point(10, 10, { reach: 20 })]);
    const w = spreadWeights(s, lStar, W, H);
    if (!w) throw new Error('expected weights');
    expect(w[4 * W + 15]).toBe(1); // 10 px right of column 5
    expect(w[4 * W + 16]).toBeCloseTo(1 - 1 / SPREAD_FADE, 5);
    expect(w[4 * W + 5 + 10 + SPREAD_FADE + 1]).toBe(0);
  });

  it('contain and reach together: the region, cut at the reach', () => {
    const s = session([point(10, 10, { contain: true, reach: 8 })]);
    const w = spreadWeights(s, flat, W, H);
    if (!w) throw new Error('expected weights');
    expect(w[4 * W + 9]).toBe(1);
    expect(w[4 * W + 15]).toBe(0);
  });

  it('takes the largest weight of several hints and ignores erased pixels', () => {
    const s = session([
      point(10, 10, { contain: true }),
      point(50, 10, { reach: 4 }),
      {
        kind: 'erase',
        points: [
          [50, 10],
          [50, 10],
        ],
        width: 8,
      },
    ]);
    const w = spreadWeights(s, lStar, W, H);
    if (!w) throw new Error('expected weights');
    expect(w[5 * W + 3]).toBe(1);
    expect(w[5 * W + 25]).toBe(0); // the erased reach point colours nothing, so reaches nothing
    expect(isSpreadLimited(s.hints[2])).toBe(false);
    expect(withoutSpreadLimited(s).hints.map((h) => h.kind)).toEqual(['erase']);
  });
});
