/**
 * The sRGB gamut in CIELAB: membership, and the Euclidean-nearest displayable ab at a fixed
 * lightness (what the colour picker snaps to).
 */
import { D65_WHITE, SRGB_TO_XYZ } from './constants';
import { labFInverse, labToLinearRgbInto, linearRgbToLabInto, type NumberSink } from './lab';
import { srgbToLinear } from './srgb';

/** A colour is in gamut when each encoded sRGB channel lies in [−1e-6, 1 + 1e-6]. */
export const GAMUT_TOLERANCE = 1e-6;
/** The same bounds in linear light (the transfer curve is monotone), so no pow per test. */
const LINEAR_LOW = srgbToLinear(-GAMUT_TOLERANCE);
const LINEAR_HIGH = srgbToLinear(1 + GAMUT_TOLERANCE);

/** True when a linear RGB triple (out[o..o+2]) is inside the tolerant sRGB cube. */
export function linearInGamut(rgb: NumberSink, o = 0): boolean {
  const r = rgb[o];
  const g = rgb[o + 1];
  const b = rgb[o + 2];
  return (
    r >= LINEAR_LOW &&
    r <= LINEAR_HIGH &&
    g >= LINEAR_LOW &&
    g <= LINEAR_HIGH &&
    b >= LINEAR_LOW &&
    b <= LINEAR_HIGH
  );
}

const scratch = new Float64Array(3);

/** Does the Lab colour map into sRGB, within GAMUT_TOLERANCE per channel? NaN gives false. */
export function inGamut(L: number, a: number, b: number): boolean {
  labToLinearRgbInto(L, a, b, scratch);
  return linearInGamut(scratch);
}

type Vec3 = [number, number, number];

/**
 * Vertices, in cyclic order, of the polygon where the plane of constant luminance cuts the
 * linear-RGB unit cube. Its edges are straight in linear RGB; their images in ab are the
 * boundary of the gamut slice at that lightness.
 */
function sliceVertices(yRel: number): Vec3[] {
  const lum = (p: Vec3) =>
    (SRGB_TO_XYZ[3] * p[0] + SRGB_TO_XYZ[4] * p[1] + SRGB_TO_XYZ[5] * p[2]) / D65_WHITE[1];
  const found: Vec3[] = [];
  for (let axis = 0; axis < 3; axis++) {
    for (let corner = 0; corner < 4; corner++) {
      // The cube edge along `axis`, the other two channels at 0/1 from the bits of `corner`.
      const start: Vec3 = [0, 0, 0];
      start[(axis + 1) % 3] = corner & 1;
      start[(axis + 2) % 3] = corner >> 1;
      const end: Vec3 = [...start];
      end[axis] = 1;
      const y0 = lum(start);
      const y1 = lum(end);
      if ((y0 - yRel) * (y1 - yRel) > 0 || y0 === y1) continue;
      const p: Vec3 = [...start];
      p[axis] = Math.min(1, Math.max(0, (yRel - y0) / (y1 - y0)));
      const duplicate = found.some(
        (q) => Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1]) + Math.abs(q[2] - p[2]) < 1e-12,
      );
      if (!duplicate) found.push(p);
    }
  }
  // The polygon is convex in the plane; ordering by angle around its grey point (X, Z seen
  // from grey) gives the cyclic order of its edges.
  const angle = (p: Vec3) => {
    const x = SRGB_TO_XYZ[0] * p[0] + SRGB_TO_XYZ[1] * p[1] + SRGB_TO_XYZ[2] * p[2];
    const z = SRGB_TO_XYZ[6] * p[0] + SRGB_TO_XYZ[7] * p[1] + SRGB_TO_XYZ[8] * p[2];
    return Math.atan2(z - yRel * D65_WHITE[2], x - yRel * D65_WHITE[0]);
  };
  return found.sort((p, q) => angle(p) - angle(q));
}

