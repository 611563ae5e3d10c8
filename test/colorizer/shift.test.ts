import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Colorizer } from '../../src/colorizer';
import { shiftOffset } from '../../src/colorizer/predict';
import type { Hint } from '../../src/core/session';
import { greyImage, loadTinyColorizer, sessionFor } from './helpers';

let colorizer: Colorizer;
// Asymmetric and busy, so the coarse grid's phase changes what the tiny net sees.
const fn = (x: number, y: number) => 20 + ((x * x * 7 + y * 13) % 60);
const W = 64;
const H = 48;
const image = greyImage(W, H, fn);
const hint: Hint = { kind: 'point', x: 20, y: 14, size: 6, ab: [40, -25] };
/** Reflection without repeating the edge pixel, as tf.mirrorPad 'reflect' pads. */
const reflect = (i: number, n: number) => (i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i);
const OFFSET = 8;
// The photo reflection-padded by the shifted view's margins (8 px each side for stride 16).
const padded = greyImage(W + 16, H + 16, (x, y) =>
  fn(reflect(x - OFFSET, W), reflect(y - OFFSET, H)),
);

beforeAll(async () => {
  // confidence 0: the output is the averaged net itself, so the definition can be checked.
  colorizer = await loadTinyColorizer({ confidence: 0 });
});
afterAll(() => colorizer?.dispose());

const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('half-stride shift averaging', () => {
  it('offsets by half the stride in whole logit cells, or not at all', () => {
    expect(shiftOffset({ stride: 16, logitsStride: 8 })).toBe(8);
    expect(shiftOffset({ stride: 32, logitsStride: 8 })).toBe(16);
    expect(shiftOffset({ stride: 16, logitsStride: 4 })).toBe(8);
    expect(shiftOffset({ stride: 8, logitsStride: 8 })).toBe(0);
  });

  it('is the mean of the net on the photo and on the photo moved by 8 px in a reflected frame', async () => {
    const opts = { refine: false, workingSize: W };
    const s = sessionFor(image, [hint]);
    const plain = await colorizer.colorize(image, s, opts);
    const both = await colorizer.colorize(image, s, { ...opts, shift: true });
    // The same photo, hint moved with it, run at the padded size and cropped back.
    const movedHint: Hint = { ...hint, x: hint.x + OFFSET, y: hint.y + OFFSET };
    const big = await colorizer.colorize(padded, sessionFor(padded, [movedHint]), {
      refine: false,
      workingSize: W + 16,
    });
    expect([big.width, big.height]).toEqual([W + 16, H + 16]);
    const cropped = new Float32Array(W * H * 2);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        for (let c = 0; c < 2; c++)
          cropped[2 * (y * W + x) + c] = big.ab[2 * ((y + OFFSET) * big.width + x + OFFSET) + c];
    const mean = plain.ab.map((v, i) => (v + cropped[i]) / 2);
    expect(maxDiff(plain.ab, cropped)).toBeGreaterThan(0.5); // the views really differ
    expect(maxDiff(both.ab, mean)).toBeLessThan(1e-3);
  });

  it('is on by default in render() and off in colorize()', async () => {
    const s = sessionFor(image, [hint]);
    const c = await colorizer.colorize(image, s, { refine: false });
    expect(c.ab).toEqual((await colorizer.colorize(image, s, { refine: false, shift: false })).ab);
    const byDefault = await colorizer.render(image, s);
    expect(byDefault).toEqual(await colorizer.render(image, s, { shift: true }));
    expect(byDefault).not.toEqual(await colorizer.render(image, s, { shift: false }));
  });

  it('leaks no tensors, with or without the mirror', async () => {
    const s = sessionFor(image, [hint]);
    await colorizer.colorize(image, s, { shift: true, mirror: true });
    const before = tf.memory().numTensors;
    for (const mirror of [true, false, true])
      await colorizer.colorize(image, s, { shift: true, mirror });
    expect(tf.memory().numTensors).toBe(before);
  });
});
