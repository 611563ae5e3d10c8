/**
 * Is the reference the same place as the target? Matches between two photos of one scene agree
 * on where the target's frame sits in the reference: one map (a scale and a shift, perhaps
 * mirrored; no rotation, photos are upright) explains many of them. A look-alike of another
 * scene matches each region wherever something resembles it, and no one map explains more than
 * a few. The map is fitted by RANSAC over pairs of matches, sampled from a fixed seed so that a
 * reference always gives the same points.
 */

/** A target position and the reference position matched to it, each as a fraction of its
 * photo's long side. */
export interface Correspondence {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

/** rx = scale · (mirror ? −x : x) + tx, ry = scale · y + ty. */
export interface FrameMap {
  scale: number;
  mirror: boolean;
  tx: number;
  ty: number;
  /** Per correspondence: whether the map puts it within `tolerance` of its match. */
  inliers: boolean[];
  count: number;
}

export interface FrameParams {
  /** How far a match may lie from where the map puts it (fraction of the long side). */
  tolerance: number;
  /** Plausible scales of the target's frame in the reference's (both long sides = 1). */
  minScale: number;
  maxScale: number;
  /** Pairs of correspondences tried. */
  iterations: number;
}

export const FRAME_PARAMS: FrameParams = {
  tolerance: 0.04, // about one 8-px window at the matcher's 128-px working size
  minScale: 0.5,
  maxScale: 2,
  iterations: 400,
};

function inliersOf(
  points: Correspondence[],
  map: Omit<FrameMap, 'inliers' | 'count'>,
  tol2: number,
) {
  const sign = map.mirror ? -1 : 1;
  const inliers = points.map((p) => {
    const ex = map.scale * sign * p.x + map.tx - p.rx;
    const ey = map.scale * p.y + map.ty - p.ry;
    return ex * ex + ey * ey <= tol2;
  });
  return { inliers, count: inliers.filter(Boolean).length };
}

/** The map that explains the most correspondences; null when fewer than two are given. */
export function fitFrameMap(
  points: Correspondence[],
  params: FrameParams = FRAME_PARAMS,
): FrameMap | null {
  const n = points.length;
  if (n < 2) return null;
  const tol2 = params.tolerance ** 2;
  let seed = 12345;
  const pick = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  let best: FrameMap | null = null;
  for (let it = 0; it < params.iterations; it++) {
    const p = points[pick()];
    const q = points[pick()];
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const d2 = dx * dx + dy * dy;
    // Two matches closer than the tolerance say nothing about scale.
    if (d2 < 4 * tol2) continue;
    for (const sign of [1, -1]) {
      const scale = (sign * dx * (q.rx - p.rx) + dy * (q.ry - p.ry)) / d2;
      if (scale < params.minScale || scale > params.maxScale) continue;
      const map = {
        scale,
        mirror: sign < 0,
        tx: (p.rx + q.rx - scale * sign * (p.x + q.x)) / 2,
        ty: (p.ry + q.ry - scale * (p.y + q.y)) / 2,
      };
      const { inliers, count } = inliersOf(points, map, tol2);
      if (!best || count > best.count) best = { ...map, inliers, count };
    }
  }
  return best;
}
