import { capsuleRowSpan, span } from './capsule';
import { clampIndex, type Grid, type Visit } from './grid';

/** Target px added around scan bounds: far above float rounding (~1e-11 px at 65535 px). */
const SLACK = 1e-6;

/** Exact-test steps tried around each closed-form end: a few ulps of slack is plenty. */
const SETTLE = 2;

/**
 * Boxes at most this many target columns wide are scanned from their edges: a row then costs
 * fewer exact tests than the closed form's guess plus its settling (most editor strokes at the
 * network's working size are a few pixels wide).
 */
const NARROW = 12;

/**
 * Pixel centres within `radius` (source px) of segment AB (finite, already brought near the
 * image). The capsule is convex, so its pixels on a row are one run, and the exact distance test
 * decides each end: from the box's edges when the box is narrow, else from the closed form
 * (capsule.ts) settled a few pixels either way, so a row costs O(1) however wide the stroke is.
 * `careful` always takes the closed form; both give the same pixels.
 */
export function visitNearSegment(
  grid: Grid,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  careful: boolean,
  visit: Visit,
): void {
  const { width, height, sx, sy } = grid;
  // The bounds are widened by SLACK so rounding can never drop a pixel; the exact test decides.
  const j0 = clampIndex(Math.ceil(sx * (Math.min(ax, bx) - radius) - 0.5 - SLACK), width);
  const j1 = clampIndex(Math.floor(sx * (Math.max(ax, bx) + radius) - 0.5 + SLACK), width);
  const i0 = clampIndex(Math.ceil(sy * (Math.min(ay, by) - radius) - 0.5 - SLACK), height);
  const i1 = clampIndex(Math.floor(sy * (Math.max(ay, by) + radius) - 0.5 + SLACK), height);
  const narrow = !careful && j1 - j0 < NARROW;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const inverseLength2 = length2 > 0 ? 1 / length2 : 0; // a zero-length segment is its point A
  const radius2 = radius * radius;
  // The exact test is written out below (no closure: this is the innermost loop); `<=` so that
  // a NaN distance counts as outside.
  for (let i = i0; i <= i1; i++) {
    const y = (i + 0.5) / sy;
    const v = y - ay;
    let from = j0;
    let to = j1;
    if (!narrow) {
      if (!capsuleRowSpan(ax, ay, bx, by, radius, y)) continue;
      // Start SETTLE px outside the closed-form ends; the closed form is within rounding of the
      // truth, so each loop below is a few steps.
      from = Math.max(j0, Math.ceil(sx * span[0] - 0.5) - SETTLE);
      to = Math.min(j1, Math.floor(sx * span[1] - 0.5) + SETTLE);
    }
    // Step in past outside pixels, then out over inside ones.
    while (from <= to && !covers(from, sx, ax, v, dx, dy, inverseLength2, radius2)) from++;
    while (to > from && !covers(to, sx, ax, v, dx, dy, inverseLength2, radius2)) to--;
    if (from > to) continue;
    while (from > j0 && covers(from - 1, sx, ax, v, dx, dy, inverseLength2, radius2)) from--;
    while (to < j1 && covers(to + 1, sx, ax, v, dx, dy, inverseLength2, radius2)) to++;
    visit(i * width + from, i * width + to);
  }
}

/** Whether column j's centre on a row v below A is within the radius of AB (NaN: no). */
function covers(
  j: number,
  sx: number,
  ax: number,
  v: number,
  dx: number,
  dy: number,
  inverseLength2: number,
  radius2: number,
): boolean {
  return distance2((j + 0.5) / sx - ax, v, dx, dy, inverseLength2) <= radius2;
}

/** Squared distance from P = A + (u, v) to segment AB = (dx, dy) from A. */
function distance2(u: number, v: number, dx: number, dy: number, inverseLength2: number): number {
  const t = Math.max(0, Math.min((u * dx + v * dy) * inverseLength2, 1));
  const ex = u - t * dx;
  const ey = v - t * dy;
  return ex * ex + ey * ey;
}
