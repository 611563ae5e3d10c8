import { describe, expect, it } from 'vitest';
import { composeFullRes } from '../../src/colorizer/compose/composeFullRes';
import { composeRefined, OUTPUT_REFINE } from '../../src/colorizer/refine';
import { labToSrgb8 } from '../../src/core/color';
import type { GreyImage } from '../../src/core/image';

/**
 * A 96×64 photo, left half L* 30, right half L* 70; the working-res ab (48×32) is grey; a 6×6
 * hint sits on each side. The output pass should tint each half toward its own hint and stop
 * at the lightness edge.
 */
function scene() {
  const width = 96;
  const height = 64;
  const L = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) L[y * width + x] = x < width / 2 ? 30 : 70;
  const image: GreyImage = { width, height, L };
  const ab = new Float32Array(48 * 32 * 2);
  const hab = new Float32Array(width * height * 2);
  const mask = new Uint8Array(width * height);
  const hint = (x0: number, a: number, b: number) => {
    for (let y = 29; y < 35; y++)
      for (let x = x0; x < x0 + 6; x++) {
        const i = y * width + x;
        mask[i] = 1;
        hab[2 * i] = a;
        hab[2 * i + 1] = b;
      }
  };
  hint(20, 40, 20);
  hint(70, -30, 40);
  return { image, ab, hints: { ab: hab, mask } };
}

const px = (rgba: Uint8ClampedArray, width: number, x: number, y: number) =>
  Array.from(rgba.subarray(4 * (y * width + x), 4 * (y * width + x) + 3));

describe('composeRefined (render’s output-resolution pass)', () => {
  it('with refine: null is composeFullRes exactly', () => {
    const { image, ab, hints } = scene();
    const plain = composeFullRes(image, ab, 48, 32, 'guided', hints);
    expect(composeRefined(image, ab, 48, 32, hints, { refine: null, abLimit: 110 })).toEqual(plain);
  });

  it('changes nothing without hints', () => {
    const { image, ab } = scene();
    const none = {
      ab: new Float32Array(image.width * image.height * 2),
      mask: new Uint8Array(image.width * image.height),
    };
    const plain = composeFullRes(image, ab, 48, 32, 'bilinear', none);
    const refined = composeRefined(image, ab, 48, 32, none, { method: 'bilinear', abLimit: 110 });
    expect(refined).toEqual(plain);
  });

  it('spreads each hint within its own lightness region and keeps hinted pixels exact', () => {
    const { image, ab, hints } = scene();
    const w = image.width;
    const plain = composeFullRes(image, ab, 48, 32, 'guided', hints);
    const refined = composeRefined(image, ab, 48, 32, hints, {
      refine: OUTPUT_REFINE,
      abLimit: 110,
    });
    // Hinted pixels: exactly the hint colour.
    expect(px(refined, w, 22, 31)).toEqual(labToSrgb8(30, 40, 20));
    expect(px(refined, w, 72, 31)).toEqual(labToSrgb8(70, -30, 40));
    // Beside the left hint the red tint arrives (R > G), and none of it crosses the edge.
    const [r, g] = px(refined, w, 30, 31);
    expect(r - g).toBeGreaterThan(5);
    const [r0, g0] = px(plain, w, 30, 31);
    expect(r - g).toBeGreaterThan(r0 - g0);
    const [er, eg] = px(refined, w, 50, 31); // just right of the edge: the green side
    expect(eg).toBeGreaterThanOrEqual(er);
  });

  it('solves large photos on a capped grid and stays within the ab limit', () => {
    const { image, ab, hints } = scene();
    // Same scene scaled ×4 (384×256 > the 256 cap): still tinted, still exact at the hints.
    const f = 4;
    const W = image.width * f;
    const H = image.height * f;
    const L = new Float32Array(W * H);
    const hab = new Float32Array(W * H * 2);
    const mask = new Uint8Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const s = Math.floor(y / f) * image.width + Math.floor(x / f);
        const i = y * W + x;
        L[i] = image.L[s];
        mask[i] = hints.mask[s];
        hab[2 * i] = hints.ab[2 * s];
        hab[2 * i + 1] = hints.ab[2 * s + 1];
      }
    const big = { width: W, height: H, L };
    const out = composeRefined(big, ab, 48, 32, { ab: hab, mask }, { abLimit: 110 });
    expect(px(out, W, 90, 127)).toEqual(labToSrgb8(30, 40, 20));
    const [r, g] = px(out, W, 120, 127);
    expect(r - g).toBeGreaterThan(5);
  });
});
