import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Colorizer } from '../../src/colorizer';
import { type Hint, parseSession } from '../../src/core/session';
import { greyImage, loadTinyColorizer, sessionFor } from './helpers';

let colorizer: Colorizer;
/** 128×64 photo, a strong lightness edge at x = 64 (L* 35 | 80), mild texture on both sides. */
const image = greyImage(128, 64, (x, y) => (x < 64 ? 35 : 80) + ((x * 7 + y * 3) % 5));
/** A hint on the right side every session carries, so both answers use the hinted head. */
const anchor: Hint = { kind: 'point', x: 110, y: 40, size: 6, ab: [0, 30] };
const stroke = (extra: Partial<Hint>): Hint =>
  ({
    kind: 'stroke',
    points: [
      [20, 20],
      [40, 40],
    ],
    width: 8,
    ab: [-60, 50],
    ...extra,
  }) as Hint;

beforeAll(async () => {
  colorizer = await loadTinyColorizer();
});
afterAll(() => colorizer?.dispose());

/** Largest |a| or |b| difference over working-res pixels with column ≥ x0. */
function rightDiff(a: Float32Array, b: Float32Array, width: number, x0: number): number {
  let worst = 0;
  for (let i = 0; i < a.length / 2; i++) {
    if (i % width < x0) continue;
    worst = Math.max(worst, Math.abs(a[2 * i] - b[2 * i]), Math.abs(a[2 * i + 1] - b[2 * i + 1]));
  }
  return worst;
}

describe('contained hints in the colorizer', () => {
  it('colorize: a contained stroke leaves the far side of a strong edge exactly as without it', async () => {
    const without = await colorizer.colorize(image, sessionFor(image, [anchor]));
    const free = await colorizer.colorize(image, sessionFor(image, [anchor, stroke({})]));
    const held = await colorizer.colorize(
      image,
      sessionFor(image, [anchor, stroke({ contain: true })]),
    );
    const half = without.width / 2;
    expect(rightDiff(free.ab, without.ab, without.width, half)).toBeGreaterThan(0.5);
    expect(rightDiff(held.ab, without.ab, without.width, half)).toBe(0);
    // On its own side the contained stroke still colours: the answer is the hinted one there.
    expect(rightDiff(held.ab, without.ab, without.width, 0)).toBeGreaterThan(0.5);
  });

  it('render: the same at the photo size (far side byte-identical to the render without it)', async () => {
    const without = await colorizer.render(image, sessionFor(image, [anchor]));
    const free = await colorizer.render(image, sessionFor(image, [anchor, stroke({})]));
    const held = await colorizer.render(
      image,
      sessionFor(image, [anchor, stroke({ contain: true })]),
    );
    const changed = (a: Uint8ClampedArray, x0: number) => {
      let n = 0;
      for (let i = 0; i < a.length / 4; i++) {
        if (i % image.width < x0) continue;
        for (let c = 0; c < 3; c++) if (a[4 * i + c] !== without[4 * i + c]) n++;
      }
      return n;
    };
    expect(changed(free, 68)).toBeGreaterThan(0);
    expect(changed(held, 68)).toBe(0);
  });

  it('a reach limits a hint on flat lightness, where contain alone would not', async () => {
    const flat = greyImage(128, 64, () => 55);
    const far = (ab: Float32Array) => rightDiff(ab, without.ab, without.width, 40);
    const without = await colorizer.colorize(flat, sessionFor(flat, [anchor]));
    const contained = await colorizer.colorize(
      flat,
      sessionFor(flat, [anchor, stroke({ contain: true })]),
    );
    const reached = await colorizer.colorize(
      flat,
      sessionFor(flat, [anchor, stroke({ reach: 10 })]),
    );
    expect(far(contained.ab)).toBeGreaterThan(0.5);
    expect(far(reached.ab)).toBe(0);
  });

  it('absent spread fields and contain: false render the same bytes', async () => {
    const plain = await colorizer.render(image, sessionFor(image, [anchor, stroke({})]));
    const off = await colorizer.render(
      image,
      sessionFor(image, [anchor, stroke({ contain: false })]),
    );
    expect(Buffer.from(off).equals(Buffer.from(plain))).toBe(true);
  });
});

describe('sessions without contain or reach', () => {
  it('a v2 file renders the bytes it rendered before contain and reach existed', async () => {
    const W = 96;
    const H = 64;
    const L = Float32Array.from(
      { length: W * H },
      (_, i) => 25 + (i % W) * 0.5 + Math.floor(i / W) * 0.3 + (i % W > 48 ? 30 : 0),
    );
    const session = parseSession({
      format: 'tintype-session',
      version: 2,
      image: { width: W, height: H, name: 'g.png' },
      hints: [
        { kind: 'point', x: 20, y: 20, size: 6, ab: [40, 30] },
        {
          kind: 'stroke',
          points: [
            [30, 40],
            [70, 50],
          ],
          width: 6,
          ab: [-30, 40],
        },
        {
          kind: 'erase',
          points: [
            [50, 45],
            [52, 46],
          ],
          width: 5,
        },
      ],
      global: { saturation: null, palette: null },
      vividness: 0.35,
    });
    const rgba = await colorizer.render({ width: W, height: H, L }, session);
    // sha256 of this render by the tree before containment (commit 1209385), tiny model, WASM.
    expect(createHash('sha256').update(rgba).digest('hex')).toBe(
      '2c2d00e4427c0b02e9e085c53505062ab25e370171d25b9e6649a3a996fd155e',
    );
  });
});
