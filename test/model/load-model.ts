// Loads an exported Tintype model from disk into TF.js (cpu backend) for the model tests.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { readModelFiles } from '../../src/cli/modelFiles';

interface ManifestGroup {
  paths: string[];
  weights: tf.io.WeightsManifestEntry[];
}

export interface LoadedModel {
  model: tf.LayersModel;
  json: {
    format: string;
    modelTopology: object;
    weightsManifest: ManifestGroup[];
    userDefinedMetadata: { tintype: Record<string, unknown> };
  };
}

export async function loadExportedModel(dir: string): Promise<LoadedModel> {
  await tf.setBackend('cpu');
  // The CLI's reader: model.json + shards concatenated in manifest order (TF.js's weightData
  // layout), with the shard sizes checked against the manifest.
  const files = await readModelFiles(join(dir, 'model.json'));
  const json = files.modelJson as LoadedModel['json'];
  if (json.format !== 'layers-model') {
    throw new Error(`${dir}/model.json: format is ${json.format}, expected layers-model`);
  }
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: files.weights,
      userDefinedMetadata: json.userDefinedMetadata,
    }),
  );
  return { model, json };
}

/** Runs the model once; returns [ab, logits] as flat NHWC arrays with their shapes. */
export function predict(
  model: tf.LayersModel,
  local: number[] | Float32Array,
  localShape: number[],
  global: number[] | Float32Array,
): { ab: Float32Array; abShape: number[]; logits: Float32Array; logitsShape: number[] } {
  return tf.tidy(() => {
    const inputs = [
      tf.tensor4d(Float32Array.from(local), localShape as [number, number, number, number]),
      tf.tensor2d(Float32Array.from(global), [localShape[0], global.length / localShape[0]]),
    ];
    const [ab, logits] = model.predict(inputs) as tf.Tensor[];
    return {
      ab: ab.dataSync() as Float32Array,
      abShape: ab.shape,
      logits: logits.dataSync() as Float32Array,
      logitsShape: logits.shape,
    };
  });
}
