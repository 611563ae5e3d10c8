import { describe, expect, it } from 'vitest';
import { DEFAULT_REFINE, type RefineParams, refineAb } from '../../src/colorizer/refine';
import { hintBlock, makeCase } from './refineCase';

const aAt = (ab: Float32Array, width: number, x: number, y: number) => ab[2 * (y * width + x)];
const params = (p: Partial<RefineParams>): RefineParams => ({ ...DEFAULT_REFINE, ...p });

describe('refineAb', () => {
  it('returns the input unchanged when there are no hints', () => {
    const c = makeCase(20, 12, (x, y) => 30 + x + y);
    c.ab.forEach((_, i) => {
      c.ab[i] = Math.sin(i) * 50;
    });
    const before = Float32Array.from(c.ab);
    const r = refineAb(c);
    expect(r.ab).toBe(c.ab);
    expect(r.ab).toEqual(before);
    expect(r.solve).toBeNull();
  });

  it('spreads a hint in a flat region, decaying with distance, both channels', () => {
    const c = makeCase(41, 41, () => 50);
    hintBlock(c, 19, 19, 3, [40, -20]);
    const { ab } = refineAb(c, params({ mu: 0.02, maxIterations: 500, tolerance: 1e-8 }));
    const along = [3, 6, 12, 19].map((d) => aAt(ab, 41, 20 + d, 20));
    for (const v of along) expect(v).toBeGreaterThan(0);
    for (let k = 1; k < along.length; k++) expect(along[k]).toBeLessThan(along[k - 1]);
    expect(along[0]).toBeGreaterThan(5); // near the hint: a clear pull toward it
    expect(ab[2 * (20 * 41 + 23) + 1]).toBeLessThan(0); // b* follows the hint's sign
    // Screened: symmetric about the hint, and far pixels keep much less than near ones.
    expect(aAt(ab, 41, 17, 20)).toBeCloseTo(along[0], 3);
    expect(along[3]).toBeLessThan(along[0] / 3);
  });

  it('stops the spread at a strong lightness edge', () => {
    // Dark left half (L* 25), light right half (L* 80); hint on the dark side next to the edge.
    const c = makeCase(40, 20, (x) => (x < 20 ? 25 : 80));
    hintBlock(c, 15, 9, 2, [30, 30]);
    const { ab } = refineAb(c, params({ maxIterations: 500, tolerance: 1e-8 }));
    const sameSide = aAt(ab, 40, 12, 10); // 3 columns left of the hint
    const across = aAt(ab, 40, 19 + 1, 10); // 4 columns right, just across the edge
    const sameSideAtFour = aAt(ab, 40, 11, 10);
    expect(sameSide).toBeGreaterThan(5);
    expect(across).toBeLessThan(0.05 * sameSideAtFour);
  });

  it('brings hinted pixels close to the hint colour', () => {
    const c = makeCase(32, 32, (x, y) => 40 + 10 * Math.sin(x / 3) * Math.cos(y / 4));
    c.ab.fill(5);
    hintBlock(c, 5, 5, 3, [60, -40]);
    hintBlock(c, 22, 20, 3, [-30, 50]);
    const { ab } = refineAb(c, params({ beta: 100, maxIterations: 500, tolerance: 1e-8 }));
    for (let i = 0; i < c.hints.mask.length; i++) {
      if (!c.hints.mask[i]) continue;
      for (const ch of [0, 1]) {
        const miss = Math.abs(c.hints.ab[2 * i + ch] - 5);
        expect(Math.abs(ab[2 * i + ch] - c.hints.ab[2 * i + ch])).toBeLessThan(0.05 * miss);
      }
    }
  });

  it('converges: the output satisfies the optimality condition on a random case', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const w = 23;
    const h = 17;
    const c = makeCase(w, h, () => 100 * rand());
    c.ab.forEach((_, i) => {
      c.ab[i] = 40 * rand() - 20;
    });
    for (let i = 0; i < w * h; i++) {
      if (rand() < 0.1) {
        c.hints.mask[i] = 1;
        c.hints.ab[2 * i] = 60 * rand() - 30;
        c.hints.ab[2 * i + 1] = 60 * rand() - 30;
      }
    }
    const p = params({ sigma: 20, mu: 0.01, beta: 3, maxIterations: 1000, tolerance: 1e-7 });
    const { ab, solve } = refineAb(c, p);
    expect(solve?.relativeResidual).toBeLessThan(1e-7);
    expect(solve?.iterations).toBeGreaterThan(1);
    // Gradient of the energy, written out directly (independent of the solver's layout).
    const wt = (i: number, j: number) => Math.exp(-((c.l[i] - c.l[j]) ** 2) / (2 * p.sigma ** 2));
    for (const ch of [0, 1]) {
      const e = (i: number) => ab[2 * i + ch] - c.ab[2 * i + ch];
      let g2 = 0;
      let b2 = 0;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          let g = p.mu * e(i);
          for (const [dx, dy] of [
            [1, 0],
            [-1, 0],
            [0, 1],
            [0, -1],
          ]) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < w && yy < h)
              g += wt(i, yy * w + xx) * (e(i) - e(yy * w + xx));
          }
          if (c.hints.mask[i]) {
            const r = c.hints.ab[2 * i + ch] - c.ab[2 * i + ch];
            g += p.beta * (e(i) - r);
            b2 += (p.beta * r) ** 2;
          }
          g2 += g * g;
        }
      }
      // Float32 output rounding bounds how small this can get.
      expect(Math.sqrt(g2 / b2)).toBeLessThan(1e-5);
    }
  });

  it('clamps the output to ±abLimit', () => {
    const c = makeCase(10, 10, () => 50);
    c.ab.fill(108);
    hintBlock(c, 3, 3, 4, [127, -127]);
    const { ab } = refineAb(c, params({ beta: 1000 }));
    expect(Math.max(...ab)).toBe(110);
    expect(Math.min(...ab)).toBeGreaterThanOrEqual(-110);
  });

  it('names bad sizes and parameters', () => {
    const c = makeCase(8, 8, () => 50);
    hintBlock(c, 1, 1, 2, [10, 10]);
    expect(() => refineAb({ ...c, l: new Float32Array(5) })).toThrow(
      'refineAb: l has 5 values, a 8×8 image needs 64',
    );
    expect(() => refineAb(c, params({ mu: 0 }))).toThrow(
      'refine params.mu: expected a finite number > 0, got 0',
    );
    expect(() => refineAb(c, params({ maxIterations: 1.5 }))).toThrow(
      /maxIterations: expected an integer/,
    );
  });
});
