import { selectBackend } from './backend';
import { checkLoadOptions } from './checks';
import { TfColorizer } from './colorizer';
import { splitHeads } from './heads';
import { loadModel } from './loadModel';
import type { Colorizer, LoadOptions } from './types';

/**
 * Loads the model on the best available backend. Throws plain errors naming the bad option
 * or metadata field.
 */
export async function loadColorizer(
  options: LoadOptions,
  onProgress?: (fraction: number) => void,
): Promise<Colorizer> {
  const { order, confidence } = checkLoadOptions(options);
  const { backend, fallbacks } = await selectBackend(order, options.wasmPaths);
  const { model, meta } = await loadModel(options.model, onProgress);
  return new TfColorizer(
    model,
    splitHeads(model, meta),
    meta,
    backend,
    fallbacks,
    options.workingSize ?? meta.workingSize,
    options.refine ?? true,
    confidence,
  );
}
