import { describe, expect, it } from 'vitest';
import {
  abToHex,
  lightnessAt,
  parseHex,
  parseRgb,
  rgbToAb,
  rgbToHex,
} from '../../src/editor/color/swatch';

describe('colour inputs', () => {
  it('parses hex in short and long form, with or without #', () => {
    expect(parseHex('#3a7')).toEqual([0x33, 0xaa, 0x77]);
    expect(parseHex('3A7BD5')).toEqual([0x3a, 0x7b, 0xd5]);
    expect(() => parseHex('#12345')).toThrow(/hex colour: expected #rgb or #rrggbb, got "#12345"/);
    expect(() => parseHex('zzzzzz')).toThrow(/zzzzzz/);
  });

  it('parses RGB triples and names the bad channel', () => {
    expect(parseRgb('12, 200, 7')).toEqual([12, 200, 7]);
    expect(parseRgb('rgb(1 2 3)')).toEqual([1, 2, 3]);
    expect(() => parseRgb('1, 2')).toThrow(/three numbers/);
    expect(() => parseRgb('1, 256, 3')).toThrow(/G must be an integer 0–255, got "256"/);
  });

  it('grey has no chroma; red has positive a', () => {
    const [a, b] = rgbToAb([128, 128, 128]);
    expect(Math.abs(a)).toBeLessThan(0.01);
    expect(Math.abs(b)).toBeLessThan(0.01);
    expect(rgbToAb([220, 30, 30])[0]).toBeGreaterThan(40);
  });

  it('a colour survives ab → hex at its own lightness', () => {
    expect(rgbToHex([1, 2, 255])).toBe('#0102ff');
    // #4080c0 has L* ≈ 52.5; showing its ab at that L gives the colour back (±1 level).
    const ab = rgbToAb([0x40, 0x80, 0xc0]);
    const back = parseHex(abToHex(ab, 52.46));
    expect(Math.abs(back[0] - 0x40)).toBeLessThanOrEqual(1);
    expect(Math.abs(back[2] - 0xc0)).toBeLessThanOrEqual(1);
  });

  it('lightnessAt maps source pixels onto a downscaled grey image', () => {
    const grey = { width: 2, height: 1, L: new Float32Array([10, 90]) };
    expect(lightnessAt(grey, 200, 100, 30, 50)).toBe(10);
    expect(lightnessAt(grey, 200, 100, 150, 50)).toBe(90);
    expect(lightnessAt(grey, 200, 100, 999, -5)).toBe(90);
  });
});
