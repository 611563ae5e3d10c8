import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { parseModelMeta } from './meta';
import type { ModelMeta, ModelSource } from './types';

export interface LoadedModel {
  model: tfl.LayersModel;
  meta: ModelMeta;
}

type ModelJson = {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  userDefinedMetadata?: unknown;
};

/** Loads a layers model from a URL (browser) or from in-memory files (Node), with its metadata. */
export async function loadModel(
  source: ModelSource,
  onProgress?: (fraction: number) => void,
): Promise<LoadedModel> {
  if (typeof source === 'string') {
    const model = await tfl.loadLayersModel(source, { onProgress });
    const meta = parseModelMeta({ userDefinedMetadata: model.getUserDefinedMetadata() });
    return { model, meta };
  }
  if (typeof source !== 'object' || source === null) {
    throw new Error('model: expected a URL string or { modelJson, weights }');
  }
  if (!(source.weights instanceof ArrayBuffer)) {
    throw new Error('model.weights: expected an ArrayBuffer with the concatenated weight shards');
  }
  const json = source.modelJson as ModelJson;
  if (typeof json !== 'object' || json === null || typeof json.modelTopology !== 'object') {
    throw new Error('model.modelJson: expected a parsed model.json with a modelTopology');
  }
  if (!Array.isArray(json.weightsManifest)) {
    throw new Error('model.modelJson.weightsManifest: missing or not an array');
  }
  // Validate before paying for weight upload so a bad export fails fast.
  const meta = parseModelMeta(json);
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  const handler = tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData: source.weights,
    userDefinedMetadata: json.userDefinedMetadata as Record<string, object>,
  });
  const model = await tfl.loadLayersModel(handler);
  onProgress?.(1);
  return { model, meta };
}
