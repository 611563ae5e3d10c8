import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ModelFiles,
  nodeWasmPaths,
  readModelFiles as readModelFilesAt,
} from '../../src/cli/modelFiles';
import { type Colorizer, type LoadOptions, loadColorizer } from '../../src/colorizer';
import type { GreyImage } from '../../src/core/image';
import { emptySession, type Hint, type Session } from '../../src/core/session';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TINY_MODEL_DIR = join(root, 'test', 'fixtures', 'tiny-model');
export const REAL_MODEL_DIR = join(root, 'public', 'models', 'tintype');
/** tfjs-backend-wasm's .wasm folder in node_modules: the same lookup the CLI uses. */
export const WASM_DIR = nodeWasmPaths();

/** model.json + its shards from `dir`, through the CLI's reader (which also checks shard sizes). */
export function readModelFiles(dir: string): Promise<ModelFiles> {
  return readModelFilesAt(join(dir, 'model.json'));
}

/** The tiny contract-v1 model on wasm at working size 64: the colorizer tests' usual setup. */
export async function loadTinyColorizer(options: Partial<LoadOptions> = {}): Promise<Colorizer> {
  return loadColorizer({
    model: await readModelFiles(TINY_MODEL_DIR),
    wasmPaths: WASM_DIR,
    workingSize: 64,
    ...options,
  });
}

export function realModelExists(): boolean {
  return existsSync(join(REAL_MODEL_DIR, 'model.json'));
}

/** A grey image with L = fn(x, y). */
export function greyImage(
  width: number,
  height: number,
  fn: (x: number, y: number) => number,
): GreyImage {
  const L = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) L[y * width + x] = fn(x, y);
  return { width, height, L };
}

export function sessionFor(image: GreyImage, hints: Hint[] = []): Session {
  const s = emptySession({ width: image.width, height: image.height, name: 'test.png' });
  return { ...s, hints };
}
