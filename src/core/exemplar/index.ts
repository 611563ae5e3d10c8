/**
 * Exemplar-based hints: a colour reference photo → point hints on the grey target where a
 * region of the reference resembles it (matched without colour), plus a palette of the matched
 * colours. The result is ordinary session content the user can inspect, move and delete.
 */
import type { GreyImage } from '../image';
import { referenceColourProblem, referenceSizeProblem } from './checks';
import { fitFrameMap } from './frame';
import { MATCH_PARAMS, type MatchParams, matchCells } from './match';
import { type LabPlanes, reduceGrey, reduceLab, reduceRgba } from './reduce';
import {
  chooseMatches,
  matchedPalette,
  TRANSFER_PARAMS,
  type TransferParams,
  toPointHints,
} from './transfer';
import type { ColourPhoto, ReferenceTransfer } from './types';

/** Why a reference lent no colour: its matches agree on no one placement of the photo in it. */
export const NOT_THE_SAME_SCENE = 'no part of it lines up with this photo as the same scene';

export { MAX_REFERENCE_PIXELS, MIN_REFERENCE_SIDE, referenceSizeProblem } from './checks';
export { referencePointCount, withoutReference, withReference } from './session';
export type { ColourPhoto, ReferenceTransfer } from './types';

/** The target's working long side: the network's, so regions are seen at the same scale. */
export const MATCH_SIZE = 128;
/**
 * The reference is matched at these long sides (× MATCH_SIZE): a reference framed wider or
 * tighter than the target shows the same things 0.8–1.25× as large.
 */
export const REFERENCE_SCALES = [0.75, 1, 1.3];

/** Why a photo cannot be a reference: the message is one line, for "<file>: <message>". */
export class ReferenceProblem extends Error {
  override readonly name = 'ReferenceProblem';
}

export interface TransferOptions {
  /** Size of the photo the hints are for, when `target` is a reduced copy of it. */
  source?: { width: number; height: number };
  match?: Partial<MatchParams>;
  transfer?: Partial<TransferParams>;
}

/** Reduces the reference once to its largest matching size (what a worker may send along). */
export function reduceReference(photo: ColourPhoto): LabPlanes {
  const size = referenceSizeProblem(photo.width, photo.height);
  if (size) throw new ReferenceProblem(size);
  const longSide = Math.round(MATCH_SIZE * Math.max(...REFERENCE_SCALES));
  const reduced = reduceRgba(photo.rgba, photo.width, photo.height, longSide);
  const colour = referenceColourProblem(reduced);
  if (colour) throw new ReferenceProblem(colour);
  return reduced;
}

/** Matches the reference against the grey target and turns the confident matches into hints. */
export function transferFromReference(
  target: GreyImage,
  reference: ColourPhoto,
  options: TransferOptions = {},
): ReferenceTransfer {
  const reduced = reduceReference(reference);
  const scales = REFERENCE_SCALES.map((s) => reduceLab(reduced, Math.round(MATCH_SIZE * s)));
  const working = reduceGrey(target, MATCH_SIZE);
  const transfer = { ...TRANSFER_PARAMS, ...options.transfer };
  const matches = matchCells(working, scales, { ...MATCH_PARAMS, ...options.match });
  const usable = matches.filter((m) => m.confidence >= transfer.paletteConfidence);
  const long = Math.max(working.width, working.height);
  const map = fitFrameMap(
    usable.map((m) => ({ x: m.x / long, y: m.y / long, rx: m.rx, ry: m.ry })),
  );
  const consistent = map ? usable.filter((_, k) => map.inliers[k]) : [];
  const shares = {
    matchedShare: matches.length ? usable.length / matches.length : 0,
    consistentShare: matches.length ? consistent.length / matches.length : 0,
  };
  if (shares.consistentShare < transfer.minConsistentShare) {
    return { hints: [], palette: null, ...shares };
  }
  // Points only where the one map agrees: a match elsewhere is a look-alike even in this scene.
  const chosen = chooseMatches(consistent, long, transfer);
  return {
    hints: toPointHints(chosen, working, options.source ?? target, transfer),
    palette: matchedPalette(matches, transfer),
    ...shares,
  };
}
