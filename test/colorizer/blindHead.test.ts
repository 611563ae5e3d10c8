// colorize() answers a session without point or stroke hints with the blind head and any other
// session with the hinted one. The stand-in model's heads paint opposite colours (a* = −84 / +84,
// confident logits so the confidence-weighted chroma keeps them), so the output tells them apart;
// their distributions are sure of different bins (blind: bin 0, hinted: the last), so the
// suggestions tell which head's distribution they read.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Colorizer, loadColorizer } from '../../src/colorizer';
import { snapToGamut } from '../../src/core/color';
import type { Hint } from '../../src/core/session';
import { greyImage, readModelFiles, sessionFor, TINY_MODEL_DIR, WASM_DIR } from './helpers';
import { standInTrunk } from './standInNet';

const image = greyImage(64, 48, (x, y) => 30 + ((x + 2 * y) % 40));

/** ab conv (tanh, a* from bias aBias) + logits conv (stride 8, all mass on bin `sure`), named by head. */
function head(
  x: tf.SymbolicTensor,
  prefix: string,
  aBias: number,
  q: number,
  sure: number,
): tf.SymbolicTensor[] {
  const ab = tf.layers.conv2d({
    filters: 2,
    kernelSize: 1,
    activation: 'tanh',
    name: `${prefix}ab`,
  });
  const logits = tf.layers.conv2d({
    filters: q,
    kernelSize: 8,
    strides: 8,
    name: `${prefix}logits`,
  });
  const outs = [ab.apply(x), logits.apply(x)] as tf.SymbolicTensor[];
  ab.setWeights([tf.zeros([1, 1, 4, 2]), tf.tensor1d([aBias, 0])]);
  const bias = new Float32Array(q);
  bias[sure] = 30;
  logits.setWeights([tf.zeros([8, 8, 4, q]), tf.tensor1d(bias)]);
  return outs;
}

async function blindHeadModel(): Promise<{ modelJson: unknown; weights: ArrayBuffer }> {
  const tiny = await readModelFiles(TINY_MODEL_DIR);
  const meta = (tiny.modelJson as { userDefinedMetadata: { tintype: { bins: unknown[] } } })
    .userDefinedMetadata;
  const q = meta.tintype.bins.length;
  const { local, global, x } = standInTrunk(q);
  const model = tf.model({
    inputs: [local, global],
    outputs: [...head(x, '', -1, q, q - 1), ...head(x, 'blind_', 1, q, 0)],
  });
  let files: { modelJson: unknown; weights: ArrayBuffer } | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      files = {
        modelJson: {
          modelTopology: a.modelTopology,
          weightsManifest: [{ paths: ['w.bin'], weights: a.weightSpecs }],
          userDefinedMetadata: meta,
        },
        weights: a.weightData as ArrayBuffer,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  if (!files) throw new Error('model.save wrote nothing');
  return files;
}

/**
 * Mean a* over the working-resolution result. Vividness 0 unless given: the regression output
 * alone, so the head that answered shows by the sign of a*.
 */
async function meanA(c: Colorizer, hints: Hint[], vividness = 0): Promise<number> {
  const session = { ...sessionFor(image, hints), vividness };
  const out = await c.colorize(image, session, { refine: false });
  let sum = 0;
  for (let i = 0; i < out.ab.length; i += 2) sum += out.ab[i];
  return sum / (out.ab.length / 2);
}

describe('the blind head in colorize()', () => {
  let colorizer: Colorizer;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    colorizer = await loadColorizer({
      model: await blindHeadModel(),
      wasmPaths: WASM_DIR,
      workingSize: 64,
    });
  });
  afterAll(() => colorizer?.dispose());

  it('answers a photo without hints', async () => {
    expect(await meanA(colorizer, [])).toBeGreaterThan(70);
  });

  it('answers a session whose hints were all erased (no pixel carries one)', async () => {
    const point: Hint = { kind: 'point', x: 10, y: 10, size: 6, ab: [0, 40] };
    const erase: Hint = { kind: 'erase', points: [[10, 10]], width: 20 };
    expect(await meanA(colorizer, [point, erase])).toBeGreaterThan(70);
  });

  it('steps aside for the hinted head as soon as one point is placed', async () => {
    const point: Hint = { kind: 'point', x: 10, y: 10, size: 2, ab: [0, 40] };
    expect(await meanA(colorizer, [point])).toBeLessThan(-70);
  });

  it('applies vividness to the blind head’s answer only', async () => {
    // The blind head's distribution is sure of bin 0; vividness 1 paints the blind answer in
    // that bin's colour, and leaves the hinted head's regression output as it was.
    const bin0 = colorizer.meta.bins[0][0];
    expect(await meanA(colorizer, [], 1)).toBeCloseTo(bin0, 1);
    expect(await meanA(colorizer, [], 0.5)).toBeCloseTo(
      (bin0 + (await meanA(colorizer, []))) / 2,
      1,
    );
    const point: Hint = { kind: 'point', x: 10, y: 10, size: 2, ab: [0, 40] };
    expect(await meanA(colorizer, [point], 1)).toBeCloseTo(await meanA(colorizer, [point], 0), 5);
  });

  it('suggests the blind head’s colours at a hinted point, even with no blind run before', async () => {
    // A new photo object: nothing cached, as when a session with hints is opened.
    const photo = greyImage(64, 48, (x, y) => 40 + ((x + y) % 30));
    const point: Hint = { kind: 'point', x: 10, y: 10, size: 2, ab: [0, 40] };
    await colorizer.colorize(photo, sessionFor(photo, [point]), { refine: false });
    // Suggestions are snapped into the gamut at the pixel's L*, so compare with snapped bins.
    const snapped = (bin: readonly number[]) => snapToGamut(photo.L[10 * 64 + 10], bin[0], bin[1]);
    const [bin0, last] = [
      snapped(colorizer.meta.bins[0]),
      snapped(colorizer.meta.bins.at(-1) ?? []),
    ];
    const near = (ab: readonly number[], to: readonly number[]) =>
      Math.hypot(ab[0] - to[0], ab[1] - to[1]) < 12;
    expect(near(bin0, last)).toBe(false);
    const top = colorizer.suggest(10, 10, 3);
    expect(near(top[0].ab, bin0)).toBe(true);
    expect(top[0].probability).toBeGreaterThan(0.9);
    expect(top.some((s) => near(s.ab, last) && s.probability > 0.5)).toBe(false);
    const without = colorizer.suggest(10, 10, 3, [top[0].ab[0], top[0].ab[1]]);
    expect(without.length).toBeGreaterThan(0);
    for (const s of without) expect(near(s.ab, top[0].ab)).toBe(false);
  });
});
