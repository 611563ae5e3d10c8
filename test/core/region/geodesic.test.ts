import { describe, expect, it } from 'vitest';
import { spreadBudget } from '../../../src/core/region';

const W = 24;
const H = 12;
/** L* 30 left of column 12, 80 from it on: one strong vertical edge. */
const edge = Float32Array.from({ length: W * H }, (_, i) => (i % W < 12 ? 30 : 80));
const flat = new Float32Array(W * H).fill(50);

function seedAt(x: number, y: number, budget: number): Float32Array {
  const b = new Float32Array(W * H).fill(Number.NEGATIVE_INFINITY);
  b[y * W + x] = budget;
  return b;
}

describe('spreadBudget', () => {
  it('spends one unit per straight step and √2 per diagonal one on flat lightness', () => {
    const left = spreadBudget(flat, W, H, seedAt(5, 5, 10), { edgeSigma: null, overshoot: 0 });
    expect(left[5 * W + 5]).toBe(10);
    expect(left[5 * W + 8]).toBeCloseTo(7, 5);
    expect(left[8 * W + 8]).toBeCloseTo(10 - 3 * Math.SQRT2, 5);
    // 16 columns away is beyond the budget of 10.
    expect(left[5 * W + 21]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('keeps going until the budget is overshot by `overshoot`, no further', () => {
    const left = spreadBudget(flat, W, H, seedAt(0, 0, 3), { edgeSigma: null, overshoot: 2 });
    expect(left[4]).toBeCloseTo(-1, 5);
    expect(left[5]).toBeCloseTo(-2, 5);
    expect(left[6]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('stops at a strong lightness edge with an edge scale, crosses it without', () => {
    const seed = seedAt(6, 6, 100);
    const edgeAware = spreadBudget(edge, W, H, seed, { edgeSigma: 3, overshoot: 2 });
    const plain = spreadBudget(edge, W, H, seed, { edgeSigma: null, overshoot: 2 });
    for (let y = 0; y < H; y++) {
      expect(edgeAware[y * W + 11]).toBeGreaterThan(90); // the seed's side: nearly all left
      expect(edgeAware[y * W + 12]).toBe(Number.NEGATIVE_INFINITY);
      expect(plain[y * W + 12]).toBeGreaterThan(90);
    }
  });

  it('keeps the largest budget where several seeds arrive', () => {
    const b = seedAt(0, 0, 5);
    b[W - 1] = 20;
    const left = spreadBudget(flat, W, H, b, { edgeSigma: null, overshoot: 0 });
    expect(left[3]).toBeCloseTo(2, 5); // 5 − 3 beats 20 − 20
    expect(left[10]).toBeCloseTo(20 - (W - 11), 5);
  });

  it('names the sizes when the arrays do not fit the grid', () => {
    expect(() =>
      spreadBudget(flat, W + 1, H, seedAt(0, 0, 1), { edgeSigma: null, overshoot: 0 }),
    ).toThrow(/lStar has 288 and budget 288 values, a 25×12 grid needs 300/);
  });
});
