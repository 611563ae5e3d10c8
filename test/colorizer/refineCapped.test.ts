import { describe, expect, it } from 'vitest';
import { refineAb, refineCapped } from '../../src/colorizer/refine';

/** A 2w×h photo: left half dark, right half light; net output grey; one hint on each side. */
function scene(width: number, height: number) {
  const n = width * height;
  const l = new Float32Array(n);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) l[y * width + x] = x < width / 2 ? -0.3 : 0.3;
  const hab = new Float32Array(2 * n);
  const mask = new Uint8Array(n);
  const hint = (x: number, y: number, a: number, b: number) => {
    for (let dy = 0; dy < 2; dy++)
      for (let dx = 0; dx < 2; dx++) {
        const i = (y + dy) * width + x + dx;
        mask[i] = 1;
        hab[2 * i] = a;
        hab[2 * i + 1] = b;
      }
  };
  hint(Math.floor(width / 4), Math.floor(height / 2), 40, 20);
  hint(Math.floor((3 * width) / 4), Math.floor(height / 2), -30, 50);
  return {
    width,
    height,
    ab: new Float32Array(2 * n),
    hints: { ab: hab, mask },
    l,
    lScale: 100,
    abLimit: 110,
  };
}

describe('refineCapped', () => {
  it('is refineAb itself at or below the cap', () => {
    const input = scene(64, 48);
    expect(refineCapped(input, undefined, 64)).toEqual(refineAb(input).ab);
  });

  it('returns the input untouched when there are no hints', () => {
    const input = scene(96, 64);
    input.hints.mask.fill(0);
    expect(refineCapped(input, undefined, 32)).toBe(input.ab);
  });

  it('solves coarse and upsamples: close to the full solve, colours stay on their side', () => {
    const input = scene(128, 96);
    const full = refineAb(input).ab;
    const capped = refineCapped(input, undefined, 64);
    expect(capped).toBe(input.ab); // corrected in place: no full-size copies at 12 MP
    let diff = 0;
    for (let i = 0; i < full.length; i++) diff += Math.abs(full[i] - capped[i]);
    expect(diff / full.length).toBeLessThan(4); // mean |Δab| in a* b* units
    const at = (x: number, y: number) => [capped[2 * (y * 128 + x)], capped[2 * (y * 128 + x) + 1]];
    const [aLeft] = at(16, 48);
    const [aRight, bRight] = at(112, 48);
    expect(aLeft).toBeGreaterThan(20); // the left hint's a* = 40 spreads over the dark half
    expect(aRight).toBeLessThan(-10); // the right hint's a* = −30 over the light half
    expect(bRight).toBeGreaterThan(25);
  });
});
