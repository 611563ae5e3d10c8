import type { Hint, PointHint, Xy } from '../../core/session/types';

/** Distance from (x, y) to the segment p–q. */
export function distanceToSegment(x: number, y: number, p: Xy, q: Xy): number {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((x - p[0]) * dx + (y - p[1]) * dy) / lengthSquared));
  return Math.hypot(x - (p[0] + t * dx), y - (p[1] + t * dy));
}

/** Distance from (x, y) to a polyline (a single vertex is a dot). */
export function distanceToPolyline(x: number, y: number, points: Xy[]): number {
  if (points.length === 0) return Number.POSITIVE_INFINITY;
  if (points.length === 1) return Math.hypot(x - points[0][0], y - points[0][1]);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < points.length; i++) {
    best = Math.min(best, distanceToSegment(x, y, points[i - 1], points[i]));
  }
  return best;
}

/**
 * The index of the topmost (last drawn) point hint under (x, y), or null. A point covers a
 * size×size square centred on it; `tolerance` widens it so tiny points stay clickable.
 */
export function hitPoint(hints: Hint[], x: number, y: number, tolerance: number): number | null {
  for (let i = hints.length - 1; i >= 0; i--) {
    const hint = hints[i];
    if (hint.kind !== 'point') continue;
    const reach = hint.size / 2 + tolerance;
    if (Math.abs(x - hint.x) <= reach && Math.abs(y - hint.y) <= reach) return i;
  }
  return null;
}

export function isPoint(hint: Hint | undefined): hint is PointHint {
  return hint?.kind === 'point';
}

/** Appends (x, y) unless it is within `minSpacing` of the last vertex. */
export function appendVertex(points: Xy[], x: number, y: number, minSpacing: number): Xy[] {
  const last = points[points.length - 1];
  if (last && Math.hypot(x - last[0], y - last[1]) < minSpacing) return points;
  return [...points, [x, y]];
}
