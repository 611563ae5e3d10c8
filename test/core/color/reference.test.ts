import { describe, expect, it } from 'vitest';
import {
  CIE_EPSILON,
  CIE_KAPPA,
  D65_WHITE,
  labToSrgb8,
  labToSrgbFloat,
  lightnessFromLuminance,
  luminanceFromLightness,
  SRGB_TO_XYZ,
  srgb8ToLab,
  srgbFloatToLab,
  XYZ_TO_SRGB,
} from '../../../src/core/color';

// sRGB primaries in CIELAB (D65), as published by Bruce Lindbloom's calculator and
// colormine.org (same matrix and white); cross-checked in several independent test suites.
const PUBLISHED: [string, [number, number, number], [number, number, number]][] = [
  ['white', [255, 255, 255], [100, 0, 0]],
  ['black', [0, 0, 0], [0, 0, 0]],
  ['red', [255, 0, 0], [53.2408, 80.0925, 67.2032]],
  ['green', [0, 255, 0], [87.7347, -86.1827, 83.1793]],
  ['blue', [0, 0, 255], [32.297, 79.1875, -107.8602]],
];

describe('CIELAB constants', () => {
  it('uses the exact rational ε and κ, and they meet at the f() breakpoint', () => {
    expect(CIE_EPSILON).toBe(216 / 24389);
    expect(CIE_KAPPA).toBe(24389 / 27);
    expect(CIE_EPSILON * CIE_KAPPA).toBeCloseTo(8, 12);
  });

  it('white is the matrix row sums and matches published D65 (0.95047, 1, 1.08883)', () => {
    expect(D65_WHITE[0]).toBeCloseTo(0.95047, 6);
    expect(D65_WHITE[1]).toBeCloseTo(1, 6);
    expect(D65_WHITE[2]).toBeCloseTo(1.08883, 6);
  });

  it('XYZ_TO_SRGB is the inverse of SRGB_TO_XYZ', () => {
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += XYZ_TO_SRGB[i * 3 + k] * SRGB_TO_XYZ[k * 3 + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});

describe('single-colour conversions', () => {
  it.each(PUBLISHED)('%s sRGB → Lab matches the published value to 1e-2', (_, rgb, lab) => {
    const got = srgb8ToLab(...rgb);
    for (let i = 0; i < 3; i++) expect(Math.abs(got[i] - lab[i])).toBeLessThan(1e-2);
  });

  it.each(PUBLISHED)('%s Lab → sRGB8 gives the original code', (_, rgb, lab) => {
    expect(labToSrgb8(...lab)).toEqual(rgb);
  });

  it('every grey is exactly neutral and white is exactly L* = 100', () => {
    for (let v = 0; v < 256; v++) {
      const [, a, b] = srgb8ToLab(v, v, v);
      expect(Math.abs(a)).toBeLessThan(1e-9);
      expect(Math.abs(b)).toBeLessThan(1e-9);
    }
    expect(srgb8ToLab(255, 255, 255)[0]).toBeCloseTo(100, 10);
  });

  it('float input v/255 gives the same Lab as 8-bit input v', () => {
    for (const [r, g, b] of [
      [255, 128, 64],
      [3, 200, 17],
      [10, 10, 11],
    ]) {
      const fromFloat = srgbFloatToLab(r / 255, g / 255, b / 255);
      const from8 = srgb8ToLab(r, g, b);
      for (let i = 0; i < 3; i++) expect(fromFloat[i]).toBeCloseTo(from8[i], 12);
    }
  });

  it('labToSrgbFloat is unclamped outside the gamut, labToSrgb8 clamps and rounds', () => {
    const [r, g, b] = labToSrgbFloat(50, 120, 0);
    expect(r).toBeGreaterThan(1);
    expect(Math.min(g, b)).toBeLessThan(0);
    const eight = labToSrgb8(50, 120, 0);
    expect(eight[0]).toBe(255);
    expect(Math.min(eight[1], eight[2])).toBe(0);
    for (const v of eight) expect(Number.isInteger(v)).toBe(true);
  });

  it('lightness and luminance are inverse, across the linear segment too', () => {
    for (const L of [0, 1, 5, 7.9996, 8, 8.1, 20, 50, 99.9, 100]) {
      expect(lightnessFromLuminance(luminanceFromLightness(L))).toBeCloseTo(L, 10);
    }
    // Y/Yn = ε is where the cube root meets the linear segment, at L* = κε = 8.
    expect(lightnessFromLuminance(CIE_EPSILON * D65_WHITE[1])).toBeCloseTo(8, 10);
  });

  it('rejects bad input with a message naming the channel', () => {
    expect(() => srgb8ToLab(256, 0, 0)).toThrow(/r must be an integer in \[0, 255\], got 256/);
    expect(() => srgb8ToLab(0, 1.5, 0)).toThrow(/g must be an integer/);
    expect(() => srgb8ToLab(0, 0, -1)).toThrow(/b must be an integer/);
    expect(() => labToSrgb8(Number.NaN, 0, 0)).toThrow(/L must be a finite number, got NaN/);
    expect(() => labToSrgbFloat(50, 0, Number.POSITIVE_INFINITY)).toThrow(/b must be a finite/);
  });
});
