import { describe, expect, it } from 'vitest';
import { inGamut, labToSrgb8, srgb8ToLab } from '../../../src/core/color';
import { oklabHue } from '../../../src/core/color/oklab';
import { maxChroma, relightAb } from '../../../src/core/color/relight';

/** Smallest difference between two hue angles, radians. */
const hueDistance = (h: number, k: number) =>
  Math.abs(Math.atan2(Math.sin(h - k), Math.cos(h - k)));
const DEGREE = Math.PI / 180;

describe('relightAb: hue-preserving chroma reduction into the sRGB gamut', () => {
  // Saturated sRGB primaries and secondaries (the colours users type), plus a ring of hues at a
  // chroma no slice holds.
  const picked = [
    [0, 0, 255],
    [0x20, 0x60, 0xff],
    [255, 0, 0],
    [0, 255, 0],
    [255, 255, 0],
    [0, 255, 255],
    [255, 0, 255],
    [255, 128, 0],
  ].map(([r, g, b]) => srgb8ToLab(r, g, b));
  const ring = Array.from({ length: 72 }, (_, i) => {
    const h = i * 5 * DEGREE;
    return [0, 150 * Math.cos(h), 150 * Math.sin(h)];
  });
  const lightnesses = [1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99];

  it('is displayable, keeps the hue as seen (OKLab) and has the largest displayable chroma', () => {
    let checked = 0;
    for (const [own, a, b] of picked) {
      for (const L of lightnesses) {
        if (inGamut(L, a, b)) continue;
        const [ra, rb] = relightAb(L, a, b);
        const chroma = Math.hypot(ra, rb);
        expect(inGamut(L, ra, rb), `L ${L}, ab ${a}, ${b}`).toBe(true);
        // At the extremes (L* 1, 99) too little chroma is left for a hue to be seen or matched.
        if (chroma > 1 && L >= 5 && L <= 95) {
          // As seen in the picked sRGB colour itself, at its own L*.
          const seen = oklabHue(own, a, b);
          expect(hueDistance(oklabHue(L, ra, rb), seen), `L ${L}, ab ${a}, ${b}`).toBeLessThan(
            2 * DEGREE,
          );
        }
        // Maximal: 0.01 more chroma in the same direction is no longer displayable.
        const grow = (chroma + 0.01) / chroma;
        if (chroma > 1e-6) expect(inGamut(L, ra * grow, rb * grow)).toBe(false);
        expect(chroma).toBeLessThan(Math.hypot(a, b));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('a colour no lightness can show still comes out displayable and maximal', () => {
    for (const [, a, b] of ring) {
      for (const L of lightnesses) {
        const [ra, rb] = relightAb(L, a, b);
        const chroma = Math.hypot(ra, rb);
        expect(inGamut(L, ra, rb)).toBe(true);
        if (chroma > 1e-6) {
          const grow = (chroma + 0.01) / chroma;
          expect(inGamut(L, ra * grow, rb * grow)).toBe(false);
        }
      }
    }
  });

  it('#0000ff and #2060ff on a sky stay blue: not the reported violet or lilac', () => {
    for (const [hex, L] of [
      [0x0000ff, 66],
      [0x0000ff, 80],
      [0x2060ff, 80],
    ]) {
      const [, a, b] = srgb8ToLab(hex >> 16, (hex >> 8) & 255, hex & 255);
      const [ra, rb] = relightAb(L, a, b);
      const [r, g, bl] = labToSrgb8(L, ra, rb);
      // Blue: the blue channel leads and green is above red (lavender has red above green).
      expect(bl, `#${hex.toString(16)} at ${L}`).toBeGreaterThan(Math.max(r, g));
      expect(g, `#${hex.toString(16)} at ${L}`).toBeGreaterThan(r);
      expect(Math.hypot(ra, rb)).toBeGreaterThan(10);
    }
  });

  it('returns displayable colours unchanged, grey as grey, and (0, 0) at black and white', () => {
    expect(relightAb(50, 20, -30)).toEqual([20, -30]);
    expect(relightAb(80, 0, 0)).toEqual([0, 0]);
    for (const L of [0, 100]) {
      const [a, b] = relightAb(L, 60, 60);
      expect(Math.hypot(a, b)).toBeLessThan(0.01); // within the gamut tolerance of black / white
    }
  });

  it('names bad input', () => {
    expect(() => relightAb(120, 0, 0)).toThrow(
      /relightAb: L must be a number in \[0, 100\], got 120/,
    );
    expect(() => relightAb(50, Number.NaN, 0)).toThrow(/relightAb: a, b must be finite/);
    expect(() => maxChroma(50, Number.POSITIVE_INFINITY)).toThrow(/hue must be finite/);
  });

  it('the slice is star-shaped around grey: every chroma below the maximum is displayable', () => {
    for (const L of [3, 25, 50, 75, 97]) {
      for (let i = 0; i < 36; i++) {
        const h = i * 10 * DEGREE;
        const limit = maxChroma(L, h);
        for (let c = 0; c < limit; c += 0.25) {
          expect(inGamut(L, c * Math.cos(h), c * Math.sin(h)), `L ${L} h ${i * 10} C ${c}`).toBe(
            true,
          );
        }
        expect(inGamut(L, (limit + 0.01) * Math.cos(h), (limit + 0.01) * Math.sin(h))).toBe(false);
      }
    }
  });
});
