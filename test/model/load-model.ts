// Loads an exported Tintype model from disk into TF.js (cpu backend) for the model tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

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
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as LoadedModel['json'];
  if (json.format !== 'layers-model') {
    throw new Error(`${dir}/model.json: format is ${json.format}, expected layers-model`);
  }
  // Shards are concatenated in manifest order: that is how TF.js itself lays out weightData.
  const buffers = json.weightsManifest.flatMap((g) =>
    g.paths.map((p) => new Uint8Array(readFileSync(join(dir, p)))),
  );
  const weightData = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of buffers) {
    weightData.set(b, offset);
    offset += b.length;
  }
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: weightData.buffer,
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
