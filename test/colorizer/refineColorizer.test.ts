import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Colorizer, loadColorizer } from '../../src/colorizer';
import { rasterizeHints } from '../../src/core/raster';
import {
  greyImage,
  loadTinyColorizer,
  readModelFiles,
  sessionFor,
  TINY_MODEL_DIR,
  WASM_DIR,
} from './helpers';

let colorizer: Colorizer;
const image = greyImage(96, 64, (x, y) => 30 + ((x * 3 + y * 5) % 50));

beforeAll(async () => {
  colorizer = await loadTinyColorizer();
});
afterAll(() => colorizer?.dispose());

/** Mean |ab − hint ab| over the hinted working-res pixels. */
function hintMiss(
  ab: Float32Array,
  width: number,
  height: number,
  session: ReturnType<typeof sessionFor>,
) {
  const { ab: h, mask } = rasterizeHints(session, width, height);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    sum += Math.abs(ab[2 * i] - h[2 * i]) + Math.abs(ab[2 * i + 1] - h[2 * i + 1]);
    n++;
  }
  expect(n).toBeGreaterThan(0);
  return sum / n;
}

describe('colorizer with refinement', () => {
  it('is on by default and changes nothing without hints', async () => {
    const plain = sessionFor(image);
    const on = await colorizer.colorize(image, plain);
    const off = await colorizer.colorize(image, plain, { refine: false });
    expect(on.ab).toEqual(off.ab);
  });

  it('pulls the working-res colours to the hints (default on, opts.refine: false turns it off)', async () => {
    const session = sessionFor(image, [
      { kind: 'point', x: 20, y: 20, size: 6, ab: [50, 40] },
      { kind: 'point', x: 70, y: 40, size: 6, ab: [-30, 20] },
    ]);
    const on = await colorizer.colorize(image, session);
    const off = await colorizer.colorize(image, session, { refine: false });
    expect(hintMiss(on.ab, on.width, on.height, session)).toBeLessThan(
      0.5 * hintMiss(off.ab, off.width, off.height, session),
    );
    expect(on.ab.every((v) => Math.abs(v) <= 110)).toBe(true);
    const renderOn = await colorizer.render(image, session);
    const renderOff = await colorizer.render(image, session, { refine: false });
    expect(renderOn).not.toEqual(renderOff);
  });

  it('loadColorizer({ refine: false }) sets the default; a bad value is named', async () => {
    const files = await readModelFiles(TINY_MODEL_DIR);
    const off = await loadColorizer({
      model: files,
      wasmPaths: WASM_DIR,
      workingSize: 64,
      refine: false,
    });
    try {
      const session = sessionFor(image, [{ kind: 'point', x: 20, y: 20, size: 6, ab: [50, 40] }]);
      const a = await off.colorize(image, session);
      const b = await colorizer.colorize(image, session, { refine: false });
      expect(a.ab).toEqual(b.ab);
    } finally {
      off.dispose();
    }
    await expect(
      loadColorizer({ model: files, wasmPaths: WASM_DIR, refine: 'yes' as unknown as boolean }),
    ).rejects.toThrow('loadColorizer: options.refine must be a boolean, got "yes"');
  });
});
