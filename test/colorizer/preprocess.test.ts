import { describe, expect, it } from 'vitest';
import {
  createLCache,
  encodeGlobal,
  encodeLocal,
  nearestBin,
} from '../../src/colorizer/preprocess';
import { greyImage } from './helpers';

const bins: [number, number][] = [
  [0, 0],
  [10, 0],
  [0, 10],
  [-10, -10],
];

describe('encodeGlobal', () => {
  it('histograms the palette over the nearest bins and normalises it', () => {
    const g = encodeGlobal(
      {
        palette: [
          { ab: [9, 1], weight: 2 },
          { ab: [1, 8], weight: 1 },
          { ab: [11, -2], weight: 1 },
        ],
        saturation: null,
      },
      bins,
    );
    expect(Array.from(g)).toEqual([0, 0.75, 0.25, 0, 0, 1, 0]);
  });
  it('encodes saturation with its flag and no palette as zeros', () => {
    const g = encodeGlobal({ palette: null, saturation: 0.4 }, bins);
    expect(Array.from(g)).toEqual([0, 0, 0, 0, expect.closeTo(0.4, 6), 0, 1]);
  });
  it('treats an all-zero palette as absent', () => {
    const g = encodeGlobal({ palette: [{ ab: [0, 0], weight: 0 }], saturation: null }, bins);
    expect(Array.from(g)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('names bad values', () => {
    expect(() => encodeGlobal({ palette: null, saturation: 2 }, bins)).toThrow(/global.saturation/);
    expect(() =>
      encodeGlobal({ palette: [{ ab: [0, 0], weight: -1 }], saturation: null }, bins),
    ).toThrow(/global.palette\[0\].weight/);
  });
  it('nearestBin is Euclidean in ab', () => {
    expect(nearestBin(bins, -6, -6)).toBe(3);
    expect(nearestBin(bins, 4, 4)).toBe(0);
  });
});

describe('encodeLocal', () => {
  it('packs L, ab/110 and mask, zeroing ab outside the mask', () => {
    const local = encodeLocal(
      Float32Array.from([0.1, -0.2]),
      { ab: Float32Array.from([55, -110, 30, 30]), mask: Uint8Array.from([1, 0]) },
      110,
    );
    expect(Array.from(local).map((v) => Math.round(v * 1000) / 1000)).toEqual([
      0.1, 0.5, -1, 1, -0.2, 0, 0, 0,
    ]);
  });
});

describe('LCache', () => {
  it('computes L once per image and size, normalised with lCenter/lScale', () => {
    const cache = createLCache({ lCenter: 50, lScale: 100 });
    const image = greyImage(64, 32, () => 70);
    const first = cache.get(image, 32, 16);
    expect(first[0]).toBeCloseTo(0.2, 6);
    for (let i = 0; i < 5; i++) expect(cache.get(image, 32, 16)).toBe(first);
    expect(cache.computeCount).toBe(1);
    cache.get(image, 16, 16);
    cache.get(
      greyImage(64, 32, () => 70),
      32,
      16,
    );
    expect(cache.computeCount).toBe(3);
  });
});
