import * as tf from '@tensorflow/tfjs-core';
import { type Colorizer, loadColorizer } from '../colorizer';
import type { ModelOptions } from './args';
import { errorMessage, InputError } from './errors';
import { nodeWasmPaths, readModelFiles } from './modelFiles';

/**
 * Loads the model from disk and starts the colorizer on the requested Node backend.
 * PROD silences TF.js's console advice (e.g. "install tfjs-node"), which would otherwise land
 * in the middle of the CLI's own stderr.
 */
export async function openColorizer(options: ModelOptions): Promise<Colorizer> {
  tf.env().set('PROD', true);
  const files = await readModelFiles(options.model);
  try {
    return await loadColorizer({
      model: { modelJson: files.modelJson, weights: files.weights },
      backend: options.backend,
      workingSize: options.size,
      wasmPaths: nodeWasmPaths(),
    });
  } catch (error) {
    throw new InputError(`${options.model}: cannot load model (${errorMessage(error)})`);
  }
}
