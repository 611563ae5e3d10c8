import { describe, expect, it } from 'vitest';
import { inGamut, labToSrgb8 } from '../../../src/core/color';
import { transferFromReference } from '../../../src/core/exemplar';
import { BLOCK, blockAt, mosaicGrey, mosaicRgba, mosaicRgbaReframed } from './scenes';

const TARGET = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const SHUFFLED = [7, 2, 5, 0, 8, 3, 6, 1, 4];

describe('transferFromReference: matching regions without colour', () => {
  it("finds the target's regions in a mirrored, enlarged crop of the same scene", () => {
    const { hints } = transferFromReference(mosaicGrey(TARGET), mosaicRgbaReframed(TARGET));
    expect(hints.length).toBeGreaterThanOrEqual(5);
    const right = hints.filter((h) => {
      const truth = blockAt(TARGET, h.x, h.y).ab;
      return Math.hypot(h.ab[0] - truth[0], h.ab[1] - truth[1]) < 6;
    });
    expect(right.length).toBeGreaterThanOrEqual(Math.ceil(0.9 * hints.length));
    // Found in several different regions, not all in one.
    const blocks = new Set(
      hints.map((h) => `${Math.floor(h.x / BLOCK)},${Math.floor(h.y / BLOCK)}`),
    );
    expect(blocks.size).toBeGreaterThanOrEqual(4);
  });

  it('tells the same scene from its regions rearranged: as many match, far fewer agree', () => {
    const same = transferFromReference(mosaicGrey(TARGET), mosaicRgbaReframed(TARGET));
    const rearranged = transferFromReference(mosaicGrey(TARGET), mosaicRgba(SHUFFLED));
    expect(rearranged.matchedShare).toBeGreaterThan(0.5 * same.matchedShare);
    expect(rearranged.consistentShare).toBeLessThan(0.5 * same.consistentShare);
    expect(rearranged.hints.length).toBeLessThan(same.hints.length);
  });

  it('places no hint where nothing in the reference resembles the target', () => {
    // Bright fine noise everywhere: no block of the target is that light or that busy.
    const side = 96;
    const rgba = new Uint8ClampedArray(side * side * 4);
    let seed = 7;
    for (let p = 0; p < side * side; p++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const [r, g, b] = labToSrgb8(93 + (seed % 7), 20, -10);
      rgba.set([r, g, b, 255], p * 4);
    }
    const { hints } = transferFromReference(mosaicGrey(TARGET), {
      width: side,
      height: side,
      rgba,
    });
    expect(hints.length).toBeLessThanOrEqual(1);
  });

  it('gives point hints from the reference, in gamut at the target lightness', () => {
    const { hints, palette } = transferFromReference(
      mosaicGrey(TARGET),
      mosaicRgbaReframed(TARGET),
    );
    const grey = mosaicGrey(TARGET);
    for (const h of hints) {
      expect(h.kind).toBe('point');
      expect(h.from).toBe('reference');
      const L = grey.L[Math.floor(h.y) * grey.width + Math.floor(h.x)];
      expect(inGamut(L, h.ab[0], h.ab[1])).toBe(true);
    }
    expect(palette).not.toBeNull();
    expect(palette?.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 2);
  });
});
