/**
 * Confident region matches → ordinary point hints and a palette. Few, confident and spread out:
 * the propagation carries each hint along its region, so a second hint in the same region adds
 * little and a wrong one costs a lot.
 */

import { inGamut } from '../color/gamut';
import { kmeansAb } from '../color/kmeansAb';
import { relightAb } from '../color/relight';
import type { GreyImage } from '../image';
import type { PaletteEntry, PointHint } from '../session/types';
import type { CellMatch } from './match';

export interface TransferParams {
  /** Matches below this confidence place no hint. */
  minConfidence: number;
  /** At most this many hints. */
  maxHints: number;
  /** Hints at least this far apart, as a fraction of the working long side. */
  spacing: number;
  /** Placement prefers flat windows: score = confidence / (1 + flatness × this). */
  flatPreference: number;
  /**
   * No hints and no palette unless at least this share of the target's cells matched at
   * paletteConfidence *and* agree on one frame map (frame.ts): two photos of one place do,
   * while a look-alike of another scene lends its colours to regions that only resemble.
   */
  minConsistentShare: number;
  /** Matches at or above this confidence feed the palette. */
  paletteConfidence: number;
  /** No palette unless at least this share of the target's cells matched. */
  paletteCoverage: number;
  /** Point side as a fraction of the target's long side (the evaluation's 6 px at 256). */
  pointSize: number;
}

export const TRANSFER_PARAMS: TransferParams = {
  minConfidence: 0.5,
  maxHints: 40,
  spacing: 0.07,
  flatPreference: 1,
  minConsistentShare: 0.05,
  paletteConfidence: 0.15,
  paletteCoverage: 0.25,
  pointSize: 6 / 256,
};

const PALETTE_SIZE = 12;

/** Picks the hints greedily by placement score, keeping them `spacing` apart. */
export function chooseMatches(
  matches: CellMatch[],
  workingLongSide: number,
  params: TransferParams = TRANSFER_PARAMS,
): CellMatch[] {
  const minGap2 = (params.spacing * workingLongSide) ** 2;
  const ranked = matches
    .filter((m) => m.confidence >= params.minConfidence)
    .map((m) => ({ m, score: m.confidence / (1 + m.flatness * params.flatPreference) }))
    .sort((p, q) => q.score - p.score || p.m.y - q.m.y || p.m.x - q.m.x);
  const chosen: CellMatch[] = [];
  for (const { m } of ranked) {
    if (chosen.length >= params.maxHints) break;
    if (chosen.every((c) => (c.x - m.x) ** 2 + (c.y - m.y) ** 2 >= minGap2)) chosen.push(m);
  }
  return chosen;
}

/**
 * Point hints in the target's source pixels: each carries its match's colour at the target's
 * own lightness there (relightAb: the hue kept, chroma reduced until displayable).
 */
export function toPointHints(
  chosen: CellMatch[],
  working: GreyImage,
  source: { width: number; height: number },
  params: TransferParams = TRANSFER_PARAMS,
): PointHint[] {
  const sx = source.width / working.width;
  const sy = source.height / working.height;
  const size = Math.max(1, Math.round(params.pointSize * Math.max(source.width, source.height)));
  return chosen.map((m) => {
    const i = Math.min(working.height - 1, Math.floor(m.y));
    const j = Math.min(working.width - 1, Math.floor(m.x));
    const L = Math.min(100, Math.max(0, working.L[i * working.width + j]));
    const [a, b] = relightAb(L, m.ab[0], m.ab[1]);
    return {
      kind: 'point',
      x: Math.round(m.x * sx),
      y: Math.round(m.y * sy),
      size,
      ab: roundedInGamut(L, a, b),
      from: 'reference',
    };
  });
}

/**
 * ab to 0.1 (as sessions store it) and still displayable at L: relightAb's colour lies on the
 * gamut's edge, where rounding may step outside, so the chroma gives way by 0.1 steps.
 */
function roundedInGamut(L: number, a: number, b: number): [number, number] {
  const chroma = Math.hypot(a, b);
  for (let c = chroma; c > 0; c -= 0.1) {
    const rounded: [number, number] = [
      Math.round((a * c * 10) / chroma) / 10,
      Math.round((b * c * 10) / chroma) / 10,
    ];
    if (inGamut(L, rounded[0], rounded[1])) return rounded;
  }
  return [0, 0];
}

/**
 * The colours the target would get from the matched parts of the reference, as a palette
 * histogram over the target's area; null when too little of the target matched to say.
 */
export function matchedPalette(
  matches: CellMatch[],
  params: TransferParams = TRANSFER_PARAMS,
): PaletteEntry[] | null {
  const used = matches.filter((m) => m.confidence >= params.paletteConfidence);
  if (used.length === 0 || used.length < params.paletteCoverage * matches.length) return null;
  const ab = new Float32Array(used.length * 2);
  used.forEach((m, k) => {
    ab[2 * k] = m.ab[0];
    ab[2 * k + 1] = m.ab[1];
  });
  return kmeansAb(ab, Math.min(PALETTE_SIZE, used.length)).map((c) => ({
    ab: [Math.round(c.ab[0] * 10) / 10, Math.round(c.ab[1] * 10) / 10],
    weight: Math.round(c.weight * 1000) / 1000,
  }));
}
