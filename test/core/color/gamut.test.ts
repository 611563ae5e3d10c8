import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GAMUT_TOLERANCE,
  gamutSliceRgba,
  inGamut,
  labToSrgb8,
  labToSrgbFloat,
  snapToGamut,
  srgb8ToLab,
  srgbFloatToLab,
} from '../../../src/core/color';

const lightness = fc.double({ min: 0, max: 100, noNaN: true });
const abComponent = fc.double({ min: -160, max: 160, noNaN: true });
const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** Strictly inside the sRGB cube, without inGamut's 1e-6 band (which near black spans ~1e-3 in ab). */
function strictlyInGamut(L: number, a: number, b: number): boolean {
  return labToSrgbFloat(L, a, b).every((v) => v >= 0 && v <= 1);
}

/** Chroma-reducing projection: bisection along the ray from grey, the baseline "nearest" must beat. */
function rayProjection(L: number, a: number, b: number): [number, number] {
  let inside = 0;
  let outside = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (inside + outside) / 2;
    if (strictlyInGamut(L, a * mid, b * mid)) inside = mid;
    else outside = mid;
  }
  return [a * inside, b * inside];
}

describe('inGamut', () => {
  it('agrees with the unclamped sRGB floats (within the tolerance)', () => {
    fc.assert(
      fc.property(lightness, abComponent, abComponent, (L, a, b) => {
        const rgb = labToSrgbFloat(L, a, b);
        const inside = rgb.every((v) => v >= -GAMUT_TOLERANCE && v <= 1 + GAMUT_TOLERANCE);
        expect(inGamut(L, a, b)).toBe(inside);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for every colour that came from sRGB, and for greys at any L', () => {
    fc.assert(
      fc.property(unit, unit, unit, (r, g, b) => {
        const [L, a, bb] = srgbFloatToLab(r, g, b);
        expect(inGamut(L, a, bb)).toBe(true);
      }),
    );
    for (let L = 0; L <= 100; L += 0.5) expect(inGamut(L, 0, 0)).toBe(true);
  });

  it('is false for NaN and for lightness beyond white or black', () => {
    expect(inGamut(Number.NaN, 0, 0)).toBe(false);
    expect(inGamut(100.1, 0, 0)).toBe(false);
    expect(inGamut(-0.1, 0, 0)).toBe(false);
    expect(inGamut(50, 120, 0)).toBe(false);
  });

  it('Lab → sRGB → Lab is the identity for in-gamut colours', () => {
    fc.assert(
      fc.property(lightness, abComponent, abComponent, (L, a, b) => {
        fc.pre(inGamut(L, a, b));
        const [L2, a2, b2] = srgbFloatToLab(...labToSrgbFloat(L, a, b));
        expect(Math.abs(L2 - L) + Math.abs(a2 - a) + Math.abs(b2 - b)).toBeLessThan(1e-8);
      }),
      { numRuns: 500 },
    );
  });
});

describe('snapToGamut', () => {
  it('returns in-gamut colours unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (rgb) => {
        const [L, a, b] = srgb8ToLab(rgb >> 16, (rgb >> 8) & 255, rgb & 255);
        expect(snapToGamut(L, a, b)).toEqual([a, b]);
      }),
    );
  });

  it('lands in gamut and never farther than the chroma-reducing ray projection', () => {
    fc.assert(
      fc.property(lightness, abComponent, abComponent, (L, a, b) => {
        const [sa, sb] = snapToGamut(L, a, b);
        expect(inGamut(L, sa, sb)).toBe(true);
        const [ra, rb] = rayProjection(L, a, b);
        expect(Math.hypot(sa - a, sb - b)).toBeLessThanOrEqual(Math.hypot(ra - a, rb - b) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [50, 120, 0],
    [50, 0, -120],
    [90, -100, 100],
    [10, 80, 80],
    [60, -30, 200],
    [30, -100, -100],
    [97, 20, 90],
  ])('at L=%d (%d, %d) no in-gamut point of a 0.5-unit ab grid is nearer', (L, a, b) => {
    const [sa, sb] = snapToGamut(L, a, b);
    const snapped = Math.hypot(sa - a, sb - b);
    let gridBest = Number.POSITIVE_INFINITY;
    for (let x = -130; x <= 130; x += 0.5) {
      for (let y = -130; y <= 130; y += 0.5) {
        if (inGamut(L, x, y)) gridBest = Math.min(gridBest, Math.hypot(x - a, y - b));
      }
    }
    expect(snapped).toBeLessThanOrEqual(gridBest + 1e-9);
    // The grid's own error is at most half a diagonal step, so the two must be that close.
    expect(gridBest - snapped).toBeLessThan(0.36);
    // Strictly better than the ray projection where the boundary is not perpendicular to it.
    const [ra, rb] = rayProjection(L, a, b);
    expect(snapped).toBeLessThan(Math.hypot(ra - a, rb - b));
  });

  it('gives (0, 0) at L = 0 and L = 100', () => {
    expect(snapToGamut(0, 40, -20)).toEqual([0, 0]);
    expect(snapToGamut(100, -5, 60)).toEqual([0, 0]);
  });

  it('rejects lightness out of range and non-finite input', () => {
    expect(() => snapToGamut(101, 0, 0)).toThrow(/L must be in \[0, 100\], got 101/);
    expect(() => snapToGamut(50, Number.NaN, 0)).toThrow(/must be finite numbers/);
  });
});

describe('gamutSliceRgba', () => {
  it('is size×size RGBA: opaque where the pixel centre is in gamut, transparent zeros elsewhere', () => {
    const size = 48;
    const range = 110;
    for (const L of [5, 50, 92]) {
      const img = gamutSliceRgba(L, size, range);
      expect(img).toBeInstanceOf(Uint8ClampedArray);
      expect(img.length).toBe(size * size * 4);
      let opaque = 0;
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          const a = -range + ((j + 0.5) * 2 * range) / size;
          const b = range - ((i + 0.5) * 2 * range) / size;
          const px = Array.from(img.subarray((i * size + j) * 4, (i * size + j) * 4 + 4));
          if (inGamut(L, a, b)) {
            opaque++;
            expect(px).toEqual([...labToSrgb8(L, a, b), 255]);
          } else {
            expect(px).toEqual([0, 0, 0, 0]);
          }
        }
      }
      // Some but not all of the plane is displayable at these lightnesses.
      expect(opaque).toBeGreaterThan(0);
      expect(opaque).toBeLessThan(size * size);
    }
  });

  it('puts +a to the right and +b at the top', () => {
    const size = 9;
    const img = gamutSliceRgba(50, size, 30);
    const at = (i: number, j: number) =>
      Array.from(img.subarray((i * size + j) * 4, (i * size + j) * 4 + 4));
    const right = at(4, 8); // a ≈ +26.7, b = 0: red
    const left = at(4, 0); // a ≈ −26.7: green-cyan
    const top = at(0, 4); // b ≈ +26.7: yellow
    const bottom = at(8, 4); // b ≈ −26.7: blue
    expect(right[0]).toBeGreaterThan(right[1]);
    expect(left[1]).toBeGreaterThan(left[0]);
    expect(Math.min(top[0], top[1])).toBeGreaterThan(top[2]);
    expect(bottom[2]).toBeGreaterThan(bottom[0]);
    for (const px of [right, left, top, bottom]) expect(px[3]).toBe(255);
  });

  it('rejects bad parameters', () => {
    expect(() => gamutSliceRgba(50, 0)).toThrow(/size must be a positive integer, got 0/);
    expect(() => gamutSliceRgba(50, 2.5)).toThrow(/size must be a positive integer/);
    expect(() => gamutSliceRgba(120, 8)).toThrow(/L must be in \[0, 100\], got 120/);
    expect(() => gamutSliceRgba(50, 8, -1)).toThrow(/range must be a positive number/);
  });
});
