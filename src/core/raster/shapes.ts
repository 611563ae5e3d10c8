import type { Xy } from '../session/types';
import { clipSegment } from './clip';
import { clampIndex, type Grid, halfOpenRange, type Visit } from './grid';
import { visitNearSegment } from './segment';

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
 * coordinate covers nothing. `careful` sends every segment through the general path (clipping,
 * closed-form rows) instead of the shortcuts taken for ordinary ones; the pixels are the same.
 */
export function visitPolyline(
  grid: Grid,
  points: Xy[],
  width: number,
  visit: Visit,
  careful = false,
): void {
  const radius = width / 2;
  if (!(radius >= 0 && radius < Infinity)) return;
  // A crossed pixel's centre is at most half a target pixel per axis from the line, i.e. this far
  // in source px; a stroke at least that wide already covers it, so the grid walk is skipped.
  const crossedReach = Math.hypot(0.5 / grid.sx, 0.5 / grid.sy);
  const walk = radius < crossedReach * (1 + 1e-9);
  const last = points.length - 1;
  for (let k = 0; k <= Math.max(last - 1, 0); k++) {
    const [ax, ay] = points[k];
    const [bx, by] = points[Math.min(k + 1, last)];
    if (!careful && isNear(grid, ax, ay, bx, by, radius)) {
      // No clipping needed, and no array: this is every segment of an ordinary session.
      visitNearSegment(grid, ax, ay, bx, by, radius, false, visit);
      if (walk)
        visitCellsCrossed(
          grid,
          ax * grid.sx,
          ay * grid.sy,
          bx * grid.sx,
          by * grid.sy,
          visit,
          false,
        );
      continue;
    }
    const segment = nearImage(grid, ax, ay, bx, by, radius);
    if (!segment) continue;
    const [px, py, qx, qy] = segment;
    visitNearSegment(grid, px, py, qx, qy, radius, careful, visit);
    if (walk)
      visitCellsCrossed(
        grid,
        px * grid.sx,
        py * grid.sy,
        qx * grid.sx,
        qy * grid.sy,
        visit,
        careful,
      );
  }
}

type Segment = [number, number, number, number];

/**
 * Whether both ends are within an image side beyond the radius around the image (false for any
 * non-finite value): then the segment is drawn as it is, far from overflow.
 */
function isNear(grid: Grid, ax: number, ay: number, bx: number, by: number, radius: number) {
  const w = grid.width / grid.sx;
  const h = grid.height / grid.sy;
  const reach = radius + Math.max(w, h);
  return (
    Math.min(ax, bx) >= -reach &&
    Math.max(ax, bx) <= w + reach &&
    Math.min(ay, by) >= -reach &&
    Math.max(ay, by) <= h + reach
  );
}

/**
 * The segment itself when it is near (see isNear), or else the part of it within that distance:
 * the capsule's pixels are the same (any point of the segment within the radius of the image is
 * kept) and the arithmetic stays far from overflow. Null when nothing is near or a coordinate is
 * not finite.
 */
function nearImage(
  grid: Grid,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
): Segment | null {
  const finite =
    Number.isFinite(ax) &&
    Number.isFinite(ay) &&
    Number.isFinite(bx) &&
    Number.isFinite(by) &&
    Number.isFinite(radius);
  if (!finite) return null;
  if (isNear(grid, ax, ay, bx, by, radius)) return [ax, ay, bx, by];
  const w = grid.width / grid.sx;
  const h = grid.height / grid.sy;
  const reach = radius + Math.max(w, h);
  return clipSegment(ax, ay, bx, by, -reach, -reach, w + reach, h + reach);
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
  careful: boolean,
): void {
  const { width, height } = grid;
  let px = x0;
  let py = y0;
  let qx = x1;
  let qy = y1;
  // Clipping returns ends inside the raster unchanged, so those skip it.
  const inside =
    Math.min(x0, x1) >= 0 &&
    Math.max(x0, x1) <= width &&
    Math.min(y0, y1) >= 0 &&
    Math.max(y0, y1) <= height;
  if (careful || !inside) {
    const clipped = clipSegment(x0, y0, x1, y1, 0, 0, width, height);
    if (!clipped) return;
    [px, py, qx, qy] = clipped;
  }
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
