import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GreyImage } from '../../src/core/image';
import { emptySession, type Hint, type Session } from '../../src/core/session';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TINY_MODEL_DIR = join(root, 'test', 'fixtures', 'tiny-model');
export const REAL_MODEL_DIR = join(root, 'public', 'models', 'tintype');
/** tfjs-backend-wasm looks for its .wasm files here in Node (trailing slash required). */
export const WASM_DIR = `${join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist')}/`;

/** Reads model.json and concatenates its weight shards, as src/cli does. */
export function readModelFiles(dir: string): { modelJson: unknown; weights: ArrayBuffer } {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  const parts = modelJson.weightsManifest
    .flatMap((g) => g.paths)
    .map((p) => readFileSync(join(dir, p)));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return { modelJson, weights: bytes.buffer };
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
