/**
 * Colour-free descriptors of a photo's regions: what survives when a colour photo and a grey
 * one show the same thing. Each cell (a window on a regular grid at the matcher's working size)
 * is described by its lightness level and contrast, its gradient energy across and along at two
 * scales, the same measures over a context three windows wide, and its height in the
 * frame (the last feature, unweighted: the matcher decides how much it counts). Gradients are taken as magnitudes per axis, so a mirrored reference matches.
 */

/** Window side and grid step in working pixels (the working long side is MATCH_SIZE). */
export const CELL = 8;
export const STEP = 4;
const CONTEXT = 3 * CELL;

/** Feature units: a difference of one unit counts the same in every dimension. */
const L_UNIT = 12; // L* levels
const STD_UNIT = 5; // L* standard deviation
const GRAD_UNIT = 2.5; // L* per pixel

export const FEATURES = 11;

export interface CellGrid {
  /** Cell centres in working pixels, interleaved x, y. */
  centres: Float32Array;
  /** FEATURES values per cell. */
  features: Float32Array;
  count: number;
}

/** Summed-area table (width+1)×(height+1) in float64 so sums of squares stay exact enough. */
function integral(values: ArrayLike<number>, w: number, h: number): Float64Array {
  const t = new Float64Array((w + 1) * (h + 1));
  for (let i = 0; i < h; i++) {
    let row = 0;
    for (let j = 0; j < w; j++) {
      row += values[i * w + j];
      t[(i + 1) * (w + 1) + j + 1] = t[i * (w + 1) + j + 1] + row;
    }
  }
  return t;
}

function boxMean(t: Float64Array, w: number, x0: number, y0: number, x1: number, y1: number) {
  const s =
    t[y1 * (w + 1) + x1] - t[y0 * (w + 1) + x1] - t[y1 * (w + 1) + x0] + t[y0 * (w + 1) + x0];
  return s / ((x1 - x0) * (y1 - y0));
}

/** |∂L/∂x| and |∂L/∂y| by central differences `d` pixels apart (edges clamped). */
function gradients(L: Float32Array, w: number, h: number, d: number) {
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let i = 0; i < h; i++) {
    const up = Math.max(0, i - d) * w;
    const down = Math.min(h - 1, i + d) * w;
    for (let j = 0; j < w; j++) {
      const left = Math.max(0, j - d);
      const right = Math.min(w - 1, j + d);
      gx[i * w + j] = Math.abs(L[i * w + right] - L[i * w + left]) / (2 * d);
      gy[i * w + j] = Math.abs(L[down + j] - L[up + j]) / (2 * d);
    }
  }
  return { gx, gy };
}

/** 3×3 box blur: the coarse gradients should see structure, not pixel noise. */
function blur3(L: Float32Array, w: number, h: number): Float32Array {
  const t = integral(L, w, h);
  const out = new Float32Array(w * h);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      out[i * w + j] = boxMean(
        t,
        w,
        Math.max(0, j - 1),
        Math.max(0, i - 1),
        Math.min(w, j + 2),
        Math.min(h, i + 2),
      );
    }
  }
  return out;
}

/** Cells every STEP pixels whose CELL window fits in the image (at least one per axis). */
export function cellGrid(L: Float32Array, w: number, h: number): CellGrid {
  const squared = new Float32Array(L.length);
  for (let i = 0; i < L.length; i++) squared[i] = L[i] * L[i];
  const fine = gradients(L, w, h, 1);
  const coarse = gradients(blur3(L, w, h), w, h, 2);
  const tables = [L, squared, fine.gx, fine.gy, coarse.gx, coarse.gy].map((v) => integral(v, w, h));
  const starts = (side: number) => {
    const out: number[] = [];
    for (let s = 0; s + CELL <= side; s += STEP) out.push(s);
    if (out.length === 0) out.push(0);
    return out;
  };
  const xs = starts(w);
  const ys = starts(h);
  const count = xs.length * ys.length;
  const centres = new Float32Array(count * 2);
  const features = new Float32Array(count * FEATURES);
  let c = 0;
  for (const y0 of ys) {
    for (const x0 of xs) {
      const x1 = Math.min(w, x0 + CELL);
      const y1 = Math.min(h, y0 + CELL);
      const cx = (x0 + x1) / 2;
      const cy = (y0 + y1) / 2;
      const window = describe(tables, w, x0, y0, x1, y1);
      const context = describe(
        tables,
        w,
        Math.max(0, Math.round(cx - CONTEXT / 2)),
        Math.max(0, Math.round(cy - CONTEXT / 2)),
        Math.min(w, Math.round(cx + CONTEXT / 2)),
        Math.min(h, Math.round(cy + CONTEXT / 2)),
      );
      const f = c * FEATURES;
      features[f] = window.mean / L_UNIT;
      features[f + 1] = window.std / STD_UNIT;
      features[f + 2] = window.gx / GRAD_UNIT;
      features[f + 3] = window.gy / GRAD_UNIT;
      features[f + 4] = window.gx2 / GRAD_UNIT;
      features[f + 5] = window.gy2 / GRAD_UNIT;
      features[f + 6] = context.mean / L_UNIT;
      features[f + 7] = context.std / STD_UNIT;
      features[f + 8] = context.gx / GRAD_UNIT;
      features[f + 9] = context.gy / GRAD_UNIT;
      features[f + 10] = cy / h;
      centres[2 * c] = cx;
      centres[2 * c + 1] = cy;
      c++;
    }
  }
  return { centres, features, count };
}

function describe(t: Float64Array[], w: number, x0: number, y0: number, x1: number, y1: number) {
  const mean = boxMean(t[0], w, x0, y0, x1, y1);
  const meanSquare = boxMean(t[1], w, x0, y0, x1, y1);
  return {
    mean,
    std: Math.sqrt(Math.max(0, meanSquare - mean * mean)),
    gx: boxMean(t[2], w, x0, y0, x1, y1),
    gy: boxMean(t[3], w, x0, y0, x1, y1),
    gx2: boxMean(t[4], w, x0, y0, x1, y1),
    gy2: boxMean(t[5], w, x0, y0, x1, y1),
  };
}
