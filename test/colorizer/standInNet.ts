// The trunk of the stand-in networks the head tests build: contract inputs (local [N,H,W,4],
// global [N,Q+3]) into one shared 4-channel feature map, the way the real encoder and global
// branch feed both heads.
import * as tf from '@tensorflow/tfjs';

export function standInTrunk(q: number): {
  local: tf.SymbolicTensor;
  global: tf.SymbolicTensor;
  x: tf.SymbolicTensor;
} {
  const local = tf.input({ shape: [null, null, 4], name: 'local' });
  const global = tf.input({ shape: [q + 3], name: 'global' });
  const g = tf.layers
    .reshape({ targetShape: [1, 1, 4] })
    .apply(tf.layers.dense({ units: 4 }).apply(global)) as tf.SymbolicTensor;
  const enc = tf.layers.conv2d({ filters: 4, kernelSize: 1, name: 'enc' }).apply(local);
  const x = tf.layers.add().apply([enc as tf.SymbolicTensor, g]) as tf.SymbolicTensor;
  return { local, global, x };
}
