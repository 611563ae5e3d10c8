import { bilinearRows } from '../compose/bilinear';
import { downsampleInput } from './downsampleInput';
import type { RefineInput } from './input';
import { DEFAULT_REFINE, type RefineParams } from './params';
import { refineAb } from './refineAb';

/**
 * Longest side the propagation is solved at. CG needs about one iteration per pixel of reach,
 * so its cost grows ~ pixels × side: at 256×192 the 200-step solve takes ~350 ms on a 2-core
 * CPU against ~50 ms at 128×96 (`npx tsx tools/tuning/tuneRefine.ts --tar SHARD.tar --time`).
 * Above this size the correction — a smooth, screened field — is solved on a box-averaged grid and upsampled;
 * hint colours are still written at full resolution by the composition.
 */
const REFINE_MAX_SIDE = 128;

/**
 * refineAb, solved at ≤ maxSide and its correction upsampled bilinearly when larger. Above the
 * cap the correction is added into `input.ab` itself, which is returned: both callers own that
 * array (the network's answer, a fresh full-resolution upsampling), and at 12 MP two more
 * 96-MB arrays cost ~0.7 s, most of it the first touch of fresh memory.
 */
export function refineCapped(
  input: RefineInput,
  params: RefineParams = DEFAULT_REFINE,
  maxSide = REFINE_MAX_SIDE,
): Float32Array {
  const { width, height } = input;
  const f = Math.ceil(Math.max(width, height) / maxSide);
  if (f <= 1) return refineAb(input, params).ab;
  const cw = Math.ceil(width / f);
  const ch = Math.ceil(height / f);
  const coarse = downsampleInput(input, f, cw, ch);
  const solved = refineAb(coarse, params).ab;
  if (solved === coarse.ab) return input.ab; // no hints: nothing to correct
  // The correction e = solved − coarse N is a smooth field: bring it up with the
  // composition's bilinear upsampling and add it to the full-size N.
  const e = new Float32Array(solved.length);
  for (let j = 0; j < e.length; j++) e[j] = solved[j] - coarse.ab[j];
  const correctionRow = bilinearRows(e, cw, ch, width, height);
  const row = new Float32Array(2 * width);
  const lim = input.abLimit;
  const ab = input.ab;
  for (let y = 0; y < height; y++) {
    correctionRow(y, row);
    const base = 2 * y * width;
    for (let i = 0; i < row.length; i++)
      ab[base + i] = Math.max(-lim, Math.min(lim, ab[base + i] + row[i]));
  }
  return ab;
}
