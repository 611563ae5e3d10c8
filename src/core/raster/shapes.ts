import type { Xy } from '../session/types';
import { capsuleRowSpan, span } from './capsule';
import { clipSegment } from './clip';
import { clampIndex, type Grid, halfOpenRange, type Visit } from './grid';

/** Target px added around scan bounds: far above float rounding (~1e-11 px at 65535 px). */
const SLACK = 1e-6;

/**
 * Pixels a point hint covers: centres in [x − size/2, x + size/2) × [y − size/2, y + size/2),
 * scaled to the target per axis; a square thinner than a target pixel along an axis keeps the
 * pixel row/column containing its centre, so a hint never vanishes when downscaled.
 */
export function visitPoint(grid: Grid, x: number, y: number, size: number, visit: Visit): void {
  const { sx, sy } = grid;
  const half = size / 2;
  const cols = halfOpenRange(sx * (x - half), sx * (x + half), sx * x, grid.width);
  const rows = halfOpenRange(sy * (y - half), sy * (y + half), sy * y, grid.height);
  if (!cols || !rows) return;
  for (let i = rows[0]; i <= rows[1]; i++)
    visit(i * grid.width + cols[0], i * grid.width + cols[1]);
}

/**
 * Pixels a stroke or erase covers: those whose centre, mapped back to source coordinates, lies
 * within width/2 of the polyline (inclusive; round caps and joins come from per-segment
 * distance), plus every pixel the polyline passes through, so a stroke thinner than a target
 * pixel stays a continuous (4-connected, hence 8-connected) line. A segment with a non-finite
 * coordinate covers nothing.
 */
export function visitPolyline(grid: Grid, points: Xy[], width: number, visit: Visit): void {
  const radius = width / 2;
  if (!(radius >= 0)) return;
  // A crossed pixel's centre is at most half a target pixel per axis from the line, i.e. this far
  // in source px; a stroke at least that wide already covers it, so the grid walk is skipped.
  const crossedReach = Math.hypot(0.5 / grid.sx, 0.5 / grid.sy);
  const walk = radius < crossedReach * (1 + 1e-9);
  const last = points.length - 1;
  for (let k = 0; k <= Math.max(last - 1, 0); k++) {
    const [ax, ay] = points[k];
    const [bx, by] = points[Math.min(k + 1, last)];
    const segment = nearImage(grid, ax, ay, bx, by, radius);
    if (!segment) continue;
    visitNearSegment(grid, segment, radius, visit);
    if (walk) {
      const [px, py, qx, qy] = segment;
      visitCellsCrossed(grid, px * grid.sx, py * grid.sy, qx * grid.sx, qy * grid.sy, visit);
    }
  }
}

type Segment = [number, number, number, number];

/**
 * The segment itself, or — when an end lies more than an image side beyond the radius around
 * the image — the part of it within that distance: the capsule's pixels are the same (any point
 * of the segment within the radius of the image is kept) and the arithmetic stays far from
 * overflow. Null when nothing is near or a coordinate is not finite.
 */
function nearImage(
  grid: Grid,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
): Segment | null {
  // Written out, with no closures or arrays: this runs once per segment of every stroke.
  const finite =
    Number.isFinite(ax) &&
    Number.isFinite(ay) &&
    Number.isFinite(bx) &&
    Number.isFinite(by) &&
    Number.isFinite(radius);
  if (!finite) return null;
  const w = grid.width / grid.sx;
  const h = grid.height / grid.sy;
  const reach = radius + Math.max(w, h);
  const near =
    Math.min(ax, bx) >= -reach &&
    Math.max(ax, bx) <= w + reach &&
    Math.min(ay, by) >= -reach &&
    Math.max(ay, by) <= h + reach;
  if (near) return [ax, ay, bx, by];
  return clipSegment(ax, ay, bx, by, -reach, -reach, w + reach, h + reach);
}

/** Exact-test steps tried around each closed-form end: a few ulps of slack is plenty. */
const SETTLE = 2;

/**
 * Pixel centres within `radius` (source px) of segment AB. Each row's run comes from the
 * closed form (capsule.ts) and each end is then settled with the exact distance test, so the
 * cost is one row's worth of work, not the box's area, and the coverage rule is the one below.
 */
function visitNearSegment(grid: Grid, [ax, ay, bx, by]: Segment, radius: number, visit: Visit) {
  const { width, height, sx, sy } = grid;
  // The bounds are widened by SLACK so rounding can never drop a pixel; the exact test decides.
  const j0 = clampIndex(Math.ceil(sx * (Math.min(ax, bx) - radius) - 0.5 - SLACK), width);
  const j1 = clampIndex(Math.floor(sx * (Math.max(ax, bx) + radius) - 0.5 + SLACK), width);
  const i0 = clampIndex(Math.ceil(sy * (Math.min(ay, by) - radius) - 0.5 - SLACK), height);
  const i1 = clampIndex(Math.floor(sy * (Math.max(ay, by) + radius) - 0.5 + SLACK), height);
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const inverseLength2 = length2 > 0 ? 1 / length2 : 0; // a zero-length segment is its point A
  const radius2 = radius * radius;
  // inside(j) is written out below (no closure: this is the innermost loop); `<=` so that a
  // NaN distance counts as outside.
  for (let i = i0; i <= i1; i++) {
    const y = (i + 0.5) / sy;
    const v = y - ay;
    if (!capsuleRowSpan(ax, ay, bx, by, radius, y)) continue;
    // Start SETTLE px outside the closed-form ends; step in past outside pixels, then out over
    // inside ones. The closed form is within rounding of the truth, so each loop is a few steps.
    let from = Math.max(j0, Math.ceil(sx * span[0] - 0.5) - SETTLE);
    let to = Math.min(j1, Math.floor(sx * span[1] - 0.5) + SETTLE);
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

/**
 * Every target cell the segment (x0,y0)–(x1,y1) (target px) passes through, by a grid walk
 * (Amanatides & Woo) after clipping the segment to the raster.
 */
function visitCellsCrossed(
  grid: Grid,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  visit: Visit,
): void {
  const { width, height } = grid;
  const clipped = clipSegment(x0, y0, x1, y1, 0, 0, width, height);
  if (!clipped) return;
  const [px, py, qx, qy] = clipped;
  let cx = clampIndex(Math.floor(px), width);
  let cy = clampIndex(Math.floor(py), height);
  const ex = clampIndex(Math.floor(qx), width);
  const ey = clampIndex(Math.floor(qy), height);
  const dx = qx - px;
  const dy = qy - py;
  const stepX = Math.sign(ex - cx);
  const stepY = Math.sign(ey - cy);
  // Parameter t ∈ [0, 1] along the segment at which it next crosses a column / row boundary.
  let tMaxX = stepX > 0 ? (cx + 1 - px) / dx : stepX < 0 ? (px - cx) / -dx : Infinity;
  let tMaxY = stepY > 0 ? (cy + 1 - py) / dy : stepY < 0 ? (py - cy) / -dy : Infinity;
  const tDeltaX = stepX !== 0 ? 1 / Math.abs(dx) : Infinity;
  const tDeltaY = stepY !== 0 ? 1 / Math.abs(dy) : Infinity;
  visit(cy * width + cx, cy * width + cx);
  // Each step moves one cell toward the end cell, so rounding can never loop or overshoot.
  while (cx !== ex || cy !== ey) {
    if (cy === ey || (cx !== ex && tMaxX < tMaxY)) {
      cx += stepX;
      tMaxX += tDeltaX;
    } else {
      cy += stepY;
      tMaxY += tDeltaY;
    }
    visit(cy * width + cx, cy * width + cx);
  }
}
