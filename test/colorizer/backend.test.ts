import { afterAll, describe, expect, it, vi } from 'vitest';
import { type Colorizer, loadColorizer } from '../../src/colorizer';
import { readModelFiles, TINY_MODEL_DIR } from './helpers';

let colorizer: Colorizer | undefined;
afterAll(() => colorizer?.dispose());

describe('backend fallback', () => {
  it('records and warns why a backend was skipped, and never loads WebGL in Node', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    colorizer = await loadColorizer({
      model: await readModelFiles(TINY_MODEL_DIR),
      backend: ['webgl', 'webgpu', 'cpu'],
    });
    expect(colorizer.backend).toBe('cpu');
    expect(colorizer.fallbacks).toEqual([
      'webgl: webgl is not available in Node',
      'webgpu: webgpu is not available in Node',
    ]);
    // TF.js itself may warn too (the "install tfjs-node" banner); count only ours.
    const ours = warn.mock.calls
      .map((c) => String(c[0]))
      .filter((m) => m.startsWith('tintype colorizer'));
    expect(ours).toHaveLength(2);
    expect(ours[0]).toContain('webgl: webgl is not available in Node');
    warn.mockRestore();
  });
});
