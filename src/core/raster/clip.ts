/**
 * Liang–Barsky clip of segment (x0, y0)–(x1, y1) to [xlo, xhi] × [ylo, yhi]; null when it
 * misses the box. An end moved onto an edge takes that edge's coordinate exactly, and its other
 * coordinate is interpolated from the nearer original end: a horizontal or vertical line stays
 * exactly on its row or column even when its ends are at ±1e300.
 */
export function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  xlo: number,
  ylo: number,
  xhi: number,
  yhi: number,
): [number, number, number, number] | null {
  // Half the differences, and below half of q: the ratios are the same, and nothing overflows
  // for ends up to ±Number.MAX_VALUE.
  const hx = x1 / 2 - x0 / 2;
  const hy = y1 / 2 - y0 / 2;
  let t0 = 0;
  let t1 = 1;
  let edge0 = -1;
  let edge1 = -1;
  // Each edge: p · t ≤ q keeps the point inside (p = 0: parallel, inside iff q ≥ 0).
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -hx : edge === 1 ? hx : edge === 2 ? -hy : hy;
    const q =
      edge === 0
        ? x0 / 2 - xlo / 2
        : edge === 1
          ? xhi / 2 - x0 / 2
          : edge === 2
            ? y0 / 2 - ylo / 2
            : yhi / 2 - y0 / 2;
    if (p === 0) {
      if (!(q >= 0)) return null;
    } else if (p < 0) {
      if (q / p > t0) [t0, edge0] = [q / p, edge];
    } else if (q / p < t1) [t1, edge1] = [q / p, edge];
  }
  if (!(t0 <= t1)) return null;
  const edges = [xlo, xhi, ylo, yhi];
  const at = (t: number, edge: number): [number, number] => {
    if (edge < 0) return t === 0 ? [x0, y0] : [x1, y1];
    const fromEnd = t > 0.5; // interpolate from the nearer end: less cancellation
    const x = edge < 2 ? edges[edge] : fromEnd ? x1 - 2 * ((1 - t) * hx) : x0 + 2 * (t * hx);
    const y = edge >= 2 ? edges[edge] : fromEnd ? y1 - 2 * ((1 - t) * hy) : y0 + 2 * (t * hy);
    return [x, y];
  };
  return [...at(t0, edge0), ...at(t1, edge1)];
}
