import type { Hint, Session } from '../session/types';
import type { Grid, Visit } from './grid';
import { coverageEstimate, OcclusionPainter } from './occlusion';
import { visitPoint, visitPolyline } from './shapes';

/**
 * Past this many raster areas of hint bounding boxes, hints are drawn last-first with each pixel
 * written once (occlusion.ts): the same raster, at a cost bounded by its size.
 */
const OVERLAP_LIMIT = 8;

/** Sparse colour hints at one resolution: what the network's local-hints branch reads. */
export interface HintRaster {
  /** height · width · 2, row-major, interleaved a*, b*; 0 where mask is 0. */
  ab: Float32Array;
  /** height · width, 1 where a hint colours the pixel. */
  mask: Uint8Array;
}

/**
 * Draws the session's hints into a width × height raster, in order (later hints overwrite
 * earlier ones; erase clears to mask 0, ab 0). Source coordinates scale by
 * width / image.width and height / image.height independently, and so do point squares and
 * stroke widths (a stroke's round cap becomes an ellipse under unequal scaling): a target pixel
 * is covered when its centre, mapped back to the source image, is in the hint's shape.
 * Hints smaller than a target pixel still mark the pixels under them (see shapes.ts).
 *
 * The cost is bounded by the raster's area plus, per hint, the rows it spans: hint sizes do not
 * multiply it.
 *
 * Pass `out` (e.g. the previous result) to reuse its buffers instead of allocating; it is
 * cleared first.
 */
export function rasterizeHints(
  session: Session,
  width: number,
  height: number,
  out?: HintRaster,
): HintRaster {
  checkSide('width', width);
  checkSide('height', height);
  const pixels = width * height;
  const raster = out ?? { ab: new Float32Array(pixels * 2), mask: new Uint8Array(pixels) };
  if (raster.ab.length !== pixels * 2 || raster.mask.length !== pixels) {
    throw new RangeError(
      `rasterizeHints: out buffers hold ab ${raster.ab.length} / mask ${raster.mask.length} ` +
        `values, a ${width}×${height} raster needs ${pixels * 2} / ${pixels}`,
    );
  }
  raster.ab.fill(0);
  raster.mask.fill(0);
  const grid: Grid = {
    width,
    height,
    sx: width / session.image.width,
    sy: height / session.image.height,
  };
  const heavy =
    coverageEstimate(grid, session.hints, OVERLAP_LIMIT * pixels) > OVERLAP_LIMIT * pixels;
  drawHints(raster, grid, session.hints, heavy);
  return raster;
}

/**
 * Draws into a cleared raster, first-to-last or (same result, bounded cost) last-first.
 * `careful` draws every stroke segment by the general path, without the shortcuts for ordinary
 * ones (shapes.ts); the raster is the same, and tests compare the two.
 */
export function drawHints(
  raster: HintRaster,
  grid: Grid,
  hints: readonly Hint[],
  lastFirst: boolean,
  careful = false,
) {
  if (!lastFirst) {
    for (const hint of hints) drawHint(grid, hint, painter(raster, hint), careful);
    return;
  }
  const occlusion = new OcclusionPainter(grid.width * grid.height);
  for (let k = hints.length - 1; k >= 0; k--) {
    drawHint(grid, hints[k], occlusion.wrap(painter(raster, hints[k])), careful);
  }
}

function drawHint(grid: Grid, hint: Hint, paint: Visit, careful: boolean): void {
  if (hint.kind === 'point') visitPoint(grid, hint.x, hint.y, hint.size, paint);
  else visitPolyline(grid, hint.points, hint.width, paint, careful);
}

function painter({ ab, mask }: HintRaster, hint: Hint): Visit {
  if (hint.kind === 'erase') {
    return (first, last) => {
      for (let i = first; i <= last; i++) {
        mask[i] = 0;
        ab[2 * i] = 0;
        ab[2 * i + 1] = 0;
      }
    };
  }
  const [a, b] = hint.ab;
  return (first, last) => {
    for (let i = first; i <= last; i++) {
      mask[i] = 1;
      ab[2 * i] = a;
      ab[2 * i + 1] = b;
    }
  };
}

function checkSide(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`rasterizeHints: ${name} must be a positive integer, got ${value}`);
  }
}
