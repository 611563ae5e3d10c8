import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Colorizer, loadColorizer } from '../../src/colorizer';
import {
  greyImage,
  loadTinyColorizer,
  readModelFiles,
  sessionFor,
  TINY_MODEL_DIR,
} from './helpers';

let colorizer: Colorizer;
const image = greyImage(96, 64, (x, y) => 20 + ((x * 3 + y * 5) % 60));

beforeAll(async () => {
  colorizer = await loadTinyColorizer();
});
afterAll(() => colorizer?.dispose());

describe('loadColorizer (tiny model, Node)', () => {
  it('runs on wasm in Node and reads the metadata', () => {
    expect(colorizer.backend).toBe('wasm');
    expect(colorizer.fallbacks).toEqual([]);
    expect(colorizer.meta.bins.length).toBeGreaterThan(200);
    expect(colorizer.meta.abScale).toBe(110);
  });

  it('rejects a model.json whose metadata lacks a field', async () => {
    const files = await readModelFiles(TINY_MODEL_DIR);
    const json = structuredClone(files.modelJson) as {
      userDefinedMetadata: { tintype: Record<string, unknown> };
    };
    delete json.userDefinedMetadata.tintype.logitsStride;
    await expect(
      loadColorizer({ model: { ...files, modelJson: json }, backend: 'cpu' }),
    ).rejects.toThrow('model.json userDefinedMetadata.tintype.logitsStride: missing');
  });
});

describe('colorize', () => {
  it('returns ab at the working size (aspect kept, multiples of 16) in the ab range', async () => {
    const r = await colorizer.colorize(image, sessionFor(image));
    expect([r.width, r.height]).toEqual([64, 48]); // 96×64 → long side 64, 42.7 → 48
    expect(r.ab.length).toBe(64 * 48 * 2);
    expect(r.ab.every((v) => Math.abs(v) <= 110)).toBe(true);
    expect(r.ms).toBeGreaterThan(0);
    const big = await colorizer.colorize(image, sessionFor(image), { workingSize: 128 });
    expect([big.width, big.height]).toEqual([128, 80]);
  });

  it('responds to hints and global hints', async () => {
    const plain = await colorizer.colorize(image, sessionFor(image));
    const hinted = sessionFor(image, [{ kind: 'point', x: 40, y: 30, size: 12, ab: [60, 60] }]);
    const withHint = await colorizer.colorize(image, hinted);
    const withSat = await colorizer.colorize(image, {
      ...hinted,
      global: { saturation: 0.9, palette: null },
    });
    const diff = (a: Float32Array, b: Float32Array) =>
      a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0);
    expect(diff(plain.ab, withHint.ab)).toBeGreaterThan(0);
    expect(diff(withHint.ab, withSat.ab)).toBeGreaterThan(0);
  });

  it('computes the L input once per image however many strokes', async () => {
    const fresh = greyImage(40, 40, () => 50);
    const counter = colorizer as unknown as { lComputeCount: number };
    const before = counter.lComputeCount;
    for (let i = 0; i < 4; i++) {
      await colorizer.colorize(
        fresh,
        sessionFor(fresh, [{ kind: 'point', x: i * 5, y: 5, size: 3, ab: [20, 0] }]),
      );
    }
    expect(counter.lComputeCount - before).toBe(1);
  });

  it('names a bad image and working size', async () => {
    await expect(
      colorizer.colorize({ width: 4, height: 4, L: new Float32Array(3) }, sessionFor(image)),
    ).rejects.toThrow(/image.L: expected a Float32Array of 16 values/);
    await expect(colorizer.colorize(image, sessionFor(image), { workingSize: 20 })).rejects.toThrow(
      /opts.workingSize must be a positive multiple of 16/,
    );
  });

  it('does not leak tensors over 1,000 calls', async () => {
    const small = greyImage(32, 32, (x) => x * 3);
    const session = sessionFor(small, [{ kind: 'point', x: 8, y: 8, size: 4, ab: [30, -20] }]);
    await colorizer.colorize(small, session, { workingSize: 32 });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) await colorizer.colorize(small, session, { workingSize: 32 });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('suggest and uncertainty', () => {
  it('suggests up to k distinct colours sorted by probability, in gamut at the pixel L', async () => {
    await colorizer.colorize(image, sessionFor(image));
    const s = colorizer.suggest(50, 20, 4);
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < s.length; i++)
      expect(s[i].probability).toBeLessThanOrEqual(s[i - 1].probability);
    const keys = new Set(s.map((c) => c.rgb.join(',')));
    expect(keys.size).toBe(s.length);
    const total = s.reduce((acc, c) => acc + c.probability, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
    for (const c of s)
      for (const v of c.rgb) expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
    expect(colorizer.suggest(50, 20, 1)).toHaveLength(1);
    expect(() => colorizer.suggest(500, 20, 3)).toThrow(/outside the 96×64 image/);
  });

  it('uncertainty is per logits cell in [0, 1]', async () => {
    await colorizer.colorize(image, sessionFor(image));
    const u = colorizer.uncertainty();
    expect([u.width, u.height]).toEqual([8, 6]); // working 64×48, logits stride 8
    expect(u.data.length).toBe(48);
    expect(u.data.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});
