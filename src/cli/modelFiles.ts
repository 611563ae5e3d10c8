import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { errorMessage, InputError } from './errors';
import { assertReadableFile } from './imageIO';

/** What `loadColorizer({ model })` accepts in Node: the parsed model.json and all weights. */
export interface ModelFiles {
  modelJson: unknown;
  weights: ArrayBuffer;
  /** model.json plus every shard, in bytes: the download a browser user pays for. */
  bytesOnDisk: number;
}

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}
interface WeightGroup {
  paths: string[];
  weights: WeightSpec[];
}

const BYTES_PER_DTYPE: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/** Bytes a weight occupies in the shards: quantised weights are stored at their quantised width. */
function storedBytes(spec: WeightSpec, where: string): number {
  const dtype = spec.quantization?.dtype ?? spec.dtype;
  const width = BYTES_PER_DTYPE[dtype];
  if (width === undefined) throw new InputError(`${where}: unsupported weight dtype "${dtype}"`);
  return spec.shape.reduce((n, d) => n * d, 1) * width;
}

function weightGroups(json: unknown, file: string): WeightGroup[] {
  const manifest = (json as { weightsManifest?: unknown }).weightsManifest;
  if (!Array.isArray(manifest)) {
    throw new InputError(`${file}: not a TF.js layers model (no weightsManifest)`);
  }
  return manifest.map((group, i) => {
    const g = group as Partial<WeightGroup>;
    if (!Array.isArray(g.paths) || !Array.isArray(g.weights)) {
      throw new InputError(`${file}: weightsManifest[${i}] needs "paths" and "weights" arrays`);
    }
    return g as WeightGroup;
  });
}

/**
 * Reads model.json and its weight shards (in manifest order, the order tf.io expects them
 * concatenated) and checks the shards hold exactly the bytes the manifest describes, so a
 * half-copied model fails here with the file name rather than deep inside TF.js.
 */
export async function readModelFiles(modelJsonPath: string): Promise<ModelFiles> {
  await assertReadableFile(modelJsonPath, 'model');
  let modelJson: unknown;
  try {
    modelJson = JSON.parse(await readFile(modelJsonPath, 'utf8'));
  } catch (error) {
    throw new InputError(`${modelJsonPath}: model.json is not valid JSON (${errorMessage(error)})`);
  }
  const dir = path.dirname(modelJsonPath);
  const shards: Uint8Array[] = [];
  let bytesOnDisk = (await stat(modelJsonPath)).size;
  for (const group of weightGroups(modelJson, modelJsonPath)) {
    const groupShards: Uint8Array[] = [];
    for (const shardPath of group.paths) {
      const shardFile = path.join(dir, shardPath);
      await assertReadableFile(shardFile, 'weight shard');
      groupShards.push(await readFile(shardFile));
    }
    const got = groupShards.reduce((n, s) => n + s.byteLength, 0);
    const want = group.weights.reduce((n, w) => n + storedBytes(w, modelJsonPath), 0);
    if (got !== want) {
      throw new InputError(
        `${path.join(dir, group.paths[0] ?? '?')}: weight shards hold ${got} bytes, model.json describes ${want}`,
      );
    }
    shards.push(...groupShards);
    bytesOnDisk += got;
  }
  return { modelJson, weights: concat(shards), bytesOnDisk };
}

function concat(parts: Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out.buffer;
}

/**
 * The folder holding tfjs-backend-wasm's .wasm binaries in node_modules, for
 * `loadColorizer({ wasmPaths })`: in Node there is no server to fetch them from, and the
 * backend must know the folder before it is first initialised.
 */
export function nodeWasmPaths(): string {
  const require = createRequire(import.meta.url);
  return `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}${path.sep}`;
}
