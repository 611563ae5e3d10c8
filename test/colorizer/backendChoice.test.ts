import { describe, expect, it } from 'vitest';
import { chooseBrowserBackends, isSoftwareRenderer } from '../../src/colorizer/backendChoice';

// Strings as browsers report them (headless Chromium here, Mesa, Windows without a driver).
const SWIFTSHADER_GL =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE_GL = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const WARP_GL = 'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)';
const NVIDIA_GL =
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)';
const APPLE_GL = 'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)';
const hardwareGpu = { isFallbackAdapter: false, description: 'nvidia ampere' };

describe('isSoftwareRenderer', () => {
  it('knows the CPU rasterisers and leaves real GPUs alone', () => {
    for (const s of [SWIFTSHADER_GL, LLVMPIPE_GL, WARP_GL, 'Google SwiftShader', 'Software'])
      expect(isSoftwareRenderer(s), s).toBe(true);
    for (const s of [NVIDIA_GL, APPLE_GL, 'Mali-G78', 'Adreno (TM) 740', 'WebKit WebGL'])
      expect(isSoftwareRenderer(s), s).toBe(false);
  });
});

describe('chooseBrowserBackends', () => {
  it('headless Chromium without a GPU (fallback adapter, SwiftShader WebGL): WASM, no GPU found', () => {
    const choice = chooseBrowserBackends({
      webgpu: { isFallbackAdapter: true, description: 'google swiftshader' },
      webglRenderer: SWIFTSHADER_GL,
    });
    expect(choice.order).toEqual(['wasm', 'cpu']);
    expect(choice.reason).toBe('no GPU found');
    expect(choice.skipped).toEqual([
      'webgpu: software adapter (google swiftshader)',
      `webgl: software renderer (${SWIFTSHADER_GL})`,
    ]);
  });

  it('a software adapter counts as one even when it does not say it is a fallback', () => {
    const choice = chooseBrowserBackends({
      webgpu: { isFallbackAdapter: false, description: 'google swiftshader' },
      webglRenderer: LLVMPIPE_GL,
    });
    expect(choice.order).toEqual(['wasm', 'cpu']);
    expect(choice.reason).toBe('no GPU found');
  });

  it('a fallback adapter with no description is still skipped', () => {
    const choice = chooseBrowserBackends({
      webgpu: { isFallbackAdapter: true, description: '' },
      webglRenderer: null,
    });
    expect(choice.order).toEqual(['wasm', 'cpu']);
    expect(choice.skipped).toEqual([
      'webgpu: software adapter (fallback adapter)',
      'webgl: WebGL is not available',
    ]);
  });

  it('a hardware GPU keeps WebGPU then WebGL first', () => {
    const choice = chooseBrowserBackends({ webgpu: hardwareGpu, webglRenderer: NVIDIA_GL });
    expect(choice).toEqual({
      order: ['webgpu', 'webgl', 'wasm', 'cpu'],
      reason: null,
      skipped: [],
    });
  });

  it('no WebGPU but a hardware WebGL: WebGL, and the missing adapter is recorded', () => {
    const choice = chooseBrowserBackends({ webgpu: null, webglRenderer: APPLE_GL });
    expect(choice.order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(choice.reason).toBeNull();
    expect(choice.skipped).toEqual(['webgpu: no WebGPU adapter']);
  });

  it('hardware WebGPU with a software WebGL: WASM comes before the software WebGL', () => {
    const choice = chooseBrowserBackends({ webgpu: hardwareGpu, webglRenderer: WARP_GL });
    expect(choice.order).toEqual(['webgpu', 'wasm', 'cpu']);
    expect(choice.reason).toBeNull();
  });

  it('a masked renderer name counts as hardware (nothing says otherwise)', () => {
    const choice = chooseBrowserBackends({ webgpu: null, webglRenderer: 'WebKit WebGL' });
    expect(choice.order[0]).toBe('webgl');
  });
});
