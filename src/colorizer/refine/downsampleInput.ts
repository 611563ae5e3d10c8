import type { RefineInput } from './input';

/** Box-average N and L over f×f blocks; a block is hinted if any pixel is (mean of their ab). */
export function downsampleInput(
  input: RefineInput,
  f: number,
  cw: number,
  ch: number,
): RefineInput {
  const { width, height, ab, hints, l } = input;
  const n = cw * ch;
  const cab = new Float32Array(2 * n);
  const cl = new Float32Array(n);
  const hab = new Float32Array(2 * n);
  const mask = new Uint8Array(n);
  const count = new Float32Array(n);
  const hcount = new Float32Array(n);
  for (let y = 0; y < height; y++) {
    const cy = Math.floor(y / f);
    for (let x = 0; x < width; x++) {
      const j = cy * cw + Math.floor(x / f);
      const i = y * width + x;
      count[j]++;
      cl[j] += l[i];
      cab[2 * j] += ab[2 * i];
      cab[2 * j + 1] += ab[2 * i + 1];
      if (hints.mask[i] !== 0) {
        hcount[j]++;
        hab[2 * j] += hints.ab[2 * i];
        hab[2 * j + 1] += hints.ab[2 * i + 1];
      }
    }
  }
  for (let j = 0; j < n; j++) {
    cl[j] /= count[j];
    cab[2 * j] /= count[j];
    cab[2 * j + 1] /= count[j];
    if (hcount[j] > 0) {
      mask[j] = 1;
      hab[2 * j] /= hcount[j];
      hab[2 * j + 1] /= hcount[j];
    }
  }
  return { ...input, width: cw, height: ch, ab: cab, l: cl, hints: { ab: hab, mask } };
}
