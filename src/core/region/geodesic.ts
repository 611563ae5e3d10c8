/**
 * Budgeted geodesic spread on a pixel grid (8-neighbour Dijkstra): every seed starts with a
 * budget, each step spends its length, and, with an edge scale, far more where lightness jumps.
 * The result per pixel is the largest budget left on arrival (−Infinity where nothing arrives),
 * which src/core/region/hintSpread.ts turns into a hint's region of influence.
 */

/** Steps between neighbours (x, y offsets and length): 4 straight, 4 diagonal. */
const DX = Int32Array.of(1, -1, 0, 0, 1, -1, 1, -1);
const DY = Int32Array.of(0, 0, 1, -1, 1, -1, -1, 1);
const LENGTH = Float64Array.of(1, 1, 1, 1, Math.SQRT2, Math.SQRT2, Math.SQRT2, Math.SQRT2);

/** Largest exponent of the edge cost: beyond it a step costs the same (and stays finite). */
const MAX_EDGE_EXPONENT = 40;

export interface SpreadOptions {
  /**
   * L* scale of an edge: a step between pixels whose L* differs by d costs its length ×
   * exp(d² / (2 edgeSigma²)), so a few edgeSigma stop any budget. null: plain distance.
   */
  edgeSigma: number | null;
  /**
   * Extra cost per L* of lightness change along the walk (any gradient, sharp or gradual), in
   * pixels of travel; 0 or absent: none.
   */
  perLightness?: number;
  /** Keep spreading until the budget left falls below −overshoot (callers fade over it). */
  overshoot: number;
}

/**
 * `budget[i]` is the budget a seed pixel starts with (−Infinity: not a seed); `lStar` the
 * lightness per pixel. Returns the budget left at each pixel, −Infinity where it ran out
 * before −overshoot. Costs O(reached pixels · log) — nothing beyond where budgets run out.
 */
export function spreadBudget(
  lStar: Float32Array,
  width: number,
  height: number,
  budget: Float32Array,
  options: SpreadOptions,
): Float32Array {
  const n = width * height;
  if (lStar.length !== n || budget.length !== n) {
    throw new RangeError(
      `spreadBudget: lStar has ${lStar.length} and budget ${budget.length} values, a ` +
        `${width}×${height} grid needs ${n}`,
    );
  }
  const { edgeSigma, overshoot } = options;
  const perL = options.perLightness ?? 0;
  const inv2s2 = edgeSigma === null ? 0 : 1 / (2 * edgeSigma * edgeSigma);
  // Dijkstra on cost = −(budget left): the pixel with the most budget left settles first.
  // Float64: the heap's keys are, and a rounded copy would read as a better arrival.
  const left = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const heap = new MinHeap(Math.max(16, n));
  for (let i = 0; i < n; i++) {
    if (budget[i] > Number.NEGATIVE_INFINITY) {
      left[i] = budget[i];
      heap.push(-budget[i], i);
    }
  }
  while (heap.size > 0) {
    const cost = heap.topKey();
    const i = heap.pop();
    if (-cost < left[i]) continue; // a better arrival already settled it
    const x = i % width;
    const y = (i - x) / width;
    const li = lStar[i];
    for (let k = 0; k < 8; k++) {
      const nx = x + DX[k];
      const ny = y + DY[k];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const j = ny * width + nx;
      const d = lStar[j] - li;
      let step = LENGTH[k];
      if (edgeSigma !== null) step *= Math.exp(Math.min(d * d * inv2s2, MAX_EDGE_EXPONENT));
      step += perL * Math.abs(d);
      const remaining = -cost - step;
      if (remaining < -overshoot || remaining <= left[j]) continue;
      left[j] = remaining;
      heap.push(-remaining, j);
    }
  }
  return Float32Array.from(left);
}

/** Binary min-heap of (key, pixel index) in typed arrays, grown by doubling. */
class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, item: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const items = new Int32Array(this.size * 2);
      keys.set(this.keys);
      items.set(this.items);
      this.keys = keys;
      this.items = items;
    }
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[k] = this.keys[parent];
      this.items[k] = this.items[parent];
      k = parent;
    }
    this.keys[k] = key;
    this.items[k] = item;
  }

  pop(): number {
    const top = this.items[0];
    const last = --this.size;
    const key = this.keys[last];
    const item = this.items[last];
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= last) break;
      if (c + 1 < last && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.keys[k] = this.keys[c];
      this.items[k] = this.items[c];
      k = c;
    }
    this.keys[k] = key;
    this.items[k] = item;
    return top;
  }
}
