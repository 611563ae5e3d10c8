import { describe, expect, it } from 'vitest';
import { shrinkByConfidence } from '../../src/colorizer/refine';
import { abOf } from './abGrid';

describe('shrinkByConfidence', () => {
  it('leaves ab untouched with exponent 0 or where the network is sure (H = 0)', () => {
    const ab = abOf(8, 8, 30, -20);
    expect(shrinkByConfidence(ab.slice(), 8, 8, new Float32Array(4).fill(0.7), 2, 2, 0)).toEqual(
      ab,
    );
    expect(shrinkByConfidence(ab.slice(), 8, 8, new Float32Array(4), 2, 2, 1)).toEqual(ab);
  });

  it('sends ab to grey where the distribution is uniform (H = 1)', () => {
    const out = shrinkByConfidence(abOf(4, 4, 50, 40), 4, 4, new Float32Array(1).fill(1), 1, 1, 1);
    expect(Array.from(out).every((v) => v === 0)).toBe(true);
  });

  it('scales by (1 − H)^p with H interpolated between cell centres', () => {
    // Two cells across: left sure (H = 0), right unsure (H = 0.5); 8 px wide → 4 px per cell.
    const entropy = Float32Array.from([0, 0.5]);
    const out = shrinkByConfidence(abOf(8, 1, 10, 10), 8, 1, entropy, 2, 1, 2);
    expect(out[0]).toBeCloseTo(10, 5); // leftmost pixel: clamped to the left cell centre
    expect(out[2 * 7]).toBeCloseTo(10 * 0.5 ** 2, 5); // rightmost: the right cell
    const a = Array.from({ length: 8 }, (_, x) => out[2 * x]);
    for (let x = 1; x < 8; x++) expect(a[x]).toBeLessThanOrEqual(a[x - 1] + 1e-6);
    // Pixel centre 4.5 → cell coordinate 1.125 − 0.5 = 0.625: H = 0.3125.
    expect(out[2 * 4]).toBeCloseTo(10 * (1 - 0.3125) ** 2, 5);
  });

  it('rejects mismatched sizes and bad exponents with named errors', () => {
    expect(() =>
      shrinkByConfidence(new Float32Array(3), 2, 2, new Float32Array(1), 1, 1, 1),
    ).toThrow(/ab has 3 values/);
    expect(() => shrinkByConfidence(abOf(2, 2, 0, 0), 2, 2, new Float32Array(2), 1, 1, 1)).toThrow(
      /entropy has 2 values/,
    );
    expect(() => shrinkByConfidence(abOf(2, 2, 0, 0), 2, 2, new Float32Array(1), 1, 1, -1)).toThrow(
      /exponent/,
    );
  });
});
