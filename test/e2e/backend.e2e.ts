import { describe, expect, it } from 'vitest';
import { withEditor } from './editorHarness';

// Headless Chromium here has no GPU: WebGPU offers SwiftShader's fallback adapter and WebGL
// renders with SwiftShader, both slower than WASM for this network.
const PORT = 4204;
const editor = withEditor(PORT);

describe('backend choice in a browser without a GPU', () => {
  it('picks WASM by default (its SIMD build), says why in the status bar, and colorizes', async () => {
    const page = await editor.newPage({ viewport: { width: 1200, height: 800 } });
    const wasmFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasmFiles.push(r.url().split('/').pop() ?? '');
    });
    await page.goto(editor.url);
    const backend = page.getByTestId('backend');
    await backend.waitFor({ timeout: 120_000 });
    expect(await backend.textContent()).toBe('Backend: WASM (no GPU found)');
    // The skipped GPU backends and what they run on are in the tooltip.
    expect(await backend.getAttribute('title')).toMatch(/webgl: software renderer \(.*SwiftShader/);
    const runs = page.getByTestId('inference-ms');
    await expect
      .poll(async () => Number(await runs.getAttribute('data-runs')), { timeout: 120_000 })
      .toBeGreaterThan(0);
    // Single-threaded SIMD: threads would need cross-origin isolation (and hang when minified).
    expect(wasmFiles.some((f) => /^tfjs-backend-wasm-simd\b/.test(f))).toBe(true);
    expect(wasmFiles.some((f) => /threaded/.test(f))).toBe(false);
    await page.close();
  });

  it('?backend=webgl is an override: WebGL even though it is software, with no reason shown', async () => {
    const page = await editor.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${editor.url}/?backend=webgl`);
    const backend = page.getByTestId('backend');
    await backend.waitFor({ timeout: 120_000 });
    expect(await backend.textContent()).toBe('Backend: WEBGL');
    await page.close();
  });
});
