// The blind head: an export with four outputs splits into two sub-models over shared layers,
// and the colorizer picks the blind one exactly when no pixel carries a hint.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Heads, headFor, splitHeads } from '../../src/colorizer/heads';
import type { ModelMeta } from '../../src/colorizer/types';
import { standInTrunk } from './standInNet';

const Q = 5;
const meta = { bins: Array.from({ length: Q }, (_, i) => [i * 10, 0]) } as unknown as ModelMeta;

/** A stand-in net: a shared encoder conv, then per-head 1x1 convs named as the exporter names them. */
function tinyNet(names: string[]): tf.LayersModel {
  const { local, global, x } = standInTrunk(Q);
  const outs = names.map(
    (name) =>
      tf.layers
        .conv2d({ filters: name.endsWith('ab') ? 2 : Q, kernelSize: 1, name })
        .apply(x) as tf.SymbolicTensor,
  );
  return tf.model({ inputs: [local, global], outputs: outs });
}

function blindOf(heads: Heads): Heads['hinted'] {
  if (!heads.blind) throw new Error('expected a blind head');
  return heads.blind;
}

function run(model: tf.LayersModel): tf.Tensor[] {
  return tf.tidy(() => {
    const local = tf.randomUniform([1, 8, 8, 4], -1, 1, 'float32', 3);
    const global = tf.zeros([1, Q + 3]);
    return model.predict([local, global]) as tf.Tensor[];
  });
}

describe('splitHeads', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => tf.disposeVariables());

  it('keeps a two-output (contract v1) model as the only head', () => {
    const model = tinyNet(['ab', 'logits']);
    const heads = splitHeads(model, meta);
    expect(heads.hinted.model).toBe(model);
    expect(heads.blind).toBeNull();
    model.dispose();
  });

  it('splits four outputs into two heads that compute their own outputs', () => {
    const model = tinyNet(['ab', 'logits', 'blind_ab', 'blind_logits']);
    const heads = splitHeads(model, meta);
    const all = run(model);
    for (const [head, offset] of [
      [heads.hinted, 0],
      [blindOf(heads), 2],
    ] as const) {
      expect(head.model.outputs).toHaveLength(2);
      expect(head.io).toEqual({ localFirst: true, abOutput: 0 });
      const [ab, logits] = run(head.model);
      expect(ab.shape).toEqual([1, 8, 8, 2]);
      expect(Array.from(ab.dataSync())).toEqual(Array.from(all[offset].dataSync()));
      expect(Array.from(logits.dataSync())).toEqual(Array.from(all[offset + 1].dataSync()));
      tf.dispose([ab, logits]);
    }
    // The heads differ (their own weights), and both sub-models share the loaded model's layers.
    expect(Array.from(all[0].dataSync())).not.toEqual(Array.from(all[2].dataSync()));
    expect(blindOf(heads).model.getLayer('enc')).toBe(model.getLayer('enc'));
    tf.dispose(all);
    model.dispose();
  });

  it('frees every weight when the loaded model is disposed', () => {
    const before = tf.memory().numTensors;
    const model = tinyNet(['ab', 'logits', 'blind_ab', 'blind_logits']);
    const heads = splitHeads(model, meta);
    tf.dispose(run(blindOf(heads).model));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the outputs it expected when four are misnamed', () => {
    const model = tinyNet(['ab', 'logits', 'ab2', 'logits2']);
    expect(() => splitHeads(model, meta)).toThrow(
      /4 outputs must be ab, logits, blind_ab, blind_logits \(a blind head\), got ab, logits, ab2, logits2/,
    );
    model.dispose();
  });
});

describe('headFor', () => {
  const hinted = { tag: 'hinted' } as unknown as Heads['hinted'];
  const blind = { tag: 'blind' } as unknown as Heads['hinted'];

  it('takes the blind head only when no pixel carries a hint', () => {
    const heads: Heads = { hinted, blind };
    expect(headFor(heads, new Uint8Array(16))).toBe(blind);
    const mask = new Uint8Array(16);
    mask[15] = 1;
    expect(headFor(heads, mask)).toBe(hinted);
  });

  it('falls back to the one head of a model without a blind head', () => {
    expect(headFor({ hinted, blind: null }, new Uint8Array(16))).toBe(hinted);
  });
});
