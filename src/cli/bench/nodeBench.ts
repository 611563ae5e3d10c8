import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { loadColorizer } from '../../colorizer';
import { loadModel } from '../../colorizer/loadModel';
import { checkModelShapes } from '../../colorizer/modelIo';
import { emptySession, type Session } from '../../core/session';
import { type ModelFiles, nodeWasmPaths } from '../modelFiles';
import type { InferenceRow } from './report';
import { syntheticL, timeMedian } from './timing';
import { buildZhangReference } from './zhangReference';

export interface NodeBenchOptions {
  /** colorize() repetitions after warm-up (the issue asks for ≥ 20). */
  runs: number;
  /** Input side for the ours-vs-reference comparison and its repetitions. */
  refSize: number;
  refRuns: number;
}

/** A 256² photo with three colour points: the shape of a real editing call. */
function benchInput(size: number): {
  image: { width: number; height: number; L: Float32Array };
  session: Session;
} {
  const image = { width: size, height: size, L: syntheticL(size, size) };
  const session = emptySession({ width: size, height: size, name: 'bench' });
  const point = (x: number, y: number, ab: [number, number]) =>
    ({ kind: 'point', x, y, size: 8, ab }) as const;
  session.hints = [point(40, 40, [40, 30]), point(200, 60, [-20, 50]), point(128, 200, [10, -40])];
  return { image, session };
}

/** predict + readback of every output, disposing everything: one network call as the app sees it. */
async function runNet(model: tfl.LayersModel, inputs: tf.Tensor[]): Promise<void> {
  const out = model.predict(inputs.length === 1 ? inputs[0] : inputs);
  const outputs = Array.isArray(out) ? out : [out];
  await Promise.all(outputs.map((t) => t.data()));
  tf.dispose(outputs);
}

/**
 * One backend in Node: colorize() at 256², then our network and the Zhang et al. reference on
 * the same backend and the same local input tensor.
 */
export async function benchNodeBackend(
  backend: 'wasm' | 'cpu',
  files: ModelFiles,
  opts: NodeBenchOptions,
): Promise<InferenceRow> {
  const colorizer = await loadColorizer({
    model: { modelJson: files.modelJson, weights: files.weights },
    backend,
    workingSize: 256,
    wasmPaths: nodeWasmPaths(),
  });
  const { image, session } = benchInput(256);
  const colorize = await timeMedian(() => colorizer.colorize(image, session), opts.runs, 2);
  const tfBytes = tf.memory().numBytes; // our model and its working buffers only

  const { model, meta } = await loadModel({ modelJson: files.modelJson, weights: files.weights });
  const io = checkModelShapes(model, meta);
  const zhang = buildZhangReference(opts.refSize);
  const local = tf.randomUniform([1, opts.refSize, opts.refSize, 4], -0.5, 0.5);
  const global = tf.zeros([1, meta.bins.length + 3]);
  const oursInputs = io.localFirst ? [local, global] : [global, local];
  const ours = await timeMedian(() => runNet(model, oursInputs), Math.max(opts.refRuns, 5));
  const reference = await timeMedian(() => runNet(zhang, [local]), opts.refRuns);

  tf.dispose([local, global]);
  zhang.dispose();
  model.dispose();
  colorizer.dispose();
  return {
    where: 'node',
    backend: colorizer.backend,
    colorizeMs: colorize.ms,
    colorizeRuns: colorize.runs,
    refSize: opts.refSize,
    oursNetMs: ours.ms,
    zhangNetMs: reference.ms,
    zhangRuns: reference.runs,
    tfBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
