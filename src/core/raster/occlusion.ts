import type { Hint } from '../session/types';
import type { Grid, Visit } from './grid';

/**
 * Painting cost bounded by the raster instead of by the hints: when hints overlap heavily
 * (thousands of strokes across the whole photo), they are drawn last-first and each pixel is
 * written once, by the hint that would have been drawn last over it. A "next undecided pixel"
 * forest (union–find with path compression) lets a run skip decided pixels in near-constant time.
 */
export class OcclusionPainter {
  private readonly next: Int32Array;

  constructor(pixels: number) {
    this.next = new Int32Array(pixels + 1);
    for (let i = 0; i <= pixels; i++) this.next[i] = i;
  }

  /** Wraps a painter so it only touches pixels no later hint has decided. */
  wrap(paint: Visit): Visit {
    const next = this.next;
    return (first, last) => {
      let k = this.find(first);
      while (k <= last) {
        let end = k;
        while (end < last && next[end + 1] === end + 1) end++;
        paint(k, end);
        for (let m = k; m <= end; m++) next[m] = end + 1;
        k = this.find(end + 1);
      }
    };
  }

  private find(start: number): number {
    const next = this.next;
    let root = start;
    while (next[root] !== root) root = next[root];
    for (let k = start; next[k] !== root; ) {
      const after = next[k];
      next[k] = root;
      k = after;
    }
    return root;
  }
}

/**
 * Target pixels the hints' bounding boxes cover, summed (an upper bound on painting work when
 * drawn first-to-last); stops counting once past `limit`. Non-finite shapes count as nothing.
 */
export function coverageEstimate(grid: Grid, hints: readonly Hint[], limit: number): number {
  let total = 0;
  for (const hint of hints) {
    if (hint.kind === 'point') {
      const half = hint.size / 2;
      total += boxArea(grid, hint.x - half, hint.y - half, hint.x + half, hint.y + half);
    } else {
      const r = hint.width / 2;
      const { points } = hint;
      for (let k = 0; k < points.length; k++) {
        const [ax, ay] = points[k];
        const [bx, by] = points[Math.min(k + 1, points.length - 1)];
        const x0 = Math.min(ax, bx) - r;
        const y0 = Math.min(ay, by) - r;
        total += boxArea(grid, x0, y0, Math.max(ax, bx) + r, Math.max(ay, by) + r);
      }
    }
    if (total > limit) return total;
  }
  return total;
}

function boxArea(grid: Grid, x0: number, y0: number, x1: number, y1: number): number {
  const w = Math.min(grid.width, grid.sx * x1 + 1) - Math.max(0, grid.sx * x0 - 1);
  const h = Math.min(grid.height, grid.sy * y1 + 1) - Math.max(0, grid.sy * y0 - 1);
  return w > 0 && h > 0 ? w * h : 0; // NaN fails both tests
}
