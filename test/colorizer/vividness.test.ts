import { describe, expect, it } from 'vitest';
import { annealedMean, applyVividness } from '../../src/colorizer/vividness';
import { abOf } from './abGrid';

const BINS: [number, number][] = [
  [0, 0],
  [40, 0],
  [0, -40],
];

/** cells × 3 logits, every cell the same. */
const logitsOf = (cells: number, l: [number, number, number]) => {
  const out = new Float32Array(cells * 3);
  for (let c = 0; c < cells; c++) out.set(l, c * 3);
  return out;
};

describe('annealedMean', () => {
  it('is the mean bin colour under softmax(logits / T)', () => {
    // Logits ln(2), 0, 0 at T = 1: probabilities 1/2, 1/4, 1/4.
    const m = annealedMean(logitsOf(1, [Math.log(2), 0, 0]), 1, BINS, 1);
    expect(m[0]).toBeCloseTo(10, 5);
    expect(m[1]).toBeCloseTo(-10, 5);
  });

  it('commits to the most likely colour as the temperature falls', () => {
    const logits = logitsOf(1, [0, 1, 0.5]);
    const warm = annealedMean(logits, 1, BINS, 1);
    const cold = annealedMean(logits, 1, BINS, 0.1);
    expect(cold[0]).toBeGreaterThan(warm[0]);
    expect(cold[0]).toBeCloseTo(40, 0);
  });

  it('names bad sizes and temperatures', () => {
    expect(() => annealedMean(new Float32Array(4), 1, BINS, 1)).toThrow(/logits have 4 values/);
    expect(() => annealedMean(new Float32Array(3), 1, BINS, 0)).toThrow(/temperature/);
  });
});

describe('applyVividness', () => {
  it('leaves ab untouched at vividness 0', () => {
    const ab = abOf(4, 4, 7, -3);
    const out = applyVividness(ab.slice(), 4, 4, logitsOf(1, [0, 9, 0]), 1, 1, BINS, 0);
    expect(out).toEqual(ab);
  });

  it('blends toward the distribution’s colour: halfway at 0.5, all the way at 1', () => {
    // The network is sure of bin 1 (a* = 40); its regression said grey.
    const logits = logitsOf(4, [0, 30, 0]);
    const half = applyVividness(abOf(8, 8, 0, 0), 8, 8, logits, 2, 2, BINS, 0.5);
    const full = applyVividness(abOf(8, 8, 0, 0), 8, 8, logits, 2, 2, BINS, 1);
    for (let i = 0; i < 64; i++) {
      expect(half[2 * i]).toBeCloseTo(20, 3);
      expect(full[2 * i]).toBeCloseTo(40, 3);
      expect(full[2 * i + 1]).toBeCloseTo(0, 3);
    }
  });

  it('upsamples the cell colours bilinearly, pixel centres aligned', () => {
    // Left cell sure of a* = 40, right cell of b* = −40; 8 px wide → 4 px per cell.
    const logits = Float32Array.from([0, 30, 0, 0, 0, 30]);
    const out = applyVividness(abOf(8, 1, 0, 0), 8, 1, logits, 2, 1, BINS, 1);
    expect(out[0]).toBeCloseTo(40, 3);
    expect(out[2 * 7 + 1]).toBeCloseTo(-40, 3);
    // Pixel centre 4.5 → cell coordinate 0.625: 0.375 of the left colour, 0.625 of the right.
    expect(out[2 * 4]).toBeCloseTo(40 * 0.375, 3);
    expect(out[2 * 4 + 1]).toBeCloseTo(-40 * 0.625, 3);
  });

  it('rejects a vividness outside [0, 1] and mismatched sizes', () => {
    const logits = logitsOf(1, [0, 0, 0]);
    expect(() => applyVividness(abOf(2, 2, 0, 0), 2, 2, logits, 1, 1, BINS, 1.5)).toThrow(
      /vividness must be a number in \[0, 1\], got 1.5/,
    );
    expect(() => applyVividness(abOf(2, 2, 0, 0), 2, 2, logits, 1, 1, BINS, Number.NaN)).toThrow(
      /vividness/,
    );
    expect(() => applyVividness(new Float32Array(3), 2, 2, logits, 1, 1, BINS, 0.5)).toThrow(
      /ab has 3 values/,
    );
  });
});
