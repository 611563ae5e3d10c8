import { boxMean } from './boxFilter';
import { type AbRows, areaResample, bilinearAxis, collectRows } from './resample';

/**
 * Fast guided filter (He & Sun 2015, "Fast Guided Filter"): the linear coefficients
 * q = A·I + B are fitted at the network's resolution, where the ab prediction lives, against
 * the photo's L averaged down to that resolution; A and B are then upsampled bilinearly and
 * applied to the full-resolution L. Colour edges therefore snap to the photo's own edges
 * instead of being smeared over the ~16 full-res pixels one working pixel spans.
 */
export interface GuidedOptions {
  /** Window radius in working-resolution pixels. 2 → 5×5 window, small enough for detail. */
  radius?: number;
  /**
   * Regulariser on the guide variance, guide in [0,1] (L/100). 1e-3 ≈ an L std of 3:
   * flatter areas keep the plain (bilinear) prediction, real edges follow L.
   */
  eps?: number;
}

/** The photo's L at full resolution, normalised to [0,1] for the filter. */
const L_NORM = 1 / 100;
const DEFAULT_RADIUS = 2;
const DEFAULT_EPS = 1e-3;

/**
 * Upsample interleaved ab (abW×abH×2) to the size of `L` guided by it; returns interleaved
 * full-resolution ab.
 */
export function upsampleGuided(
  L: Float32Array,
  width: number,
  height: number,
  ab: Float32Array,
  abW: number,
  abH: number,
  opts: GuidedOptions = {},
): Float32Array {
  const coeffs = guidedCoefficients(guideAt(L, width, height, abW, abH), ab, abW, abH, opts);
  return collectRows(width, height, coefficientRows(L, width, height, coeffs, abW, abH));
}

/** The guide: the photo's L averaged down to the ab grid and normalised (depends on L only,
 * so a caller composing the same photo again may keep it). */
export function guideAt(
  L: Float32Array,
  width: number,
  height: number,
  abW: number,
  abH: number,
): Float32Array {
  const guide = areaResample(L, width, height, abW, abH);
  for (let i = 0; i < guide.length; i++) guide[i] *= L_NORM;
  return guide;
}

/** Planar low-res maps: A and B for channel a, then for channel b. */
export type Coefficients = [Float32Array, Float32Array, Float32Array, Float32Array];

export function guidedCoefficients(
  guide: Float32Array,
  ab: Float32Array,
  w: number,
  h: number,
  { radius = DEFAULT_RADIUS, eps = DEFAULT_EPS }: GuidedOptions = {},
): Coefficients {
  const n = w * h;
  const scratch = new Float32Array(n);
  const meanI = boxMean(guide, w, h, radius, undefined, scratch);
  const sq = new Float32Array(n);
  for (let i = 0; i < n; i++) sq[i] = guide[i] * guide[i];
  const meanII = boxMean(sq, w, h, radius, undefined, scratch);
  const out: Float32Array[] = [];
  const p = new Float32Array(n);
  const ip = new Float32Array(n);
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < n; i++) {
      p[i] = ab[2 * i + c];
      ip[i] = guide[i] * p[i];
    }
    const meanP = boxMean(p, w, h, radius, undefined, scratch);
    const meanIP = boxMean(ip, w, h, radius, undefined, scratch);
    const A = new Float32Array(n);
    const B = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const varI = meanII[i] - meanI[i] * meanI[i];
      const covIP = meanIP[i] - meanI[i] * meanP[i];
      A[i] = covIP / (Math.max(varI, 0) + eps);
      B[i] = meanP[i] - A[i] * meanI[i];
    }
    out.push(
      boxMean(A, w, h, radius, undefined, scratch),
      boxMean(B, w, h, radius, undefined, scratch),
    );
  }
  return out as Coefficients;
}

/**
 * q = A↑·I + B↑ per full-res pixel, A and B bilinearly upsampled: returns a function writing
 * row y's interleaved ab into `target` (2 × width floats), so a caller can consume the photo
 * row by row without holding its whole ab.
 */
export function coefficientRows(
  L: Float32Array,
  width: number,
  height: number,
  [Aa, Ba, Ab, Bb]: Coefficients,
  w: number,
  h: number,
): AbRows {
  const ax = bilinearAxis(w, width);
  const ay = bilinearAxis(h, height);
  // Vertically interpolated rows of the four maps.
  const rAa = new Float32Array(w);
  const rBa = new Float32Array(w);
  const rAb = new Float32Array(w);
  const rBb = new Float32Array(w);
  const { i0: xi0, i1: xi1, f: xf } = ax;
  return (y, out) => {
    const o0 = ay.i0[y] * w;
    const o1 = ay.i1[y] * w;
    const fy = ay.f[y];
    for (let j = 0; j < w; j++) {
      rAa[j] = Aa[o0 + j] + (Aa[o1 + j] - Aa[o0 + j]) * fy;
      rBa[j] = Ba[o0 + j] + (Ba[o1 + j] - Ba[o0 + j]) * fy;
      rAb[j] = Ab[o0 + j] + (Ab[o1 + j] - Ab[o0 + j]) * fy;
      rBb[j] = Bb[o0 + j] + (Bb[o1 + j] - Bb[o0 + j]) * fy;
    }
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const j0 = xi0[x];
      const j1 = xi1[x];
      const fx = xf[x];
      const I = L[row + x] * L_NORM;
      out[2 * x] = (rAa[j0] + (rAa[j1] - rAa[j0]) * fx) * I + rBa[j0] + (rBa[j1] - rBa[j0]) * fx;
      out[2 * x + 1] =
        (rAb[j0] + (rAb[j1] - rAb[j0]) * fx) * I + rBb[j0] + (rBb[j1] - rBb[j0]) * fx;
    }
  };
}
