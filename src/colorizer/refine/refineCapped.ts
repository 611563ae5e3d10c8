import { upsampleBilinear } from '../compose/bilinear';
import { DEFAULT_REFINE, type RefineParams } from './params';
import { type RefineInput, refineAb } from './refineAb';

/**
 * Longest side the propagation is solved at. CG needs about one iteration per pixel of reach,
 * so its cost grows ~ pixels × side: at 256×192 the 200-step solve takes ~350 ms on a 2-core
 * CPU against ~50 ms at 128×96 (`npx tsx src/cli/bench/tuneRefine.ts --time`). Above this size
 * the correction — a smooth, screened field — is solved on a box-averaged grid and upsampled;
 * hint colours are still written at full resolution by the composition.
 */
export const REFINE_MAX_SIDE = 128;

/** refineAb, solved at ≤ maxSide and its correction upsampled bilinearly when larger. */
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
  const coarse = downsample(input, f, cw, ch);
  const solved = refineAb(coarse, params).ab;
  if (solved === coarse.ab) return input.ab; // no hints: nothing to correct
  // The correction e = solved − coarse N is a smooth field: bring it up with the
  // composition's bilinear upsampling and add it to the full-size N.
  const e = new Float32Array(solved.length);
  for (let j = 0; j < e.length; j++) e[j] = solved[j] - coarse.ab[j];
  const up = upsampleBilinear(e, cw, ch, width, height);
  const lim = input.abLimit;
  const out = new Float32Array(input.ab.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(-lim, Math.min(lim, input.ab[i] + up[i]));
  return out;
}

/** Box-average N and L over f×f blocks; a block is hinted if any pixel is (mean of their ab). */
function downsample(input: RefineInput, f: number, cw: number, ch: number): RefineInput {
  const { width, height, ab, hints, l } = input;
  const n = cw * ch;
  const cab = new Float32Array(2 * n);
  const cl = new Float32Array(n);
  const hab = new Float32Array(2 * n);
  const mask = new Uint8Array(n);
  const count = new Float32Array(n);
  const hcount = new Float32Array(n);
  for (let y = 0; y < height; y++) {
    const cy = Math.floor(y / f);
    for (let x = 0; x < width; x++) {
      const j = cy * cw + Math.floor(x / f);
      const i = y * width + x;
      count[j]++;
      cl[j] += l[i];
      cab[2 * j] += ab[2 * i];
      cab[2 * j + 1] += ab[2 * i + 1];
      if (hints.mask[i] !== 0) {
        hcount[j]++;
        hab[2 * j] += hints.ab[2 * i];
        hab[2 * j + 1] += hints.ab[2 * i + 1];
      }
    }
  }
  for (let j = 0; j < n; j++) {
    cl[j] /= count[j];
    cab[2 * j] /= count[j];
    cab[2 * j + 1] /= count[j];
    if (hcount[j] > 0) {
      mask[j] = 1;
      hab[2 * j] /= hcount[j];
      hab[2 * j + 1] /= hcount[j];
    }
  }
  return { ...input, width: cw, height: ch, ab: cab, l: cl, hints: { ab: hab, mask } };
}
