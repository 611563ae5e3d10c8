import { bilinearAxis } from '../compose/resample';
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
  addUpsampled(input.ab, width, height, e, cw, ch, input.abLimit);
  return input.ab;
}

/** target += bilinear upsampling of e (ew×eh, interleaved ab), clamped to ±lim, row by row. */
function addUpsampled(
  target: Float32Array,
  width: number,
  height: number,
  e: Float32Array,
  ew: number,
  eh: number,
  lim: number,
): void {
  const ax = bilinearAxis(ew, width);
  const ay = bilinearAxis(eh, height);
  const row = new Float32Array(ew * 2);
  for (let y = 0; y < height; y++) {
    const o0 = ay.i0[y] * ew * 2;
    const o1 = ay.i1[y] * ew * 2;
    const fy = ay.f[y];
    for (let j = 0; j < ew * 2; j++) row[j] = e[o0 + j] + (e[o1 + j] - e[o0 + j]) * fy;
    const base = y * width * 2;
    for (let x = 0; x < width; x++) {
      const j0 = 2 * ax.i0[x];
      const j1 = 2 * ax.i1[x];
      const fx = ax.f[x];
      const i = base + 2 * x;
      // fround: the correction rounded to float32 as the stored upsampling was, so results match it.
      const da = Math.fround(row[j0] + (row[j1] - row[j0]) * fx);
      const db = Math.fround(row[j0 + 1] + (row[j1 + 1] - row[j0 + 1]) * fx);
      target[i] = Math.max(-lim, Math.min(lim, target[i] + da));
      target[i + 1] = Math.max(-lim, Math.min(lim, target[i + 1] + db));
    }
  }
}
