import { describe, expect, it, vi } from 'vitest';
import * as color from '../../src/core/color';
import { RelightMemo } from '../../src/editor/color/relightMemo';

describe('RelightMemo', () => {
  it('returns exactly what relightAb returns, first time and remembered', () => {
    const memo = new RelightMemo();
    const colours: [number, number, number][] = [
      [80, 20, -100], // blue on a light sky: out of gamut, re-lit
      [32, 60, -120],
      [65, 10, 10], // displayable: unchanged
      [5, -90, 90],
      [50, 0, 0],
    ];
    for (let round = 0; round < 2; round++)
      for (const [L, a, b] of colours)
        expect(memo.relight(L, a, b)).toEqual(color.relightAb(L, a, b));
  });

  it('computes each colour once, keeps at most `capacity`, dropping the least recently used', () => {
    const relight = vi.spyOn(color, 'relightAb');
    const memo = new RelightMemo(2);
    memo.relight(70, 30, -90);
    memo.relight(70, 30, -90);
    expect(relight).toHaveBeenCalledTimes(1);
    memo.relight(70, -60, 40);
    memo.relight(70, 30, -90); // now the most recent
    memo.relight(70, 80, 80); // evicts (70, -60, 40)
    expect(memo.size).toBe(2);
    expect(relight).toHaveBeenCalledTimes(3);
    memo.relight(70, 30, -90);
    expect(relight).toHaveBeenCalledTimes(3);
    memo.relight(70, -60, 40);
    expect(relight).toHaveBeenCalledTimes(4);
    relight.mockRestore();
  });

  it('a caller changing its result does not change what is remembered', () => {
    const memo = new RelightMemo();
    const first = memo.relight(80, 20, -100);
    const expected = [...first];
    first[0] = 999;
    expect(memo.relight(80, 20, -100)).toEqual(expected);
  });
});
