import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Colorizer, composeFullRes } from '../../src/colorizer';
import { ciede2000, inGamut, srgb8ToLab } from '../../src/core/color';
import type { GreyImage } from '../../src/core/image';
import { rasterizeHints } from '../../src/core/raster';
import type { Session } from '../../src/core/session';
import { greyImage, loadTinyColorizer, sessionFor } from './helpers';

let colorizer: Colorizer;
beforeAll(async () => {
  colorizer = await loadTinyColorizer();
});
afterAll(() => colorizer?.dispose());

/** Mean ΔE00 between each hinted pixel's (photo L, hint ab) and the rendered colour. */
function meanHintError(image: GreyImage, session: Session, rgba: Uint8ClampedArray): number {
  const { ab, mask } = rasterizeHints(session, image.width, image.height);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const L = image.L[i];
    // Only displayable targets are a fair test (the editor snaps hint colours into gamut).
    expect(inGamut(L, ab[2 * i], ab[2 * i + 1])).toBe(true);
    const [L2, a2, b2] = srgb8ToLab(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]);
    sum += ciede2000(L, ab[2 * i], ab[2 * i + 1], L2, a2, b2);
    n++;
  }
  expect(n).toBeGreaterThan(50);
  return sum / n;
}

describe('hint fidelity', () => {
  // Textured photo (L 35..75) so the guided filter has edges to follow under the hints.
  const image = greyImage(300, 200, (x, y) => 55 + 20 * Math.sin(x / 7) * Math.cos(y / 11));
  const session = sessionFor(image, [
    { kind: 'point', x: 40, y: 40, size: 9, ab: [25, 20] },
    { kind: 'point', x: 250, y: 150, size: 5, ab: [-20, 15] },
    {
      kind: 'stroke',
      points: [
        [60, 120],
        [140, 110],
        [220, 60],
      ],
      width: 6,
      ab: [10, -30],
    },
    { kind: 'erase', points: [[140, 110]], width: 8 },
  ]);

  it.each(['guided', 'bilinear'] as const)(
    'render (%s) shows the hint colours: mean ΔE00 ≤ 2',
    async (method) => {
      const rgba = await colorizer.render(image, session, { method });
      expect(meanHintError(image, session, rgba)).toBeLessThanOrEqual(2);
    },
  );

  it('is the hint enforcement that achieves it (the untrained net alone is far off)', async () => {
    // refine: false — the residual propagation alone already pulls hinted pixels to the hint.
    const r = await colorizer.colorize(image, session, { refine: false });
    const raw = composeFullRes(image, r.ab, r.width, r.height, 'guided');
    expect(meanHintError(image, session, raw)).toBeGreaterThan(5);
  });
});
