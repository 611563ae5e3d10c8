import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { splitHeads } from '../../colorizer/heads';
import { loadModel } from '../../colorizer/loadModel';
import type { ModelSource } from '../../colorizer/types';
import { timeMedian } from './timing';
import { buildZhangReference } from './zhangReference';

/** predict + readback of every output, disposing everything: one network call as the app sees it. */
async function runNet(model: tfl.LayersModel, inputs: tf.Tensor[]): Promise<void> {
  const out = model.predict(inputs.length === 1 ? inputs[0] : inputs);
  const outputs = Array.isArray(out) ? out : [out];
  await Promise.all(outputs.map((t) => t.data()));
  tf.dispose(outputs);
}

/**
 * Our network and the Zhang et al. reference on the current backend and the same local input
 * tensor (refSize²), median ms of each. Shared by the Node and the in-browser bench, so both
 * time exactly the same thing.
 */
export async function timeNetVsReference(
  source: ModelSource,
  refSize: number,
  refRuns: number,
): Promise<{ oursMs: number; zhangMs: number; zhangRuns: number }> {
  const { model, meta } = await loadModel(source);
  // One head, as one stroke runs it (both heads cost the same network).
  const { model: head, io } = splitHeads(model, meta).hinted;
  const zhang = buildZhangReference(refSize);
  const local = tf.randomUniform([1, refSize, refSize, 4], -0.5, 0.5);
  const global = tf.zeros([1, meta.bins.length + 3]);
  try {
    const inputs = io.localFirst ? [local, global] : [global, local];
    const ours = await timeMedian(() => runNet(head, inputs), Math.max(refRuns, 5));
    const reference = await timeMedian(() => runNet(zhang, [local]), refRuns);
    return { oursMs: ours.ms, zhangMs: reference.ms, zhangRuns: reference.runs };
  } finally {
    tf.dispose([local, global]);
    zhang.dispose();
    model.dispose();
  }
}
