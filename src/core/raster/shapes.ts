import type { Xy } from '../session/types';
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
 * pixel stays a continuous (4-connected, hence 8-connected) line.
 */
export function visitPolyline(grid: Grid, points: Xy[], width: number, visit: Visit): void {
  const radius = width / 2;
  // A crossed pixel's centre is at most half a target pixel per axis from the line, i.e. this far
  // in source px; a stroke at least that wide already covers it, so the grid walk is skipped.
  const crossedReach = Math.hypot(0.5 / grid.sx, 0.5 / grid.sy);
  const walk = radius < crossedReach * (1 + 1e-9);
  const last = points.length - 1;
  for (let k = 0; k <= Math.max(last - 1, 0); k++) {
    const [ax, ay] = points[k];
    const [bx, by] = points[Math.min(k + 1, last)];
    visitNearSegment(grid, ax, ay, bx, by, radius, visit);
    if (walk)
      visitCellsCrossed(grid, ax * grid.sx, ay * grid.sy, bx * grid.sx, by * grid.sy, visit);
  }
}

/** Pixel centres within `radius` (source px) of segment AB; only AB's bounding box is scanned. */
function visitNearSegment(
  grid: Grid,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  visit: Visit,
): void {
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
  const useBand = bandIsSafe(sx, ax, ay, bx, by, radius, length2);
  // Half-width, along a row, of the band |cross(P − A, B − A)| ≤ radius·|AB| around the
  // segment's line: it narrows a long diagonal segment's scan to a strip of its box.
  const bandHalf = useBand ? Math.abs((radius * Math.sqrt(length2)) / dy) : 0;
  for (let i = i0; i <= i1; i++) {
    const v = (i + 0.5) / sy - ay;
    let from = j0;
    let to = j1;
    if (useBand) {
      const onLine = ax + (v * dx) / dy; // source x where the segment's line crosses this row
      from = Math.max(j0, Math.ceil(sx * (onLine - bandHalf) - 0.5) - 1);
      to = Math.min(j1, Math.floor(sx * (onLine + bandHalf) - 0.5) + 1);
    }
    // The capsule is convex, so its pixels on a row are one run: find its two ends.
    while (from <= to && distance2((from + 0.5) / sx - ax, v, dx, dy, inverseLength2) > radius2)
      from++;
    while (to > from && distance2((to + 0.5) / sx - ax, v, dx, dy, inverseLength2) > radius2) to--;
    if (from <= to) visit(i * width + from, i * width + to);
  }
}

/** Squared distance from P = A + (u, v) to segment AB = (dx, dy) from A. */
function distance2(u: number, v: number, dx: number, dy: number, inverseLength2: number): number {
  const t = Math.max(0, Math.min((u * dx + v * dy) * inverseLength2, 1));
  const ex = u - t * dx;
  const ey = v - t * dy;
  return ex * ex + ey * ey;
}

/**
 * The band is a pure speed-up, so it is used only where its rounding stays far below its
 * one-pixel slack: a segment longer than the radius (else it is nearly a disc), not
 * near-horizontal, with coordinates of sane size (an error of ~1e-16 × 1e12 target px).
 */
function bandIsSafe(
  sx: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  length2: number,
): boolean {
  if (length2 <= radius * radius || ay === by) return false;
  const extent = Math.max(Math.abs(ax), Math.abs(ay), Math.abs(bx), Math.abs(by)) + radius;
  const slope = Math.abs(bx - ax) / Math.abs(by - ay);
  return Math.max(sx, 1) * extent * (1 + slope) < 1e12;
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
  const clipped = clipToBox(x0, y0, x1, y1, width, height);
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

/** Liang–Barsky clip of a segment to [0, w] × [0, h]; null when it misses the box. */
function clipToBox(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  w: number,
  h: number,
): [number, number, number, number] | null {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  // Each edge: p · t ≤ q keeps the point inside (p = 0: parallel, inside iff q ≥ 0).
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q = edge === 0 ? x0 : edge === 1 ? w - x0 : edge === 2 ? y0 : h - y0;
    if (p === 0) {
      if (q < 0) return null;
    } else if (p < 0) {
      t0 = Math.max(t0, q / p);
    } else {
      t1 = Math.min(t1, q / p);
    }
  }
  if (t0 > t1) return null;
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}
