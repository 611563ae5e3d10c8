/**
 * Where a horizontal line crosses a capsule (the points within `radius` of segment AB), in
 * closed form, so a row costs O(1) however wide the stroke is. The rasteriser uses this only as
 * a starting guess and settles each end with the exact distance test, so float rounding here can
 * never change which pixels are covered. Allocation-free: it runs once per row per segment.
 */

/** [lo, hi] in source x of the last `capsuleRowSpan` that returned true. */
export const span = new Float64Array(2);

/** Sets `span` to where row y is within `radius` of AB; false when it misses. */
export function capsuleRowSpan(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  y: number,
): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  const r2 = radius * radius;
  // The round caps: chords of the discs around A and B.
  const ha2 = r2 - (y - ay) * (y - ay);
  if (ha2 >= 0) {
    const h = Math.sqrt(ha2);
    lo = ax - h;
    hi = ax + h;
  }
  const hb2 = r2 - (y - by) * (y - by);
  if (hb2 >= 0) {
    const h = Math.sqrt(hb2);
    lo = Math.min(lo, bx - h);
    hi = Math.max(hi, bx + h);
  }
  // The rectangle swept along AB: offsets u from A along the row (v below A) where the
  // projection parameter is in [0, 1] and the distance to AB's line is at most the radius.
  const dx = bx - ax;
  const dy = by - ay;
  const v = y - ay;
  const length2 = dx * dx + dy * dy;
  if (length2 > 0) {
    let bodyLo = -Infinity;
    let bodyHi = Infinity;
    let empty = false;
    if (dx !== 0) {
      // 0 ≤ u·dx + v·dy ≤ |AB|²
      const p = (-v * dy) / dx;
      const q = (length2 - v * dy) / dx;
      bodyLo = Math.min(p, q);
      bodyHi = Math.max(p, q);
    } else empty = v * dy < 0 || v * dy > length2;
    const reach = radius * Math.sqrt(length2);
    if (dy !== 0) {
      // |u·dy − v·dx| ≤ r·|AB|
      const p = (v * dx - reach) / dy;
      const q = (v * dx + reach) / dy;
      bodyLo = Math.max(bodyLo, Math.min(p, q));
      bodyHi = Math.min(bodyHi, Math.max(p, q));
    } else empty ||= Math.abs(v * dx) > reach;
    if (!empty && bodyLo <= bodyHi) {
      lo = Math.min(lo, ax + bodyLo);
      hi = Math.max(hi, ax + bodyHi);
    }
  }
  span[0] = lo;
  span[1] = hi;
  return lo <= hi;
}
