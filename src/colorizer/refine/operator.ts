import type { RefineInput } from './input';
import type { RefineParams } from './params';
import { type GridOperator, paddedLength } from './pcg';
import { type F64Alloc, freshF64 } from './scratch';

/** Edge weights from L and the diagonal L_w + μ + βM (shared by both channels). */
export function buildOperator(
  input: RefineInput,
  params: RefineParams,
  alloc: F64Alloc = freshF64,
): GridOperator {
  const { width, height, l, lScale, hints } = input;
  const pad = width + 1;
  const len = paddedLength(width, height);
  const right = alloc('right', len);
  const down = alloc('down', len);
  const diag = alloc('diag', len).fill(1); // padding: 1 keeps the Jacobi division finite
  // Differences of `l` are in units of L*/lScale, so scale σ the same way.
  const s = params.sigma / lScale;
  const inv2s2 = 1 / (2 * s * s);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const q = pad + i;
      let sum = params.mu + (hints.mask[i] !== 0 ? params.beta : 0);
      if (x < width - 1) {
        const d = l[i] - l[i + 1];
        right[q] = Math.exp(-d * d * inv2s2);
      }
      if (y < height - 1) {
        const d = l[i] - l[i + width];
        down[q] = Math.exp(-d * d * inv2s2);
      }
      sum += right[q] + right[q - 1] + down[q] + down[q - width];
      diag[q] = sum;
    }
  }
  const invDiag = alloc('invDiag', len);
  for (let q = 0; q < len; q++) invDiag[q] = 1 / diag[q];
  return { width, height, pad, right, down, diag, invDiag };
}
