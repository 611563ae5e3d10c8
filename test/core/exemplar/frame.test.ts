import { describe, expect, it } from 'vitest';
import { type Correspondence, fitFrameMap } from '../../../src/core/exemplar/frame';

/** A fixed pseudo-random sequence in [0, 1). */
function uniform(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` target positions on a grid, mapped by rx = 1.2·(1 − x) − 0.1, ry = 1.2·y − 0.05. */
function mirroredScene(n: number): Correspondence[] {
  return Array.from({ length: n }, (_, k) => {
    const x = (k % 10) / 10 + 0.05;
    const y = Math.floor(k / 10) / 10 + 0.05;
    return { x, y, rx: 1.2 * (1 - x) - 0.1, ry: 1.2 * y - 0.05 };
  });
}

describe('fitFrameMap: one map for the matches of one scene', () => {
  it('recovers a mirrored scale and shift among 40 % wrong matches, and says which are wrong', () => {
    const rand = uniform(3);
    const points = mirroredScene(100).map((p, k) =>
      k % 5 < 2 ? { ...p, rx: rand(), ry: rand() } : p,
    );
    const map = fitFrameMap(points);
    expect(map).not.toBeNull();
    expect(map?.mirror).toBe(true);
    expect(map?.scale).toBeCloseTo(1.2, 1);
    // rx = −1.2·x + (1.2 − 0.1): the shift includes the mirror's.
    expect(map?.tx).toBeCloseTo(1.1, 1);
    expect(map?.ty).toBeCloseTo(-0.05, 1);
    const wrongCaught = points.filter((_, k) => k % 5 < 2 && !map?.inliers[k]).length;
    expect(map?.count).toBeGreaterThanOrEqual(60);
    expect(wrongCaught).toBeGreaterThanOrEqual(36);
  });

  it('finds no map that explains much of matches scattered at random (a look-alike)', () => {
    const rand = uniform(11);
    const points = Array.from({ length: 200 }, () => ({
      x: rand(),
      y: rand(),
      rx: rand(),
      ry: rand(),
    }));
    const map = fitFrameMap(points);
    expect(map?.count ?? 0).toBeLessThan(0.1 * points.length);
  });

  it('rejects scales outside the plausible range, and needs two matches', () => {
    const far = mirroredScene(50).map((p) => ({ ...p, rx: 4 * p.x, ry: 4 * p.y }));
    const map = fitFrameMap(far);
    expect(map?.scale ?? 1).toBeLessThanOrEqual(2);
    expect(map?.count ?? 0).toBeLessThan(0.1 * far.length);
    expect(fitFrameMap(mirroredScene(1))).toBeNull();
  });
});
