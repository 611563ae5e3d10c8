import { describe, expect, it } from 'vitest';
import { kmeansAb } from '../../src/core/color/kmeansAb';

function samples(groups: [number, number, number][]): Float32Array {
  const out: number[] = [];
  for (const [a, b, count] of groups) {
    for (let i = 0; i < count; i++) out.push(a + ((i % 3) - 1), b + ((i % 5) - 2) * 0.5);
  }
  return new Float32Array(out);
}

describe('kmeansAb', () => {
  it('finds well separated colour groups with their shares, heaviest first', () => {
    const clusters = kmeansAb(
      samples([
        [40, 30, 60],
        [-30, -40, 30],
        [0, 60, 10],
      ]),
      3,
    );
    expect(clusters).toHaveLength(3);
    expect(clusters[0].ab[0]).toBeCloseTo(40, 0);
    expect(clusters[0].ab[1]).toBeCloseTo(30, 0);
    expect(clusters[0].weight).toBeCloseTo(0.6);
    expect(clusters[1].ab[0]).toBeCloseTo(-30, 0);
    expect(clusters[2].weight).toBeCloseTo(0.1);
  });

  it('returns fewer clusters when there are fewer distinct colours than k', () => {
    const clusters = kmeansAb(new Float32Array([5, 5, 5, 5, 5, 5]), 8);
    expect(clusters).toEqual([{ ab: [5, 5], weight: 1 }]);
  });

  it('weights sum to one', () => {
    const clusters = kmeansAb(
      samples([
        [10, 10, 7],
        [20, -50, 13],
        [-60, 0, 5],
        [0, 0, 9],
      ]),
      12,
    );
    expect(clusters.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 10);
  });

  it('rejects bad input with the argument name', () => {
    expect(() => kmeansAb(new Float32Array(3), 2)).toThrow(/ab: expected an even length/);
    expect(() => kmeansAb(new Float32Array(2), 0)).toThrow(/k: expected an integer/);
    expect(kmeansAb(new Float32Array(0), 4)).toEqual([]);
  });
});