/** Samples per boundary edge before refining: enough that each local minimum is bracketed. */
const EDGE_SAMPLES = 32;
/** Golden-section steps per bracket: shrinks it by 0.618⁶⁰ ≈ 3e-13. */
const REFINE_STEPS = 60;
const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * The displayable ab nearest (Euclidean in ab) to (a, b) at lightness L. In-gamut colours come
 * back unchanged; L = 0 or 100 gives (0, 0). Out-of-gamut colours are projected onto the slice
 * boundary: each polygon edge is sampled, and every sampled local minimum of the distance is
 * refined by golden-section search.
 */
export function snapToGamut(L: number, a: number, b: number): [number, number] {
  if (!Number.isFinite(L) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`snapToGamut: L, a, b must be finite numbers, got (${L}, ${a}, ${b})`);
  }
  if (L < 0 || L > 100) throw new RangeError(`snapToGamut: L must be in [0, 100], got ${L}`);
  if (inGamut(L, a, b)) return [a, b];
  if (L === 0 || L === 100) return [0, 0];

  const vertices = sliceVertices(labFInverse((L + 16) / 116));
  const lab = new Float64Array(3);
  let bestD = Number.POSITIVE_INFINITY;
  let bestA = 0;
  let bestB = 0;
  for (let e = 0; e < vertices.length; e++) {
    const p = vertices[e];
    const q = vertices[(e + 1) % vertices.length];
    const distance = (t: number): number => {
      linearRgbToLabInto(
        p[0] + (q[0] - p[0]) * t,
        p[1] + (q[1] - p[1]) * t,
        p[2] + (q[2] - p[2]) * t,
        lab,
      );
      const d = (lab[1] - a) ** 2 + (lab[2] - b) ** 2;
      if (d < bestD) {
        bestD = d;
        bestA = lab[1];
        bestB = lab[2];
      }
      return d;
    };
    const samples: number[] = [];
    for (let k = 0; k <= EDGE_SAMPLES; k++) samples.push(distance(k / EDGE_SAMPLES));
    for (let k = 0; k <= EDGE_SAMPLES; k++) {
      const left = k === 0 ? Number.POSITIVE_INFINITY : samples[k - 1];
      const right = k === EDGE_SAMPLES ? Number.POSITIVE_INFINITY : samples[k + 1];
      if (samples[k] <= left && samples[k] <= right) {
        goldenSection(
          distance,
          Math.max(0, (k - 1) / EDGE_SAMPLES),
          Math.min(1, (k + 1) / EDGE_SAMPLES),
        );
      }
    }
  }
  return shrinkChromaIntoGamut(L, bestA, bestB);
}

/** Minimises f on [lo, hi] (f unimodal there); f records its own best point. */
function goldenSection(f: (t: number) => number, lo: number, hi: number): void {
  let x1 = hi - INV_PHI * (hi - lo);
  let x2 = lo + INV_PHI * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < REFINE_STEPS; i++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - INV_PHI * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + INV_PHI * (hi - lo);
      f2 = f(x2);
    }
  }
}

/**
 * (a, b) with its chroma scaled down at fixed CIELAB hue angle until it is in gamut at L,
 * by bisecting the scale for `steps` steps (unchanged when already in gamut). Grey (0, 0) is
 * always in gamut for L in [0, 100], so bisecting the chroma scale always ends inside.
 * snapToGamut uses it as a guard: its boundary points come from exact cube faces, so they are
 * in gamut up to ~1e-13 and this only matters if rounding ever disagrees with inGamut.
 */
export function shrinkChromaIntoGamut(
  L: number,
  a: number,
  b: number,
  steps = 60,
): [number, number] {
  if (inGamut(L, a, b)) return [a, b];
  let inside = 0;
  let outside = 1;
  for (let i = 0; i < steps; i++) {
    const mid = (inside + outside) / 2;
    if (inGamut(L, a * mid, b * mid)) inside = mid;
    else outside = mid;
  }
  return [a * inside, b * inside];
}
