import * as tf from '@tensorflow/tfjs-core';
import { loadColorizer } from '../../colorizer';
import { emptySession, type Session } from '../../core/session';
import { type ModelFiles, nodeWasmPaths } from '../modelFiles';
import { timeNetVsReference } from './netVsReference';
import type { InferenceRow } from './report';
import { syntheticL, timeMedian } from './timing';

export interface NodeBenchOptions {
  /** colorize() repetitions after warm-up (the issue asks for ≥ 20). */
  runs: number;
  /** Input side for the ours-vs-reference comparison and its repetitions. */
  refSize: number;
  refRuns: number;
}

/** A 256² photo with three colour points: the shape of a real editing call. */
export function benchInput(size: number): {
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

  const net = await timeNetVsReference(
    { modelJson: files.modelJson, weights: files.weights },
    opts.refSize,
    opts.refRuns,
  );
  colorizer.dispose();
  return {
    where: 'node',
    backend: colorizer.backend,
    colorizeMs: colorize.ms,
    colorizeRuns: colorize.runs,
    refSize: opts.refSize,
    oursNetMs: net.oursMs,
    zhangNetMs: net.zhangMs,
    zhangRuns: net.zhangRuns,
    tfBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
