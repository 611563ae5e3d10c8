/**
 * Reading the network's per-cell colour distribution (the `logits` output, [h, w, Q]).
 */

/** Softmax of logits[offset .. offset+q) into out (numerically stable). */
export function softmaxInto(
  logits: Float32Array,
  offset: number,
  q: number,
  out: Float64Array,
): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < q; i++) if (logits[offset + i] > max) max = logits[offset + i];
  let sum = 0;
  for (let i = 0; i < q; i++) {
    const e = Math.exp(logits[offset + i] - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < q; i++) out[i] /= sum;
}

/**
 * Per-cell entropy divided by log Q: 0 = the network is sure of one bin, 1 = uniform.
 */
export function normalisedEntropy(
  logits: Float32Array,
  width: number,
  height: number,
  q: number,
): Float32Array {
  if (logits.length !== width * height * q) {
    throw new Error(
      `normalisedEntropy: logits have ${logits.length} values, expected ${width}×${height}×${q}`,
    );
  }
  const out = new Float32Array(width * height);
  const p = new Float64Array(q);
  const norm = q > 1 ? 1 / Math.log(q) : 0;
  for (let c = 0; c < width * height; c++) {
    softmaxInto(logits, c * q, q, p);
    let h = 0;
    for (let i = 0; i < q; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
    out[c] = Math.min(1, Math.max(0, h * norm));
  }
  return out;
}

/**
 * Logits at a point given in cell units (cell centres at integer + 0.5), bilinear between
 * the four nearest cells, clamped at the border.
 */
export function logitsAt(
  logits: Float32Array,
  width: number,
  height: number,
  q: number,
  u: number,
  v: number,
): Float32Array {
  const x = Math.min(Math.max(u - 0.5, 0), width - 1);
  const y = Math.min(Math.max(v - 0.5, 0), height - 1);
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const out = new Float32Array(q);
  const corners: [number, number][] = [
    [(y0 * width + x0) * q, (1 - fx) * (1 - fy)],
    [(y0 * width + x1) * q, fx * (1 - fy)],
    [(y1 * width + x0) * q, (1 - fx) * fy],
    [(y1 * width + x1) * q, fx * fy],
  ];
  for (const [o, w] of corners) {
    if (w === 0) continue;
    for (let i = 0; i < q; i++) out[i] += logits[o + i] * w;
  }
  return out;
}
