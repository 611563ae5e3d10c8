/**
 * Browser side of `npm run bench`: loaded in headless Chromium, one page per backend (TF.js
 * keeps one global backend), exposes `runBench` for Playwright to call.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { type BackendName, loadColorizer } from '../../../colorizer';
import { loadModel } from '../../../colorizer/loadModel';
import { checkModelShapes } from '../../../colorizer/modelIo';
import { emptySession } from '../../../core/session';
import type { InferenceRow } from '../report';
import { syntheticL, timeMedian } from '../timing';
import { buildZhangReference } from '../zhangReference';

export interface BrowserBenchOptions {
  backend: BackendName;
  modelUrl: string;
  wasmPaths: string;
  runs: number;
  refSize: number;
  refRuns: number;
}

async function runNet(model: tfl.LayersModel, inputs: tf.Tensor[]): Promise<void> {
  const out = model.predict(inputs.length === 1 ? inputs[0] : inputs);
  const outputs = Array.isArray(out) ? out : [out];
  await Promise.all(outputs.map((t) => t.data()));
  tf.dispose(outputs);
}

/** 10 s: headless Chromium without a GPU can leave requestAdapter() pending forever. */
const ADAPTER_TIMEOUT_MS = 10_000;

async function assertWebGpuAdapter(): Promise<void> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) throw new Error('navigator.gpu is missing (WebGPU not enabled in this browser)');
  const timeout = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), ADAPTER_TIMEOUT_MS),
  );
  const adapter = await Promise.race([gpu.requestAdapter(), timeout]);
  if (adapter === 'timeout')
    throw new Error('navigator.gpu.requestAdapter() did not answer in 10 s');
  if (!adapter) throw new Error('no WebGPU adapter (no GPU available to headless Chromium)');
}

async function runBench(o: BrowserBenchOptions): Promise<InferenceRow> {
  if (o.backend === 'webgpu') await assertWebGpuAdapter();
  const colorizer = await loadColorizer({
    model: o.modelUrl,
    backend: o.backend,
    workingSize: 256,
    wasmPaths: o.wasmPaths,
  });
  const image = { width: 256, height: 256, L: syntheticL(256, 256) };
  const session = emptySession({ width: 256, height: 256, name: 'bench' });
  session.hints = [{ kind: 'point', x: 40, y: 40, size: 8, ab: [40, 30] }];
  const colorize = await timeMedian(() => colorizer.colorize(image, session), o.runs, 2);
  const tfBytes = tf.memory().numBytes; // our model and its working buffers only

  const { model, meta } = await loadModel(o.modelUrl);
  const io = checkModelShapes(model, meta);
  const zhang = buildZhangReference(o.refSize);
  const local = tf.randomUniform([1, o.refSize, o.refSize, 4], -0.5, 0.5);
  const global = tf.zeros([1, meta.bins.length + 3]);
  const ours = await timeMedian(
    () => runNet(model, io.localFirst ? [local, global] : [global, local]),
    Math.max(o.refRuns, 5),
  );
  const reference = await timeMedian(() => runNet(zhang, [local]), o.refRuns);
  tf.dispose([local, global]);
  zhang.dispose();
  model.dispose();
  colorizer.dispose();
  return {
    where: 'chromium',
    backend: colorizer.backend,
    colorizeMs: colorize.ms,
    colorizeRuns: colorize.runs,
    refSize: o.refSize,
    oursNetMs: ours.ms,
    zhangNetMs: reference.ms,
    zhangRuns: reference.runs,
    tfBytes,
    peakRssBytes: null,
  };
}

Object.assign(window, { runBench, benchReady: true });
