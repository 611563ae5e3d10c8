import { describe, expect, it } from 'vitest';
import { loadColorizer } from '../../src/colorizer';
import { ciede2000, inGamut, srgb8ToLab } from '../../src/core/color';
import { rasterizeHints } from '../../src/core/raster';
import {
  greyImage,
  REAL_MODEL_DIR,
  readModelFiles,
  realModelExists,
  sessionFor,
  WASM_DIR,
} from './helpers';

const present = realModelExists();
if (!present)
  console.log(`skipping real-model tests: no ${REAL_MODEL_DIR}/model.json yet (model/ exports it)`);

describe.skipIf(!present)('shipped model (public/models/tintype)', () => {
  it('loads, honours the contract and keeps hints', async () => {
    const colorizer = await loadColorizer({
      model: await readModelFiles(REAL_MODEL_DIR),
      wasmPaths: WASM_DIR,
    });
    try {
      expect(colorizer.meta.bins.length).toBeGreaterThan(100);
      const image = greyImage(320, 240, (x, y) => 50 + 30 * Math.sin(x / 20) * Math.cos(y / 15));
      const session = sessionFor(image, [{ kind: 'point', x: 100, y: 100, size: 9, ab: [20, 30] }]);
      const r = await colorizer.colorize(image, session);
      // Default working size = the model's (long side, 4:3 kept, sides multiples of 16).
      const long = colorizer.meta.workingSize;
      expect([r.width, r.height]).toEqual([long, Math.round((long * 0.75) / 16) * 16]);
      expect(r.ab.every((v) => Number.isFinite(v) && Math.abs(v) <= colorizer.meta.abScale)).toBe(
        true,
      );
      expect(colorizer.uncertainty().width).toBe(long / colorizer.meta.logitsStride);
      const s = colorizer.suggest(100, 100, 5);
      expect(s.length).toBeGreaterThan(0);
      const rgba = await colorizer.render(image, session);
      const { ab, mask } = rasterizeHints(session, image.width, image.height);
      let sum = 0;
      let n = 0;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i] || !inGamut(image.L[i], ab[2 * i], ab[2 * i + 1])) continue;
        const [L2, a2, b2] = srgb8ToLab(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]);
        sum += ciede2000(image.L[i], ab[2 * i], ab[2 * i + 1], L2, a2, b2);
        n++;
      }
      expect(n).toBeGreaterThan(20);
      expect(sum / n).toBeLessThanOrEqual(2);
    } finally {
      colorizer.dispose();
    }
  });
});
