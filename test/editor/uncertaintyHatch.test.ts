import { describe, expect, it } from 'vitest';
import {
  HATCH_MAX_SIDE,
  HATCH_PERIOD,
  HATCH_RGB,
  hatchRange,
  hatchSize,
  uncertaintyHatchRgba,
} from '../../src/editor/photo/uncertaintyHatch';

/** A 4×1 grid: sure on the left, unsure on the right. */
const map = { width: 4, height: 1, data: new Float32Array([0, 0.1, 0.9, 1]) };

function coverage(rgba: Uint8ClampedArray, width: number, x0: number, x1: number, height: number) {
  let drawn = 0;
  let alpha = 0;
  for (let i = 0; i < height; i++)
    for (let j = x0; j < x1; j++) {
      const a = rgba[4 * (i * width + j) + 3];
      if (a > 0) drawn++;
      alpha = Math.max(alpha, a);
    }
  return { fraction: drawn / ((x1 - x0) * height), alpha };
}

describe('uncertainty overlay hatch', () => {
  const [width, height] = [64, 32];
  const rgba = uncertaintyHatchRgba(map, width, height);

  it('leaves sure areas clear and hatches unsure ones', () => {
    expect(coverage(rgba, width, 0, 12, height).fraction).toBe(0);
    const unsure = coverage(rgba, width, 57, 64, height);
    expect(unsure.fraction).toBeGreaterThan(0.3);
    expect(unsure.fraction).toBeLessThan(0.7); // stripes, never a solid wash
    expect(unsure.alpha).toBeGreaterThan(200);
  });

  it('hatches the less sure half of a photo the network is unsure about almost everywhere', () => {
    const data = new Float32Array(64).map((_, k) => 0.6 + (0.3 * k) / 63);
    const wide = uncertaintyHatchRgba({ width: 64, height: 1, data }, 64, 8);
    expect(hatchRange({ width: 64, height: 1, data })[0]).toBeGreaterThan(0.7);
    expect(coverage(wide, 64, 0, 30, 8).fraction).toBe(0);
    expect(coverage(wide, 64, 34, 64, 8).fraction).toBeGreaterThan(0.2);
  });

  it('outlines each hatched region with a solid line', () => {
    // Rows 0..31 at column 40..: the first hatched column is the region's edge.
    let first = -1;
    for (let j = 0; j < width && first < 0; j++) if (rgba[4 * (5 * width + j) + 3] > 0) first = j;
    expect(first).toBeGreaterThan(12);
    for (let i = 0; i < height; i++) expect(rgba[4 * (i * width + first) + 3]).toBe(255);
  });

  it('is one hue only, so it never reads as a recolouring', () => {
    for (let p = 0; p < rgba.length; p += 4) {
      if (rgba[p + 3] === 0) continue;
      expect([rgba[p], rgba[p + 1], rgba[p + 2]]).toEqual([...HATCH_RGB]);
    }
  });

  it('draws diagonal stripes with the hatch period', () => {
    // From column 56 on, the grid's last cell (uncertainty 1) covers every pixel, so the hatch
    // depends only on the phase (i + j) mod period: constant along anti-diagonals, periodic.
    const drawn = (i: number, j: number) => rgba[4 * (i * width + j) + 3] > 0;
    for (let i = 0; i + 1 < height; i++)
      for (let j = 57; j < width; j++) {
        expect(drawn(i + 1, j - 1)).toBe(drawn(i, j));
        if (i + HATCH_PERIOD < height) expect(drawn(i + HATCH_PERIOD, j)).toBe(drawn(i, j));
      }
    // Phase 0 is on a stripe, the phase just before it is a gap.
    const onStripe = (HATCH_PERIOD - (56 % HATCH_PERIOD)) % HATCH_PERIOD;
    expect(drawn(onStripe, 56)).toBe(true);
    expect(drawn(onStripe + HATCH_PERIOD - 1, 56)).toBe(false);
  });

  it('is drawn at most HATCH_MAX_SIDE on its long side, in the photo’s shape', () => {
    expect(hatchSize(640, 480)).toEqual([640, 480]);
    const [w, h] = hatchSize(4000, 3000);
    expect(w).toBe(HATCH_MAX_SIDE);
    expect(h).toBe(HATCH_MAX_SIDE * 0.75);
    expect(hatchSize(100000, 10)).toEqual([HATCH_MAX_SIDE, 1]);
  });
});
