import { describe, expect, it } from 'vitest';
import { logitsAt, normalisedEntropy } from '../../src/colorizer/distribution';
import { clusterDistribution } from '../../src/colorizer/suggest';

describe('normalisedEntropy', () => {
  it('is 1 for uniform, ~0 for a sharp peak, always in [0, 1]', () => {
    const q = 5;
    const logits = new Float32Array(3 * q);
    logits[q + 2] = 50; // cell 1: one bin dominates
    for (let i = 0; i < q; i++) logits[2 * q + i] = i; // cell 2: in between
    const h = normalisedEntropy(logits, 3, 1, q);
    expect(h[0]).toBeCloseTo(1, 6);
    expect(h[1]).toBeLessThan(1e-6);
    expect(h[2]).toBeGreaterThan(0.2);
    expect(h[2]).toBeLessThan(0.9);
  });
  it('checks the size', () => {
    expect(() => normalisedEntropy(new Float32Array(7), 2, 1, 4)).toThrow(
      /7 values, expected 2×1×4/,
    );
  });
});

describe('logitsAt', () => {
  it('interpolates bilinearly between cell centres and clamps at borders', () => {
    const q = 1;
    const logits = Float32Array.from([0, 10, 20, 30]); // 2×2
    expect(logitsAt(logits, 2, 2, q, 0.5, 0.5)[0]).toBeCloseTo(0);
    expect(logitsAt(logits, 2, 2, q, 1, 0.5)[0]).toBeCloseTo(5);
    expect(logitsAt(logits, 2, 2, q, 1, 1)[0]).toBeCloseTo(15);
    expect(logitsAt(logits, 2, 2, q, 5, 5)[0]).toBeCloseTo(30);
  });
});

describe('clusterDistribution', () => {
  const bins: [number, number][] = [];
  for (let a = -50; a <= 50; a += 10) for (let b = -50; b <= 50; b += 10) bins.push([a, b]);
  const idx = (a: number, b: number) => bins.findIndex(([x, y]) => x === a && y === b);

  it('finds the modes, sorted, distinct, at most k', () => {
    const p = new Float64Array(bins.length).fill(0.001);
    p[idx(30, 30)] = 0.3;
    p[idx(30, 20)] = 0.1; // same mode as (30, 30)
    p[idx(-40, 10)] = 0.25;
    p[idx(0, -40)] = 0.1;
    const c3 = clusterDistribution(p, bins, 3);
    expect(c3).toHaveLength(3);
    expect(c3[0].ab[0]).toBeCloseTo(30, 0);
    expect(c3[0].ab[1]).toBeGreaterThan(20);
    expect(c3[0].ab[1]).toBeLessThan(30);
    expect(c3[1].ab).toEqual([expect.closeTo(-40, 0), expect.closeTo(10, 0)]);
    for (let i = 1; i < c3.length; i++)
      expect(c3[i].probability).toBeLessThanOrEqual(c3[i - 1].probability);
    for (let i = 0; i < c3.length; i++) {
      for (let j = i + 1; j < c3.length; j++) {
        expect(Math.hypot(c3[i].ab[0] - c3[j].ab[0], c3[i].ab[1] - c3[j].ab[1])).toBeGreaterThan(
          12,
        );
      }
    }
    expect(clusterDistribution(p, bins, 1)).toHaveLength(1);
  });
  it('rejects a bad k', () => {
    expect(() => clusterDistribution([1], [[0, 0]], 0)).toThrow(
      /k must be a positive integer, got 0/,
    );
  });
});
