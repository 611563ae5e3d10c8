/**
 * Jacobi-preconditioned conjugate gradient for the screened, edge-aware Poisson system
 *   A e = rhs,  A = L_w + μI + βM
 * on a 4-neighbour pixel grid (L_w: graph Laplacian with weights to the right and down
 * neighbour of each pixel). A is symmetric positive definite for μ > 0, so CG converges.
 *
 * Layout, chosen for speed (this runs on every stroke): both ab channels are solved as one
 * block-diagonal system with interleaved vectors (one weight load serves two values), and every
 * per-pixel array has `pad` = width + 1 zero entries before and after the image, so the
 * matrix-vector product needs no border branches (weights across the border are 0).
 */
import { type F64Alloc, freshF64 } from './scratch';

/** The grid operator; arrays are per pixel, padded (index = pad + row·width + column). */
export interface GridOperator {
  width: number;
  height: number;
  pad: number;
  /** w between a pixel and its right neighbour (0 in the last column and in the padding). */
  right: Float64Array;
  /** w between a pixel and the one below (0 in the last row and in the padding). */
  down: Float64Array;
  /** Σ_s w_rs + μ + β·M_r: the diagonal of A. */
  diag: Float64Array;
  /** 1 / diag: the Jacobi preconditioner (a multiply per value instead of a divide). */
  invDiag: Float64Array;
}

/** Interleaved two-channel vectors of length 2·(n + 2·pad); reused so iterations never allocate. */
export interface PcgWork {
  r: Float64Array;
  z: Float64Array;
  p: Float64Array;
  ap: Float64Array;
}

export interface PcgResult {
  iterations: number;
  /** ‖rhs − A x‖ / ‖rhs‖ at exit (0 when rhs = 0). */
  relativeResidual: number;
}

export function paddedLength(width: number, height: number): number {
  return width * height + 2 * (width + 1);
}

export function createPcgWork(op: GridOperator, alloc: F64Alloc = freshF64): PcgWork {
  const len = 2 * paddedLength(op.width, op.height);
  return { r: alloc('r', len), z: alloc('z', len), p: alloc('p', len), ap: alloc('ap', len) };
}

/**
 * The CG direction update fused with the matrix-vector product (one pass instead of two):
 * p ← z + β·p and A p ← A z + β·A p (A is linear), returning p·(A p). Reads z at the
 * neighbours, writes p and ap only at the centre, so in-place is safe. Padding stays 0.
 */
function updateDirection(
  op: GridOperator,
  z: Float64Array,
  p: Float64Array,
  ap: Float64Array,
  beta: number,
): number {
  const { width, pad, right, down, diag } = op;
  const end = pad + width * op.height;
  let pAp = 0;
  for (let i = pad; i < end; i++) {
    const wl = right[i - 1];
    const wr = right[i];
    const wu = down[i - width];
    const wd = down[i];
    const d = diag[i];
    const c = 2 * i;
    const l = c - 2;
    const r = c + 2;
    const u = c - 2 * width;
    const b = c + 2 * width;
    const z0 = z[c];
    const z1 = z[c + 1];
    const az0 = d * z0 - wl * z[l] - wr * z[r] - wu * z[u] - wd * z[b];
    const az1 = d * z1 - wl * z[l + 1] - wr * z[r + 1] - wu * z[u + 1] - wd * z[b + 1];
    const p0 = z0 + beta * p[c];
    const p1 = z1 + beta * p[c + 1];
    const ap0 = az0 + beta * ap[c];
    const ap1 = az1 + beta * ap[c + 1];
    p[c] = p0;
    p[c + 1] = p1;
    ap[c] = ap0;
    ap[c + 1] = ap1;
    pAp += p0 * ap0 + p1 * ap1;
  }
  return pAp;
}

/**
 * Solves A x = rhs (both channels, interleaved, padded); x is overwritten. Starts from x = 0,
 * or from the x passed in when `warmStart` is set (its padding must be 0): a good start — a
 * coarse grid's solution, ./cascade.ts — saves most of the iterations. Stops when
 * ‖residual‖ ≤ tolerance·‖rhs‖ or after `maxIterations`: a truncated solve is still a smooth
 * approximation, and the cap keeps the cost bounded on every stroke.
 */
export function solvePcg(
  op: GridOperator,
  rhs: Float64Array,
  x: Float64Array,
  work: PcgWork,
  maxIterations: number,
  tolerance: number,
  warmStart = false,
): PcgResult {
  const { r, z, p, ap } = work;
  const { invDiag, pad } = op;
  const start = 2 * pad;
  const end = 2 * (pad + op.width * op.height);
  // Padding of z must be 0 for the branch-free stencil; p, ap start at 0 so β = 0 below gives
  // p = z, A p = A z.
  z.fill(0);
  p.fill(0);
  ap.fill(0);
  if (warmStart) {
    updateDirection(op, x, p, ap, 0); // ap = A x (p gets a copy of x; both reset below)
  } else {
    x.fill(0);
  }
  let rhsNorm2 = 0;
  let rr = 0;
  let rz = 0;
  for (let c = start; c < end; c++) {
    const ri = rhs[c] - ap[c];
    const zi = ri * invDiag[c >> 1];
    r[c] = ri;
    z[c] = zi;
    rhsNorm2 += rhs[c] * rhs[c];
    rr += ri * ri;
    rz += ri * zi;
  }
  if (rhsNorm2 === 0) {
    x.fill(0);
    return { iterations: 0, relativeResidual: 0 };
  }
  const stop2 = tolerance * tolerance * rhsNorm2;
  if (rr <= stop2) return { iterations: 0, relativeResidual: Math.sqrt(rr / rhsNorm2) };
  if (warmStart) {
    p.fill(0);
    ap.fill(0);
  }
  let pAp = updateDirection(op, z, p, ap, 0);
  let k = 0;
  while (k < maxIterations && rr > stop2) {
    const alpha = rz / pAp;
    rr = 0;
    let rzNext = 0;
    for (let c = start; c < end; c++) {
      x[c] += alpha * p[c];
      const ri = r[c] - alpha * ap[c];
      const zi = ri * invDiag[c >> 1];
      r[c] = ri;
      z[c] = zi;
      rr += ri * ri;
      rzNext += ri * zi;
    }
    k++;
    if (k === maxIterations || rr <= stop2) break;
    pAp = updateDirection(op, z, p, ap, rzNext / rz);
    rz = rzNext;
  }
  return { iterations: k, relativeResidual: Math.sqrt(rr / rhsNorm2) };
}
