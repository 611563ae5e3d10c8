import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { ModelIo } from './modelIo';
import type { ModelMeta } from './types';

/**
 * One network call inside tf.tidy: encoded local [h·w·4] and global [q + 3] inputs → ab (scaled
 * to CIELAB units) [1, h, w, 2] and logits [1, h/s, w/s, q]. The caller owns (and disposes) the
 * two tensors it gets back. With `mirror`, the photo and its mirror image run as one batch of
 * two and their outputs are averaged.
 */
export function predict(
  model: LayersModel,
  io: ModelIo,
  meta: ModelMeta,
  input: { local: Float32Array; global: Float32Array; width: number; height: number },
  mirror: boolean,
): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    let local: tf.Tensor = tf.tensor4d(input.local, [1, input.height, input.width, 4]);
    let global: tf.Tensor = tf.tensor2d(input.global, [1, input.global.length]);
    if (mirror) {
      // NHWC: axis 2 is the column axis.
      local = tf.concat([local, tf.reverse(local, 2)], 0);
      global = tf.concat([global, global], 0);
    }
    const outputs = model.predict(io.localFirst ? [local, global] : [global, local]) as tf.Tensor[];
    let ab = outputs[io.abOutput];
    let logits = outputs[1 - io.abOutput];
    if (mirror) {
      ab = averageWithMirror(ab);
      logits = averageWithMirror(logits);
    }
    return [tf.mul(ab, meta.abScale), logits];
  });
}

/**
 * Mean of batch item 0 and the un-mirrored batch item 1 of an NHWC tensor [2, h, w, c]: the
 * net is not mirror-symmetric, and averaging its two views of the photo is a cheap ensemble
 * (PyTorch check on 64 val256 photos: +0.04 dB at k = 0, +0.15 dB at k = 10, +0.10 at k = 50).
 */
function averageWithMirror(t: tf.Tensor): tf.Tensor {
  const [, h, w, c] = t.shape;
  const a = tf.slice(t, [0, 0, 0, 0], [1, h, w, c]);
  const b = tf.reverse(tf.slice(t, [1, 0, 0, 0], [1, h, w, c]), 2);
  return tf.mul(tf.add(a, b), 0.5);
}
