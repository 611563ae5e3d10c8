/**
 * Where a horizontal line crosses a capsule (the points within `radius` of segment AB), in
 * closed form, so a row costs O(1) however wide the stroke is. The rasteriser uses this only as
 * a starting guess and settles each end with the exact distance test, so float rounding here can
 * never change which pixels are covered.
 */

/** [lo, hi] in source x where row y is within `radius` of AB, or null when it misses. */
export function capsuleRowSpan(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  y: number,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  // The round caps: chords of the discs around A and B.
  for (const [cx, cy] of [
    [ax, ay],
    [bx, by],
  ]) {
    const h2 = radius * radius - (y - cy) * (y - cy);
    if (h2 >= 0) {
      const h = Math.sqrt(h2);
      lo = Math.min(lo, cx - h);
      hi = Math.max(hi, cx + h);
    }
  }
  const body = bodySpan(ax, ay, bx - ax, by - ay, radius, y - ay);
  if (body) {
    lo = Math.min(lo, ax + body[0]);
    hi = Math.max(hi, ax + body[1]);
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * The rectangle swept along AB: offsets u from A along the row (v below A) where the projection
 * parameter is in [0, 1] and the distance to AB's line is at most the radius.
 */
function bodySpan(
  ax: number,
  ay: number,
  dx: number,
  dy: number,
  radius: number,
  v: number,
): [number, number] | null {
  const length2 = dx * dx + dy * dy;
  if (!(length2 > 0) || !Number.isFinite(ax + ay)) return null;
  let lo = -Infinity;
  let hi = Infinity;
  // 0 ≤ u·dx + v·dy ≤ |AB|²
  if (dx !== 0) {
    const p = (-v * dy) / dx;
    const q = (length2 - v * dy) / dx;
    lo = Math.max(lo, Math.min(p, q));
    hi = Math.min(hi, Math.max(p, q));
  } else if (v * dy < 0 || v * dy > length2) return null;
  // |u·dy − v·dx| ≤ r·|AB|
  const reach = radius * Math.sqrt(length2);
  if (dy !== 0) {
    const p = (v * dx - reach) / dy;
    const q = (v * dx + reach) / dy;
    lo = Math.max(lo, Math.min(p, q));
    hi = Math.min(hi, Math.max(p, q));
  } else if (Math.abs(v * dx) > reach) return null;
  return lo <= hi ? [lo, hi] : null;
}
