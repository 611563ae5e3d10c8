import { type AbRows, bilinearAxis, collectRows } from './resample';

/** Plain bilinear upsampling of interleaved ab (abW×abH×2) to width×height×2. */
export function upsampleBilinear(
  ab: Float32Array,
  abW: number,
  abH: number,
  width: number,
  height: number,
): Float32Array {
  return collectRows(width, height, bilinearRows(ab, abW, abH, width, height));
}

/**
 * upsampleBilinear one row at a time: returns a function writing row y's interleaved ab
 * (2 × width floats) into `target`, so a caller can consume the result without holding it all.
 */
export function bilinearRows(
  ab: Float32Array,
  abW: number,
  abH: number,
  width: number,
  height: number,
): AbRows {
  const ax = bilinearAxis(abW, width);
  const ay = bilinearAxis(abH, height);
  const row = new Float32Array(abW * 2);
  return (y, out) => {
    const o0 = ay.i0[y] * abW * 2;
    const o1 = ay.i1[y] * abW * 2;
    const fy = ay.f[y];
    for (let j = 0; j < abW * 2; j++) row[j] = ab[o0 + j] + (ab[o1 + j] - ab[o0 + j]) * fy;
    for (let x = 0; x < width; x++) {
      const j0 = 2 * ax.i0[x];
      const j1 = 2 * ax.i1[x];
      const fx = ax.f[x];
      out[2 * x] = row[j0] + (row[j1] - row[j0]) * fx;
      out[2 * x + 1] = row[j0 + 1] + (row[j1 + 1] - row[j0 + 1]) * fx;
    }
  };
}
