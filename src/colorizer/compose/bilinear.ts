import { bilinearAxis } from './resample';

/** Plain bilinear upsampling of interleaved ab (abW×abH×2) to width×height×2. */
export function upsampleBilinear(
  ab: Float32Array,
  abW: number,
  abH: number,
  width: number,
  height: number,
): Float32Array {
  const out = new Float32Array(width * height * 2);
  const ax = bilinearAxis(abW, width);
  const ay = bilinearAxis(abH, height);
  const row = new Float32Array(abW * 2);
  for (let y = 0; y < height; y++) {
    const o0 = ay.i0[y] * abW * 2;
    const o1 = ay.i1[y] * abW * 2;
    const fy = ay.f[y];
    for (let j = 0; j < abW * 2; j++) row[j] = ab[o0 + j] + (ab[o1 + j] - ab[o0 + j]) * fy;
    const base = y * width * 2;
    for (let x = 0; x < width; x++) {
      const j0 = 2 * ax.i0[x];
      const j1 = 2 * ax.i1[x];
      const fx = ax.f[x];
      out[base + 2 * x] = row[j0] + (row[j1] - row[j0]) * fx;
      out[base + 2 * x + 1] = row[j0 + 1] + (row[j1 + 1] - row[j0 + 1]) * fx;
    }
  }
  return out;
}
