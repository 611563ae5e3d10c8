import { describe, expect, it } from 'vitest';
import { DEFAULT_REFINE, refineAb } from '../../src/colorizer/refine';
import { createF64Scratch } from '../../src/colorizer/refine/scratch';
import { hintBlock, makeCase } from './refineCase';

describe('propagation scratch arrays', () => {
  it('hands out the same zeroed array per name and length, and fresh ones above the limit', () => {
    const alloc = createF64Scratch(100);
    const a = alloc('r', 10);
    a.fill(3);
    const again = alloc('r', 10);
    expect(again).toBe(a);
    expect([...again]).toEqual(new Array(10).fill(0));
    expect(alloc('z', 10)).not.toBe(a);
    expect(alloc('r', 12)).not.toBe(a);
    const big = alloc('r', 101);
    expect(alloc('r', 101)).not.toBe(big);
  });

  it('leaves no trace between solves: photos of one size and another, interleaved', () => {
    const photo = (edge: number, ab: [number, number], at: number) => {
      const c = makeCase(64, 48, (x, y) => (x < edge ? 35 : 80) + 0.2 * y);
      c.ab.forEach((_, i) => {
        c.ab[i] = 8 * Math.cos(i / (edge + 3));
      });
      hintBlock(c, at, 4, 3, ab);
      hintBlock(c, 50 - at, 40, 2, [ab[1], ab[0]]);
      return c;
    };
    // Hints in different places: a solve reading another's leftovers would differ.
    const a = photo(20, [40, -25], 4);
    const b = photo(44, [-30, 50], 30);
    const small = makeCase(20, 16, (x) => 30 + x);
    hintBlock(small, 2, 2, 2, [60, 0]);
    const first = [refineAb(a, DEFAULT_REFINE).ab, refineAb(b, DEFAULT_REFINE).ab];
    refineAb(small, DEFAULT_REFINE);
    const second = [refineAb(a, DEFAULT_REFINE).ab, refineAb(b, DEFAULT_REFINE).ab];
    expect(second[0]).toEqual(first[0]);
    expect(second[1]).toEqual(first[1]);
    expect(first[0]).not.toEqual(first[1]);
  });
});
