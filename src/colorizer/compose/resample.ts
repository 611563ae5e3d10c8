/**
 * Resampling kernels shared by preprocessing (L down to working size) and composition
 * (ab back up to full size). Plain typed-array loops: these run on 12-MP images, so no
 * per-pixel allocation and no closures in the inner loops.
 */

/** Bilinear sampling positions along one axis, pixel-centre aligned (see DEVELOPERS.md). */
export interface AxisWeights {
  /** Lower source index per destination index. */
  i0: Int32Array;
  /** Upper source index (clamped at the border). */
  i1: Int32Array;
  /** Weight of i1; i0 gets 1 − f. */
  f: Float32Array;
}

/** A row writer of interleaved ab (2 × width floats for row y into `target`). */
export type AbRows = (y: number, target: Float32Array) => void;

/** Every row of a row writer, gathered into one width×height×2 image. */
export function collectRows(width: number, height: number, row: AbRows): Float32Array {
  const out = new Float32Array(width * height * 2);
  for (let y = 0; y < height; y++) row(y, out.subarray(2 * y * width, 2 * (y + 1) * width));
  return out;
}

/** Where each of `dstN` destination pixel centres falls between the `srcN` source centres. */
export function bilinearAxis(srcN: number, dstN: number): AxisWeights {
  const i0 = new Int32Array(dstN);
  const i1 = new Int32Array(dstN);
  const f = new Float32Array(dstN);
  const scale = srcN / dstN;
  for (let d = 0; d < dstN; d++) {
    // Centre of destination pixel d in source pixel units, minus 0.5 to index source centres.
    let u = (d + 0.5) * scale - 0.5;
    if (u < 0) u = 0;
    if (u > srcN - 1) u = srcN - 1;
    const lo = Math.floor(u);
    i0[d] = lo;
    i1[d] = lo + 1 < srcN ? lo + 1 : lo;
    f[d] = u - lo;
  }
  return { i0, i1, f };
}

/** Sparse rows of an area-averaging matrix: destination d averages src[idx[k]]·wt[k]. */
interface AreaWeights {
  start: Int32Array;
  idx: Int32Array;
  wt: Float32Array;
}

/**
 * Box ("area") weights: destination pixel d covers source interval [d·s, (d+1)·s), s = srcN/dstN,
 * and averages the source pixels by their overlap. Works for up- and downscaling.
 */
function areaAxis(srcN: number, dstN: number): AreaWeights {
  const scale = srcN / dstN;
  const start = new Int32Array(dstN + 1);
  const idx: number[] = [];
  const wt: number[] = [];
  for (let d = 0; d < dstN; d++) {
    start[d] = idx.length;
    const lo = d * scale;
    const hi = (d + 1) * scale;
    for (let s = Math.floor(lo); s < Math.min(srcN, Math.ceil(hi)); s++) {
      const overlap = Math.min(hi, s + 1) - Math.max(lo, s);
      if (overlap > 1e-9) {
        idx.push(s);
        wt.push(overlap / scale);
      }
    }
  }
  start[dstN] = idx.length;
  return { start, idx: Int32Array.from(idx), wt: Float32Array.from(wt) };
}

/**
 * Area-averaged resize of a single-channel image (row-major). Separable: rows first into a
 * srcH×dstW buffer, then columns, so the cost is O(srcW·srcH + dstW·srcH).
 */
export function areaResample(
  src: Float32Array,
  srcW: number,
  srcH: number,
  dstW: number,
  dstH: number,
): Float32Array {
  if (src.length !== srcW * srcH) {
    throw new Error(`areaResample: source has ${src.length} values, expected ${srcW}×${srcH}`);
  }
  const ax = areaAxis(srcW, dstW);
  const ay = areaAxis(srcH, dstH);
  const rows = new Float32Array(srcH * dstW);
  for (let y = 0; y < srcH; y++) {
    const so = y * srcW;
    const ro = y * dstW;
    for (let d = 0; d < dstW; d++) {
      let acc = 0;
      for (let k = ax.start[d]; k < ax.start[d + 1]; k++) acc += src[so + ax.idx[k]] * ax.wt[k];
      rows[ro + d] = acc;
    }
  }
  const out = new Float32Array(dstW * dstH);
  for (let d = 0; d < dstH; d++) {
    const oo = d * dstW;
    for (let k = ay.start[d]; k < ay.start[d + 1]; k++) {
      const ro = ay.idx[k] * dstW;
      const w = ay.wt[k];
      for (let x = 0; x < dstW; x++) out[oo + x] += rows[ro + x] * w;
    }
  }
  return out;
}
