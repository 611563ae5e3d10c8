import { describe, expect, it } from 'vitest';
import { DEFAULT_REFINE, type RefineParams, refineAb } from '../../src/colorizer/refine';
import { correctionRhs } from '../../src/colorizer/refine/cascade';
import { buildOperator } from '../../src/colorizer/refine/operator';
import { createPcgWork, solvePcg } from '../../src/colorizer/refine/pcg';
import { hintBlock, makeCase } from './refineCase';

/** A 96×64 photo: two lightness regions split by a vertical edge, three hints, smooth net ab. */
function photoCase() {
  const c = makeCase(96, 64, (x, y) => (x < 60 ? 40 : 75) + 0.1 * y);
  c.ab.forEach((_, i) => {
    c.ab[i] = 10 * Math.sin(i / 97);
  });
  hintBlock(c, 5, 5, 3, [40, -20]);
  hintBlock(c, 80, 50, 3, [-30, 35]);
  hintBlock(c, 30, 55, 2, [15, 15]);
  return c;
}

const single: RefineParams = { ...DEFAULT_REFINE, coarseLevels: 0, coarseIterations: undefined };
const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

const rmsDiff = (a: Float32Array, b: Float32Array) =>
  Math.sqrt(a.reduce((m, v, i) => m + (v - b[i]) ** 2, 0) / a.length);

describe('coarse-to-fine propagation (cascade)', () => {
  const c = photoCase();
  const exact = refineAb(c, { ...single, maxIterations: 5000, tolerance: 1e-9 }).ab;

  it('converges to the same solution as the single-grid solve', () => {
    const r = refineAb(c, {
      ...single,
      coarseLevels: 3,
      coarseIterations: 300,
      maxIterations: 5000,
      tolerance: 1e-9,
    });
    expect(r.solve?.relativeResidual).toBeLessThan(1e-9);
    expect(maxDiff(r.ab, exact)).toBeLessThan(1e-3);
  });

  it('gets much closer than the single grid on the same fine-grid budget', () => {
    const budget = { maxIterations: 30, tolerance: 1e-12 };
    const cold = refineAb(c, { ...single, ...budget }).ab;
    const warm = refineAb(c, { ...single, ...budget, coarseLevels: 3, coarseIterations: 60 }).ab;
    expect(maxDiff(warm, exact)).toBeLessThan(0.25 * maxDiff(cold, exact));
  });

  it('the shipped per-stroke setting (DEFAULT_REFINE) lands near the converged solution', () => {
    // Here: rms 1.8 ab units off, where a single grid on the same 30 fine steps is 22 off.
    expect(DEFAULT_REFINE.coarseLevels).toBeGreaterThan(0);
    const cold = refineAb(c, { ...single, maxIterations: DEFAULT_REFINE.maxIterations }).ab;
    expect(rmsDiff(refineAb(c).ab, exact)).toBeLessThan(0.15 * rmsDiff(cold, exact));
  });

  it('a warm start at the solution needs no iterations; a cold one does', () => {
    const op = buildOperator(c, single);
    const rhs = correctionRhs(c, single.beta, op.pad);
    const x = new Float64Array(rhs.length);
    const work = createPcgWork(op);
    const cold = solvePcg(op, rhs, x, work, 5000, 1e-8);
    expect(cold.iterations).toBeGreaterThan(10);
    const again = solvePcg(op, rhs, x, work, 5000, 1e-8, true);
    expect(again.iterations).toBe(0);
    expect(again.relativeResidual).toBeLessThan(1e-8);
  });

  it('names bad cascade settings', () => {
    expect(() => refineAb(c, { ...single, coarseLevels: -1 })).toThrow(
      'refine params.coarseLevels: expected an integer ≥ 0, got -1',
    );
    expect(() => refineAb(c, { ...single, coarseLevels: 2, coarseIterations: 2.5 })).toThrow(
      'refine params.coarseIterations: expected an integer ≥ 0, got 2.5',
    );
  });
});
