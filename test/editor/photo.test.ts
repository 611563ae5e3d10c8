import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addHint, emptySession } from '../../src/core/session';
import { DEFAULT_DEMO, DEMO_PHOTOS } from '../../src/editor/demo/credits';
import { photoStem } from '../../src/editor/photo/decodePhoto';
import { fitPixels } from '../../src/editor/photo/decodeProtocol';
import { scaleSession } from '../../src/editor/photo/scaleSession';

describe('photo helpers', () => {
  it('fitPixels keeps small photos and shrinks big ones under the cap, keeping the aspect', () => {
    expect(fitPixels(1000, 800, 12e6)).toEqual({ width: 1000, height: 800 });
    const big = fitPixels(9000, 6000, 12e6);
    expect(big.width * big.height).toBeLessThanOrEqual(12e6);
    expect(big.width / big.height).toBeCloseTo(1.5, 2);
  });

  it('photoStem drops the folder and the last extension only', () => {
    expect(photoStem('C:\\x\\Tetons 1942.final.jpg')).toBe('Tetons 1942.final');
    expect(photoStem('noext')).toBe('noext');
    expect(photoStem('.jpg')).toBe('.jpg');
  });

  it('scaleSession maps hints into a downscaled working image', () => {
    let s = emptySession({ width: 1000, height: 500, name: 'p' });
    s = addHint(s, { kind: 'point', x: 100, y: 50, size: 10, ab: [1, 2] });
    s = addHint(s, {
      kind: 'stroke',
      points: [
        [0, 0],
        [1000, 500],
      ],
      width: 1,
      ab: [3, 4],
    });
    const scaled = scaleSession(s, 250, 125);
    expect(scaled.image).toEqual({ width: 250, height: 125, name: 'p' });
    expect(scaled.hints[0]).toEqual({ kind: 'point', x: 25, y: 12.5, size: 2.5, ab: [1, 2] });
    expect(scaled.hints[1]).toMatchObject({
      points: [
        [0, 0],
        [250, 125],
      ],
      width: 1,
    });
    expect(scaleSession(s, 1000, 500)).toBe(s);
  });

  it('credits.json matches the credits module and every photo is bundled', () => {
    const json = JSON.parse(readFileSync('public/demo/credits.json', 'utf8'));
    expect(json).toEqual(DEMO_PHOTOS);
    expect(DEMO_PHOTOS.map((p) => p.file)).toContain(DEFAULT_DEMO);
    for (const photo of DEMO_PHOTOS) {
      expect(readFileSync(`public/demo/${photo.file}`).subarray(0, 2)).toEqual(
        Buffer.from([0xff, 0xd8]),
      );
    }
  });
});
