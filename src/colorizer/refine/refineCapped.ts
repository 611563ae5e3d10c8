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
  const out = new Float32Array(input.ab.length);
  const lim = input.abLimit;
  for (let y = 0; y < height; y++) {
    const v = Math.min(ch - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(v);
    const y1 = Math.min(ch - 1, y0 + 1);
    const fy = v - y0;
    for (let x = 0; x < width; x++) {
      const u = Math.min(cw - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(u);
      const x1 = Math.min(cw - 1, x0 + 1);
      const fx = u - x0;
      const i = 2 * (y * width + x);
      for (let c = 0; c < 2; c++) {
        const at = (yy: number, xx: number) => {
          const j = 2 * (yy * cw + xx) + c;
          return solved[j] - coarse.ab[j]; // the coarse correction e
        };
        const e =
          (at(y0, x0) * (1 - fx) + at(y0, x1) * fx) * (1 - fy) +
          (at(y1, x0) * (1 - fx) + at(y1, x1) * fx) * fy;
        out[i + c] = Math.max(-lim, Math.min(lim, input.ab[i + c] + e));
      }
    }
  }
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
