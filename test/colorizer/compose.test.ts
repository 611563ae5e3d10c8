import { describe, expect, it } from 'vitest';
import {
  areaResample,
  boxMean,
  composeFullRes,
  upsampleAb,
  upsampleBilinear,
} from '../../src/colorizer/compose';
import { greyImage } from './helpers';

describe('boxMean', () => {
  it('matches a brute-force clipped window mean', () => {
    const w = 7;
    const h = 5;
    const src = Float32Array.from({ length: w * h }, (_, i) => (i * 37) % 11);
    const r = 2;
    const got = boxMean(src, w, h, r);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let sum = 0;
        let n = 0;
        for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
          for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
            sum += src[yy * w + xx];
            n++;
          }
        }
        expect(got[y * w + x]).toBeCloseTo(sum / n, 5);
      }
    }
  });
});

describe('areaResample', () => {
  it('averages 2×2 blocks on an exact halving', () => {
    const src = Float32Array.from([1, 3, 5, 7, 1, 3, 5, 7, 0, 0, 2, 2, 0, 0, 2, 2]);
    expect(Array.from(areaResample(src, 4, 4, 2, 2))).toEqual([2, 6, 0, 2]);
  });

  it('keeps the mean for fractional ratios, up and down', () => {
    const src = Float32Array.from({ length: 13 * 7 }, (_, i) => Math.sin(i) * 50 + 50);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(areaResample(src, 13, 7, 5, 3))).toBeCloseTo(mean(src), 3);
    expect(mean(areaResample(src, 13, 7, 20, 9))).toBeCloseTo(mean(src), 3);
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => areaResample(new Float32Array(5), 2, 2, 1, 1)).toThrow(/5 values, expected 2×2/);
  });
});

/** Full-res photo with a vertical L edge at x = 50; working-res ab that changes across it. */
function edgeScene() {
  const W = 160;
  const H = 32;
  const image = greyImage(W, H, (x) => (x < 50 ? 30 : 80));
  // At working res (1/8) the edge falls inside a column, as it does for real photos.
  const w = 20;
  const h = 4;
  const lowL = areaResample(image.L, W, H, w, h);
  const ab = new Float32Array(w * h * 2);
  // The ab a network would predict: a follows L linearly (dark = red, light = blue).
  for (let i = 0; i < w * h; i++) {
    ab[2 * i] = ((80 - lowL[i]) / 50) * 40;
    ab[2 * i + 1] = ((lowL[i] - 30) / 50) * -40;
  }
  return { image, ab, w, h };
}

describe('guided vs bilinear upsampling', () => {
  it('guided keeps the colour edge at the L edge; bilinear smears it', () => {
    const { image, ab, w, h } = edgeScene();
    const guided = upsampleAb(image, ab, w, h, 'guided');
    const bilinear = upsampleAb(image, ab, w, h, 'bilinear');
    const row = 16 * image.width;
    // Transition width: pixels whose a lies strictly between the two plateau values.
    const transition = (up: Float32Array) => {
      let n = 0;
      for (let x = 30; x < 70; x++) {
        const a = up[2 * (row + x)];
        if (a > 4 && a < 36) n++;
      }
      return n;
    };
    expect(transition(guided)).toBeLessThanOrEqual(2);
    expect(transition(bilinear)).toBeGreaterThanOrEqual(6);
    // And guided is right on both sides next to the edge.
    expect(guided[2 * (row + 48)]).toBeGreaterThan(34);
    expect(guided[2 * (row + 51)]).toBeLessThan(6);
  });

  it('is the identity when sizes are equal (both methods)', () => {
    const image = greyImage(8, 6, (x, y) => x * 10 + y);
    const ab = Float32Array.from({ length: 8 * 6 * 2 }, (_, i) => (i % 17) - 8);
    expect(Array.from(upsampleAb(image, ab, 8, 6, 'guided'))).toEqual(Array.from(ab));
    expect(Array.from(upsampleAb(image, ab, 8, 6, 'bilinear'))).toEqual(Array.from(ab));
  });

  it('bilinear reproduces a linear ramp exactly away from the border', () => {
    const ab = new Float32Array(4 * 1 * 2);
    for (let j = 0; j < 4; j++) ab[2 * j] = j * 10;
    const up = upsampleBilinear(ab, 4, 1, 16, 1);
    // Destination centre x+0.5 maps to source coordinate (x+0.5)/4 − 0.5.
    for (let x = 2; x < 14; x++) expect(up[2 * x]).toBeCloseTo(((x + 0.5) / 4 - 0.5) * 10, 4);
  });

  it('guided upsampling of a constant ab stays constant', () => {
    const image = greyImage(64, 48, (x, y) => (x * 7 + y * 3) % 100);
    const ab = new Float32Array(8 * 6 * 2).map((_, i) => (i % 2 ? -20 : 15));
    const up = upsampleAb(image, ab, 8, 6, 'guided');
    for (let i = 0; i < up.length; i += 97) expect(up[i]).toBeCloseTo(i % 2 ? -20 : 15, 3);
  });
});

describe('composeFullRes', () => {
  it('keeps the photo L: zero ab gives the grey of each pixel', () => {
    const image = greyImage(32, 16, (x) => x * 3);
    const rgba = composeFullRes(image, new Float32Array(4 * 2 * 2), 4, 2, 'guided');
    expect(rgba.length).toBe(32 * 16 * 4);
    for (let x = 0; x < 32; x++) {
      const p = 4 * (5 * 32 + x);
      expect(rgba[p]).toBe(rgba[p + 1]);
      expect(rgba[p + 1]).toBe(rgba[p + 2]);
      expect(rgba[p + 3]).toBe(255);
    }
    expect(rgba[4 * 31]).toBeGreaterThan(rgba[4 * 1]);
  });

  it('names the bad argument', () => {
    const image = greyImage(4, 4, () => 50);
    expect(() => composeFullRes(image, new Float32Array(3), 1, 1)).toThrow(
      /ab has 3 values, expected 1×1×2/,
    );
    expect(() =>
      composeFullRes({ ...image, L: new Float32Array(3) }, new Float32Array(2), 1, 1),
    ).toThrow(/image.L has 3 values/);
    expect(() => composeFullRes(image, new Float32Array(2), 1, 1, 'cubic' as 'guided')).toThrow(
      /method/,
    );
  });
});
