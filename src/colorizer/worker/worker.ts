/**
 * Module worker running the colorizer off the main thread. Start it through ./workerClient
 * (`createColorizerClient()`), which owns the protocol (./workerProtocol). Browser/Vite only.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseBrowserBackends } from '../backendChoice';
import { probeGpu } from './gpuProbe';
import { createWorkerHost } from './workerHost';
import type { WorkerRequest } from './workerProtocol';

/** Vite emits the .wasm files as assets; tfjs-backend-wasm is told their hashed URLs. */
const BUNDLED_WASM = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
};

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

const host = createWorkerHost(
  (reply, transfer) => scope.postMessage(reply, transfer),
  () => probeGpu().then(chooseBrowserBackends),
);
scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'load' && request.options.wasmPaths === undefined) {
    void host({ ...request, options: { ...request.options, wasmPaths: BUNDLED_WASM } });
  } else {
    void host(request);
  }
};
