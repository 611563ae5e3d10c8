import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Colorizer } from '../../src/colorizer';
import { greyImage, loadTinyColorizer, sessionFor } from './helpers';

let colorizer: Colorizer;
// Deliberately asymmetric, so the net's two views of it differ.
const fn = (x: number, y: number) => 20 + ((x * x * 7 + y * 11) % 60);
const image = greyImage(96, 64, fn);
const mirrored = greyImage(96, 64, (x, y) => fn(95 - x, y));

beforeAll(async () => {
  // confidence 0: the output is the averaged net itself, so the definition can be checked.
  colorizer = await loadTinyColorizer({ confidence: 0 });
});
afterAll(() => colorizer?.dispose());

/** ab [h, w, 2] interleaved, columns reversed. */
function unmirror(ab: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(ab.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = 2 * (y * width + (width - 1 - x));
      const d = 2 * (y * width + x);
      out[d] = ab[s];
      out[d + 1] = ab[s + 1];
    }
  return out;
}

const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('mirror averaging', () => {
  it('is the mean of the net on the photo and, un-mirrored, on its mirror image', async () => {
    const s = sessionFor(image);
    const opts = { refine: false };
    const plain = await colorizer.colorize(image, s, opts);
    const flipped = await colorizer.colorize(mirrored, sessionFor(mirrored), opts);
    const both = await colorizer.colorize(image, s, { ...opts, mirror: true });
    const { width, height } = plain;
    const back = unmirror(flipped.ab, width, height);
    const mean = plain.ab.map((v, i) => (v + back[i]) / 2);
    expect(maxDiff(plain.ab, back)).toBeGreaterThan(0.5); // the tiny net is not symmetric
    expect(maxDiff(both.ab, mean)).toBeLessThan(1e-3);
  });

  it('makes the result mirror-equivariant, and render() uses it by default', async () => {
    const a = await colorizer.colorize(image, sessionFor(image), { mirror: true });
    const b = await colorizer.colorize(mirrored, sessionFor(mirrored), { mirror: true });
    expect(maxDiff(a.ab, unmirror(b.ab, a.width, a.height))).toBeLessThan(1e-3);
    const s = sessionFor(image);
    const byDefault = await colorizer.render(image, s);
    expect(byDefault).toEqual(await colorizer.render(image, s, { mirror: true }));
    expect(byDefault).not.toEqual(await colorizer.render(image, s, { mirror: false }));
  });

  it('leaks no tensors', async () => {
    await colorizer.colorize(image, sessionFor(image), { mirror: true });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++)
      await colorizer.colorize(image, sessionFor(image), { mirror: true });
    expect(tf.memory().numTensors).toBe(before);
  });
});
