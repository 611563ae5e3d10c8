import type { GpuProbe } from '../backendChoice';

/** Without a GPU, some Chromium builds leave requestAdapter() pending for good. */
const ADAPTER_TIMEOUT_MS = 3000;

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  /** Older Chromium: on the adapter itself, and the info behind requestAdapterInfo(). */
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
type GpuLike = { requestAdapter(): Promise<AdapterLike | null> };

async function probeWebGpu(): Promise<GpuProbe['webgpu']> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ADAPTER_TIMEOUT_MS);
  });
  try {
    const adapter = await Promise.race([gpu.requestAdapter(), timeout]);
    if (!adapter) return null;
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
    const description = [info.vendor, info.architecture, info.device, info.description]
      .filter((s) => typeof s === 'string' && s.length > 0)
      .join(' ');
    const isFallbackAdapter = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    return { isFallbackAdapter, description };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function probeWebGlRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as
      | WebGLRenderingContext
      | WebGL2RenderingContext
      | null;
    if (!gl) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

/** What WebGPU's adapter and WebGL's renderer are, for chooseBrowserBackends. Browser only. */
export async function probeGpu(): Promise<GpuProbe> {
  return { webgpu: await probeWebGpu(), webglRenderer: probeWebGlRenderer() };
}
