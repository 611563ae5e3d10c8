import type { BackendName } from './types';

/**
 * What the browser says about its GPU backends, gathered by worker/gpuProbe.ts. A software
 * GPU (SwiftShader, llvmpipe, WARP…) runs this network 3–5× slower than single-threaded
 * WASM with SIMD, so the editor's default order skips backends that would run on one.
 */
export interface GpuProbe {
  /** null: no navigator.gpu, no adapter, or requestAdapter() did not answer. */
  webgpu: {
    isFallbackAdapter: boolean;
    /** vendor, architecture, device and description of GPUAdapterInfo, joined. */
    description: string;
  } | null;
  /** WebGL's unmasked renderer (WEBGL_debug_renderer_info), else its RENDERER; null: no WebGL. */
  webglRenderer: string | null;
}

export interface BackendChoice {
  order: BackendName[];
  /** Shown next to the backend, e.g. "no GPU found"; null when a GPU backend leads. */
  reason: string | null;
  /** "name: why it was skipped" for each GPU backend left out of the order. */
  skipped: string[];
}

/** Renderer names of CPU rasterisers that pose as GPUs. */
const SOFTWARE_RENDERER =
  /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render driver|microsoft basic|\bwarp\b|mesa offscreen|subzero/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/**
 * The default backend order for a browser, from what its GPU backends run on: hardware
 * WebGPU, then hardware WebGL, then WASM and CPU. A renderer string we do not recognise counts
 * as hardware (a masked "WebKit WebGL" says nothing either way).
 */
export function chooseBrowserBackends(probe: GpuProbe): BackendChoice {
  const order: BackendName[] = [];
  const skipped: string[] = [];
  const { webgpu, webglRenderer } = probe;
  if (webgpu === null) skipped.push('webgpu: no WebGPU adapter');
  else if (webgpu.isFallbackAdapter || isSoftwareRenderer(webgpu.description))
    skipped.push(`webgpu: software adapter (${webgpu.description || 'fallback adapter'})`);
  else order.push('webgpu');
  if (webglRenderer === null) skipped.push('webgl: WebGL is not available');
  else if (isSoftwareRenderer(webglRenderer))
    skipped.push(`webgl: software renderer (${webglRenderer})`);
  else order.push('webgl');
  const reason = order.length === 0 ? 'no GPU found' : null;
  return { order: [...order, 'wasm', 'cpu'], reason, skipped };
}
