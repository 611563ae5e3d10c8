import * as tf from '@tensorflow/tfjs-core';
import type { BackendName, LoadOptions } from './types';

const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** True in Node (CLI, tests); false in a page or a worker. */
function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

function defaultBackendOrder(): BackendName[] {
  return isNode() ? ['wasm', 'cpu'] : ['webgpu', 'webgl', 'wasm', 'cpu'];
}

export function normaliseBackendPreference(pref: unknown): BackendName[] {
  if (pref === undefined) return defaultBackendOrder();
  const list = Array.isArray(pref) ? pref : [pref];
  if (list.length === 0) throw new Error('backend: expected at least one backend name');
  list.forEach((name, i) => {
    if (!BACKENDS.includes(name as BackendName)) {
      const where = Array.isArray(pref) ? `backend[${i}]` : 'backend';
      throw new Error(
        `${where} must be one of ${BACKENDS.join(', ')}, got ${JSON.stringify(name)}`,
      );
    }
  });
  return list as BackendName[];
}

let wasmPathsSet = false;

/** TF.js only logs when WebGPU has no adapter; asking first gives the fallback a real reason. */
async function requireWebGpuAdapter(): Promise<void> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } })
    .navigator?.gpu;
  if (!gpu) throw new Error('navigator.gpu is missing (WebGPU not supported here)');
  if (!(await gpu.requestAdapter()))
    throw new Error('no WebGPU adapter (GPU blocklisted or absent)');
}

/**
 * Registers one backend by importing its package on demand (so Node never loads WebGL or
 * WebGPU code) and makes it current. Throws with the reason when it cannot.
 */
async function activate(name: BackendName, wasmPaths: LoadOptions['wasmPaths']): Promise<void> {
  if (isNode() && (name === 'webgpu' || name === 'webgl')) {
    throw new Error(`${name} is not available in Node`);
  }
  switch (name) {
    case 'webgpu':
      await requireWebGpuAdapter();
      await import('@tensorflow/tfjs-backend-webgpu');
      break;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      break;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // Threaded WASM hangs in minified (Vite) builds; single-threaded SIMD is reliable.
      if (!isNode()) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (wasmPaths !== undefined && !wasmPathsSet) {
        wasm.setWasmPaths(wasmPaths);
        wasmPathsSet = true;
      }
      break;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      break;
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend('${name}') failed to initialise`);
  await tf.ready();
}

/**
 * Tries the backends in order; each failure is recorded as "name: reason" (and warned) so the
 * caller can show why it runs slower than expected.
 */
export async function selectBackend(
  order: BackendName[],
  wasmPaths?: LoadOptions['wasmPaths'],
): Promise<{ backend: BackendName; fallbacks: string[] }> {
  const fallbacks: string[] = [];
  for (const name of order) {
    try {
      await activate(name, wasmPaths);
      return { backend: name, fallbacks };
    } catch (error) {
      const reason = `${name}: ${error instanceof Error ? error.message : String(error)}`;
      fallbacks.push(reason);
      console.warn(`tintype colorizer: backend ${reason}; trying the next one`);
    }
  }
  throw new Error(`no TF.js backend could be initialised (${fallbacks.join('; ')})`);
}
