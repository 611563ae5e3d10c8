/**
 * Region correspondence between a grey target and a colour reference by colour-free features
 * (features.ts). Every target cell gets the reference cell nearest in feature space, and a
 * confidence made of three parts:
 * - resemblance: how near that best cell is in absolute terms, so a reference with nothing like
 *   the target region matches nothing;
 * - distinctness: a ratio test against the best cell of a *different colour* (Lowe's test, made
 *   colour-aware): where a red and a green region look alike in grey, the match says nothing
 *   about colour and is dropped, while a sky that resembles many other bits of the same sky is
 *   still a confident match;
 * - purity: the reference cell's own colour is uniform, so its median is a colour that exists.
 */
import type { GreyImage } from '../image';
import { CELL, type CellGrid, cellGrid, FEATURES } from './features';

/** Index of the height-in-frame feature (the last one). */
const HEIGHT = FEATURES - 1;

import type { LabPlanes } from './reduce';

export interface MatchParams {
  /** Feature distance at which resemblance falls to 1/e. */
  distanceScale: number;
  /** Best distances beyond this are no match at all. */
  maxDistance: number;
  /** Colours further apart than this (ΔE in ab) count as different for the ratio test. */
  colourApart: number;
  /** 1 − best/second below this margin scales distinctness down linearly to 0. */
  ratioMargin: number;
  /** Height in the frame: a whole frame apart costs this many feature units (a weak prior). */
  heightWeight: number;
  /** ab spread (mean |ab − median|) at which purity halves. */
  spreadScale: number;
}

export const MATCH_PARAMS: MatchParams = {
  distanceScale: 0.3,
  maxDistance: 1,
  colourApart: 14,
  ratioMargin: 0.25,
  spreadScale: 8,
  heightWeight: 0.3,
};

/** One target cell's answer. */
export interface CellMatch {
  /** Cell centre in the target's working pixels. */
  x: number;
  y: number;
  /** Colour of the matched reference region (median ab, consensus of near-ties). */
  ab: [number, number];
  /** In [0, 1]; 0 means no usable match. */
  confidence: number;
  /** Feature distance to the best reference cell. */
  distance: number;
  /** Target window's L* standard deviation (flat regions carry a point hint best). */
  flatness: number;
  /** Where the best reference cell is, as a fraction of its reference's long side. */
  rx: number;
  ry: number;
}

interface ReferenceCells {
  grid: CellGrid;
  /** Median a, b per cell, interleaved. */
  ab: Float32Array;
  /** Mean distance of the window's ab from its median. */
  spread: Float32Array;
  /** 1 / its reference's long side, per cell: pooled scales share one frame. */
  unit: Float32Array;
}

