/**
 * Browser side of `npm run bench`: loaded in headless Chromium, one page per backend (TF.js
 * keeps one global backend), exposes `runBench` for Playwright to call.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type BackendName, loadColorizer } from '../../../colorizer';
import { emptySession } from '../../../core/session';
import { timeNetVsReference } from '../netVsReference';
import type { InferenceRow } from '../report';
import { syntheticL, timeMedian } from '../timing';

export interface BrowserBenchOptions {
  backend: BackendName;
  modelUrl: string;
  wasmPaths: string;
  runs: number;
  refSize: number;
  refRuns: number;
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
  // The export path once on this backend: its extra kernels (mirror, reflection padding for
  // the half-stride shift) must run here too, not only in Node.
  const render = await timeMedian(() => colorizer.render(image, session), 1, 1);

  const net = await timeNetVsReference(o.modelUrl, o.refSize, o.refRuns);
  colorizer.dispose();
  return {
    where: 'chromium',
    backend: colorizer.backend,
    colorizeMs: colorize.ms,
    colorizeRuns: colorize.runs,
    refSize: o.refSize,
    oursNetMs: net.oursMs,
    zhangNetMs: net.zhangMs,
    zhangRuns: net.zhangRuns,
    tfBytes,
    peakRssBytes: null,
    note: `render() 256² at working size 256 (mirror + shift): ${Math.round(render.ms)} ms`,
  };
}

Object.assign(window, { runBench, benchReady: true });
