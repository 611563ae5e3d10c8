import { describe, expect, it } from 'vitest';
import {
  ReferenceProblem,
  referenceSizeProblem,
  transferFromReference,
} from '../../../src/core/exemplar';
import { mosaicGrey } from './scenes';

describe('reference checks', () => {
  it('refuses tiny and huge references by size, in one line', () => {
    expect(referenceSizeProblem(31, 400)).toMatch(/^reference is 31×400, too small/);
    expect(referenceSizeProblem(10000, 5000)).toMatch(/50\.0 MP\), too large/);
    expect(referenceSizeProblem(4000, 3000)).toBeNull();
  });

  it('refuses a black-and-white reference, measured by chroma', () => {
    const side = 64;
    const rgba = new Uint8ClampedArray(side * side * 4);
    for (let p = 0; p < side * side; p++)
      rgba.set([p % 256, p % 256, (p % 256) + (p % 2 ? 1 : 0), 255], p * 4);
    const run = () =>
      transferFromReference(mosaicGrey([0, 1, 2, 3, 4, 5, 6, 7, 8]), {
        width: side,
        height: side,
        rgba,
      });
    expect(run).toThrow(ReferenceProblem);
    expect(run).toThrow(/black and white/);
  });
});
