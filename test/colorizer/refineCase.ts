import type { RefineInput } from '../../src/colorizer/refine';

/** A width×height working-res case: L* = lFn, network ab = 0, no hints yet. */
export function makeCase(
  width: number,
  height: number,
  lFn: (x: number, y: number) => number,
): RefineInput {
  const n = width * height;
  const l = new Float32Array(n);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) l[y * width + x] = lFn(x, y);
  return {
    width,
    height,
    ab: new Float32Array(2 * n),
    hints: { ab: new Float32Array(2 * n), mask: new Uint8Array(n) },
    l,
    lScale: 1, // l is L* itself here
    abLimit: 110,
  };
}

export function hintBlock(
  c: RefineInput,
  x0: number,
  y0: number,
  side: number,
  ab: [number, number],
): void {
  for (let y = y0; y < y0 + side; y++) {
    for (let x = x0; x < x0 + side; x++) {
      const i = y * c.width + x;
      c.hints.mask[i] = 1;
      c.hints.ab[2 * i] = ab[0];
      c.hints.ab[2 * i + 1] = ab[1];
    }
  }
}
