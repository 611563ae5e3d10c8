import { describe, expect, it } from 'vitest';
import {
  composeLabToRgba,
  labToLinearRgbInto,
  labToSrgbFloatInto,
  linearToSrgb,
  linearToSrgb8,
  rgbaToLab,
  SRGB8_TO_LINEAR,
  srgb8ToLabInto,
  srgbToLinear,
} from '../../../src/core/color';

describe('sRGB transfer curve', () => {
  it('decode and encode are inverse in float, across both segments', () => {
    for (let i = 0; i <= 1000; i++) {
      const v = i / 1000;
      expect(linearToSrgb(srgbToLinear(v))).toBeCloseTo(v, 12);
    }
    expect(srgbToLinear(0.04045)).toBeCloseTo(0.04045 / 12.92, 12);
    expect(srgbToLinear(-0.5)).toBe(-srgbToLinear(0.5));
  });

  it('the 8-bit decode table equals the float decode', () => {
    for (let v = 0; v < 256; v++) expect(SRGB8_TO_LINEAR[v]).toBe(srgbToLinear(v / 255));
  });

  it('the table encode rounds exactly like Math.round(255 · encode(x))', () => {
    // Dense grid plus points straddling every rounding threshold: the table's one-comparison
    // lookup must agree everywhere, including the steep linear segment near black.
    let mismatches = 0;
    const check = (x: number) => {
      const expected = Math.min(255, Math.max(0, Math.round(255 * linearToSrgb(x))));
      if (linearToSrgb8(x) !== expected) mismatches++;
    };
    for (let i = 0; i <= 200_000; i++) check(i / 200_000);
    for (let k = 0; k < 255; k++) {
      const t = srgbToLinear((k + 0.5) / 255);
      check(t * (1 - 1e-9));
      check(t * (1 + 1e-9));
    }
    expect(mismatches).toBe(0);
    expect(linearToSrgb8(-0.2)).toBe(0);
    expect(linearToSrgb8(1.7)).toBe(255);
    expect(linearToSrgb8(Number.NaN)).toBe(0);
  });
});

describe('exhaustive 8-bit round trip (all 16,777,216 colours)', () => {
  it('sRGB → Lab → sRGB float path is within 0.5/255 (measured ~1e-12)', () => {
    // Measured in linear light to keep 16.7M colours free of pow(): the encode curve's slope
    // never exceeds 12.92 (its linear segment), so 12.92 · linear error bounds the sRGB error.
    const lab = new Float64Array(3);
    const rgb = new Float64Array(3);
    const lin = SRGB8_TO_LINEAR;
    let worstLinear = 0;
    for (let r = 0; r < 256; r++) {
      for (let g = 0; g < 256; g++) {
        for (let b = 0; b < 256; b++) {
          srgb8ToLabInto(r, g, b, lab);
          labToLinearRgbInto(lab[0], lab[1], lab[2], rgb);
          const e = Math.max(
            Math.abs(rgb[0] - lin[r]),
            Math.abs(rgb[1] - lin[g]),
            Math.abs(rgb[2] - lin[b]),
          );
          if (e > worstLinear) worstLinear = e;
        }
      }
    }
    const worstSrgb255 = 12.92 * 255 * worstLinear;
    expect(worstSrgb255).toBeLessThanOrEqual(0.5);
    // Double precision should leave only rounding noise; a real formula slip would not.
    expect(worstSrgb255).toBeLessThan(1e-6);
  });

  it('labToSrgbFloat on a 32-level sample matches the 8-bit input to 1e-9', () => {
    const lab = new Float64Array(3);
    const rgb = new Float64Array(3);
    let worst = 0;
    for (let r = 0; r < 256; r += 8) {
      for (let g = 3; g < 256; g += 8) {
        for (let b = 5; b < 256; b += 8) {
          srgb8ToLabInto(r, g, b, lab);
          labToSrgbFloatInto(lab[0], lab[1], lab[2], rgb);
          const e = Math.max(
            Math.abs(rgb[0] * 255 - r),
            Math.abs(rgb[1] * 255 - g),
            Math.abs(rgb[2] * 255 - b),
          );
          if (e > worst) worst = e;
        }
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('the image path (Float32 Lab planes, table encode) returns every colour exactly', () => {
    const chunk = 65_536; // one red level: every (g, b)
    const rgba = new Uint8ClampedArray(chunk * 4);
    const lab = new Float32Array(chunk * 3);
    const L = new Float32Array(chunk);
    const ab = new Float32Array(chunk * 2);
    const back = new Uint8ClampedArray(chunk * 4);
    let wrong = 0;
    for (let r = 0; r < 256; r++) {
      for (let i = 0; i < chunk; i++) {
        rgba[4 * i] = r;
        rgba[4 * i + 1] = i >> 8;
        rgba[4 * i + 2] = i & 255;
        rgba[4 * i + 3] = 255;
      }
      rgbaToLab(rgba, lab);
      for (let i = 0; i < chunk; i++) {
        L[i] = lab[3 * i];
        ab[2 * i] = lab[3 * i + 1];
        ab[2 * i + 1] = lab[3 * i + 2];
      }
      composeLabToRgba(L, ab, back);
      for (let i = 0; i < chunk * 4; i++) if (back[i] !== rgba[i]) wrong++;
    }
    expect(wrong).toBe(0);
  });
});
