import { describe, expect, it } from 'vitest';
import {
  composeLabToRgba,
  hsvSaturation,
  labToSrgb8,
  meanSaturation,
  rgbaToGreyImage,
  rgbaToLab,
  srgb8ToLab,
} from '../../../src/core/color';

// A 3×2 test card: red, green, blue / mid grey, an off-grey brown, white (alphas vary).
const CARD = new Uint8ClampedArray([
  255, 0, 0, 255, 0, 255, 0, 200, 0, 0, 255, 0, 128, 128, 128, 255, 120, 80, 40, 10, 255, 255, 255,
  255,
]);

describe('rgbaToLab', () => {
  it('matches the single-colour conversion per pixel, ignoring alpha', () => {
    const lab = rgbaToLab(CARD);
    expect(lab.length).toBe(18);
    for (let i = 0; i < 6; i++) {
      const expected = srgb8ToLab(CARD[4 * i], CARD[4 * i + 1], CARD[4 * i + 2]);
      for (let c = 0; c < 3; c++) expect(lab[3 * i + c]).toBeCloseTo(expected[c], 4);
    }
  });

  it('writes into a given buffer and rejects wrong sizes', () => {
    const out = new Float32Array(18);
    expect(rgbaToLab(CARD, out)).toBe(out);
    expect(out[0]).toBeCloseTo(53.2408, 3);
    expect(() => rgbaToLab(CARD, new Float32Array(17))).toThrow(/out has length 17, expected 18/);
    expect(() => rgbaToLab(new Uint8Array(7))).toThrow(/length 7 is not a multiple of 4/);
  });
});

describe('rgbaToGreyImage', () => {
  it('reduces each pixel to its L* (luminance only), grey and colour alike', () => {
    const grey = rgbaToGreyImage(CARD, 3, 2);
    expect(grey.width).toBe(3);
    expect(grey.height).toBe(2);
    expect(grey.L).toBeInstanceOf(Float32Array);
    for (let i = 0; i < 6; i++) {
      const [L] = srgb8ToLab(CARD[4 * i], CARD[4 * i + 1], CARD[4 * i + 2]);
      expect(grey.L[i]).toBeCloseTo(L, 4);
    }
    expect(grey.L[5]).toBeCloseTo(100, 4);
  });

  it('rejects dimensions that do not match the buffer', () => {
    expect(() => rgbaToGreyImage(CARD, 2, 2)).toThrow(/holds 6 pixels but 2×2 = 4/);
    expect(() => rgbaToGreyImage(CARD, 0, 6)).toThrow(/positive integers, got 0×6/);
  });
});

describe('composeLabToRgba', () => {
  const L = new Float32Array([53.2408, 87.7347, 32.297, 50, 50, 100]);
  // red, green, blue, neutral, far out of gamut (clamps), white
  const ab = new Float32Array([
    80.0925, 67.2032, -86.1827, 83.1793, 79.1875, -107.8602, 0, 0, 150, -150, 0, 0,
  ]);

  it('writes sRGB per pixel and keeps the given alpha', () => {
    const alpha = new Uint8Array([255, 200, 0, 17, 10, 128]);
    const out = new Uint8ClampedArray(24);
    composeLabToRgba(L, ab, out, alpha);
    const px = (i: number) => Array.from(out.subarray(4 * i, 4 * i + 4));
    expect(px(0)).toEqual([255, 0, 0, 255]);
    expect(px(1)).toEqual([0, 255, 0, 200]);
    expect(px(2)).toEqual([0, 0, 255, 0]);
    expect(px(3)).toEqual([119, 119, 119, 17]);
    expect(px(4)).toEqual([...labToSrgb8(50, 150, -150), 10]);
    expect(px(5)).toEqual([255, 255, 255, 128]);
  });

  it('writes opaque pixels without alpha, and matches labToSrgb8 exactly', () => {
    const out = new Uint8ClampedArray(24).fill(7);
    composeLabToRgba(L, ab, out, null);
    for (let i = 0; i < 6; i++) {
      expect(Array.from(out.subarray(4 * i, 4 * i + 4))).toEqual([
        ...labToSrgb8(L[i], ab[2 * i], ab[2 * i + 1]),
        255,
      ]);
    }
  });

  it('rejects mismatched buffer sizes, naming the buffer', () => {
    const out = new Uint8ClampedArray(24);
    expect(() => composeLabToRgba(L, ab.subarray(2), out)).toThrow(/ab has length 10, expected 12/);
    expect(() => composeLabToRgba(L, ab, new Uint8ClampedArray(20))).toThrow(/out has length 20/);
    expect(() => composeLabToRgba(L, ab, out, new Uint8Array(5))).toThrow(/alpha has length 5/);
  });
});

describe('HSV saturation', () => {
  it('is (max − min) / max, 0 for black and greys', () => {
    expect(hsvSaturation(255, 0, 0)).toBe(1);
    expect(hsvSaturation(200, 100, 50)).toBe(0.75);
    expect(hsvSaturation(0.8, 0.4, 0.2)).toBeCloseTo(0.75, 12);
    expect(hsvSaturation(90, 90, 90)).toBe(0);
    expect(hsvSaturation(0, 0, 0)).toBe(0);
  });

  it('meanSaturation averages over pixels and ignores alpha', () => {
    // 1 + 1 + 1 + 0 + (120 − 40) / 120 + 0, over 6 pixels.
    expect(meanSaturation(CARD)).toBeCloseTo((3 + 80 / 120) / 6, 12);
    const transparentRed = new Uint8Array([255, 0, 0, 0, 0, 0, 0, 255]);
    expect(meanSaturation(transparentRed)).toBe(0.5);
  });

  it('rejects an empty or non-RGBA buffer', () => {
    expect(() => meanSaturation(new Uint8Array(0))).toThrow(/no pixels/);
    expect(() => meanSaturation(new Uint8Array(6))).toThrow(/not a multiple of 4/);
  });
});
