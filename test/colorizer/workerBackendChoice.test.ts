import { describe, expect, it } from 'vitest';
import type { LoadOptions } from '../../src/colorizer';
import type { BackendChoice } from '../../src/colorizer/backendChoice';
import { createWorkerHost } from '../../src/colorizer/worker/workerHost';
import type { LoadInfo, WorkerReply } from '../../src/colorizer/worker/workerProtocol';
import { readModelFiles, TINY_MODEL_DIR, WASM_DIR } from './helpers';

const NO_GPU: BackendChoice = {
  order: ['wasm', 'cpu'],
  reason: 'no GPU found',
  skipped: ['webgpu: software adapter (google swiftshader)', 'webgl: software renderer (x)'],
};

/** Loads through a worker host whose GPU probe answers `choice`; counts the probes. */
async function loadWith(
  options: Partial<LoadOptions>,
): Promise<{ info: LoadInfo; probes: number }> {
  let probes = 0;
  const replies: WorkerReply[] = [];
  const host = createWorkerHost(
    (reply) => replies.push(reply),
    async () => {
      probes++;
      return NO_GPU;
    },
  );
  const model = await readModelFiles(TINY_MODEL_DIR);
  await host({ id: 1, type: 'load', options: { model, wasmPaths: WASM_DIR, ...options } });
  const reply = replies.find((r) => r.type === 'result' || r.type === 'error');
  if (reply?.type !== 'result') throw new Error(`load failed: ${JSON.stringify(reply)}`);
  return { info: reply.value as LoadInfo, probes };
}

describe('worker host backend choice', () => {
  it('a load that names no backend follows the probe and says why', async () => {
    const { info, probes } = await loadWith({});
    expect(probes).toBe(1);
    expect(info.backend).toBe('wasm');
    expect(info.backendReason).toBe('no GPU found');
    expect(info.fallbacks).toEqual(NO_GPU.skipped);
  });

  it('a named backend is an override: no probe, no reason', async () => {
    const { info, probes } = await loadWith({ backend: 'cpu' });
    expect(probes).toBe(0);
    expect(info.backend).toBe('cpu');
    expect(info.backendReason).toBeNull();
  });
});