function median(values: Float64Array, n: number): number {
  const v = values.subarray(0, n).sort();
  return n % 2 ? v[(n - 1) >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/** Cells of one reduced reference, with each window's median colour and its spread. */
export function referenceCells(image: LabPlanes): ReferenceCells {
  const { width: w, height: h } = image;
  const grid = cellGrid(image.L, w, h);
  const ab = new Float32Array(grid.count * 2);
  const spread = new Float32Array(grid.count);
  const as = new Float64Array(CELL * CELL);
  const bs = new Float64Array(CELL * CELL);
  for (let c = 0; c < grid.count; c++) {
    const x0 = Math.max(0, Math.round(grid.centres[2 * c] - CELL / 2));
    const y0 = Math.max(0, Math.round(grid.centres[2 * c + 1] - CELL / 2));
    let n = 0;
    for (let i = y0; i < Math.min(h, y0 + CELL); i++) {
      for (let j = x0; j < Math.min(w, x0 + CELL); j++) {
        as[n] = image.a[i * w + j];
        bs[n] = image.b[i * w + j];
        n++;
      }
    }
    const ma = median(as.slice(0, n), n);
    const mb = median(bs.slice(0, n), n);
    let s = 0;
    for (let k = 0; k < n; k++) s += Math.hypot(as[k] - ma, bs[k] - mb);
    ab[2 * c] = ma;
    ab[2 * c + 1] = mb;
    spread[c] = s / n;
  }
  return { grid, ab, spread, unit: new Float32Array(grid.count).fill(1 / Math.max(w, h)) };
}

/** Concatenates the cells of the reference at several scales into one candidate set. */
function pool(parts: ReferenceCells[]): ReferenceCells {
  const count = parts.reduce((s, p) => s + p.grid.count, 0);
  const out: ReferenceCells = {
    grid: {
      count,
      centres: new Float32Array(count * 2),
      features: new Float32Array(count * FEATURES),
    },
    ab: new Float32Array(count * 2),
    spread: new Float32Array(count),
    unit: new Float32Array(count),
  };
  let at = 0;
  for (const p of parts) {
    out.grid.centres.set(p.grid.centres, at * 2);
    out.grid.features.set(p.grid.features, at * FEATURES);
    out.ab.set(p.ab, at * 2);
    out.spread.set(p.spread, at);
    out.unit.set(p.unit, at);
    at += p.grid.count;
  }
  return out;
}

/** Matches every cell of the reduced target against the reference's cells at every scale. */
export function matchCells(
  target: GreyImage,
  references: LabPlanes[],
  params: MatchParams = MATCH_PARAMS,
): CellMatch[] {
  const t = cellGrid(target.L, target.width, target.height);
  const r = pool(references.map(referenceCells));
  const distances = new Float64Array(r.grid.count);
  const matches: CellMatch[] = [];
  const apart2 = params.colourApart ** 2;
  for (let c = 0; c < t.count; c++) {
    const f = c * FEATURES;
    let best = -1;
    let d1 = Number.POSITIVE_INFINITY;
    for (let k = 0; k < r.grid.count; k++) {
      const g = k * FEATURES;
      const dy = (t.features[f + HEIGHT] - r.grid.features[g + HEIGHT]) * params.heightWeight;
      let d = dy * dy;
      for (let q = 0; q < HEIGHT; q++) {
        const e = t.features[f + q] - r.grid.features[g + q];
        d += e * e;
      }
      distances[k] = d;
      if (d < d1) {
        d1 = d;
        best = k;
      }
    }
    const a1 = r.ab[2 * best];
    const b1 = r.ab[2 * best + 1];
    // Second best among cells of another colour; near-ties of the same colour vote on it.
    let d2 = Number.POSITIVE_INFINITY;
    let sumA = 0;
    let sumB = 0;
    let votes = 0;
    const tie = d1 * 1.44 + 1e-9; // within 1.2× the best distance
    for (let k = 0; k < r.grid.count; k++) {
      const da = r.ab[2 * k] - a1;
      const db = r.ab[2 * k + 1] - b1;
      if (da * da + db * db > apart2) {
        if (distances[k] < d2) d2 = distances[k];
      } else if (distances[k] <= tie) {
        sumA += r.ab[2 * k];
        sumB += r.ab[2 * k + 1];
        votes++;
      }
    }
    const best1 = Math.sqrt(d1);
    const resemblance =
      best1 > params.maxDistance ? 0 : Math.exp(-((best1 / params.distanceScale) ** 2));
    const ratio = Number.isFinite(d2) ? best1 / Math.sqrt(d2) : 0;
    const distinct = Math.min(1, Math.max(0, (1 - ratio) / params.ratioMargin));
    const purity = 1 / (1 + r.spread[best] / params.spreadScale);
    matches.push({
      x: t.centres[2 * c],
      y: t.centres[2 * c + 1],
      ab: [sumA / votes, sumB / votes],
      confidence: resemblance * distinct * purity,
      distance: best1,
      flatness: t.features[f + 1],
      rx: r.grid.centres[2 * best] * r.unit[best],
      ry: r.grid.centres[2 * best + 1] * r.unit[best],
    });
  }
  return matches;
}
