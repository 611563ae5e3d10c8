import { afterAll, describe, expect, it } from 'vitest';
import type { Colorizer, LoadOptions } from '../../src/colorizer';
import { checkLoadOptions } from '../../src/colorizer/checks';
import { confidenceExponent, DEFAULT_CONFIDENCE } from '../../src/colorizer/refine';
import { greyImage, loadTinyColorizer, sessionFor } from './helpers';

describe('confidenceExponent', () => {
  const params = { noHints: 0.5, manyHints: 1, manyAt: 4 };

  it('grows linearly from noHints to manyHints at manyAt hints, then stays', () => {
    expect(confidenceExponent(params, 0)).toBe(0.5);
    expect(confidenceExponent(params, 2)).toBeCloseTo(0.75, 10);
    expect(confidenceExponent(params, 4)).toBe(1);
    expect(confidenceExponent(params, 40)).toBe(1);
    expect(confidenceExponent({ ...params, manyAt: 0 }, 1)).toBe(1);
    expect(confidenceExponent({ ...params, manyAt: 0 }, 0)).toBe(0.5);
  });

  it('gives the blind head its own exponent, or noHints when it has none', () => {
    expect(confidenceExponent({ ...params, blindHead: 0.1 }, 0, true)).toBe(0.1);
    expect(confidenceExponent({ ...params, blindHead: 0.1 }, 0)).toBe(0.5);
    expect(confidenceExponent({ ...params, blindHead: 0.1 }, 2)).toBeCloseTo(0.75, 10);
    expect(confidenceExponent(params, 0, true)).toBe(0.5);
  });

  it('is the shipped default when no option is given', () => {
    expect(checkLoadOptions({ model: 'x' }).confidence).toEqual(DEFAULT_CONFIDENCE);
  });
});

describe('loadColorizer options.confidence', () => {
  it('takes one exponent or { noHints, manyHints, manyAt } and names a bad field', () => {
    expect(checkLoadOptions({ model: 'x', confidence: 0.75 }).confidence).toEqual({
      noHints: 0.75,
      manyHints: 0.75,
      manyAt: 0,
      blindHead: 0.75,
    });
    const schedule = { noHints: 0.5, manyHints: 1, manyAt: 10 };
    expect(checkLoadOptions({ model: 'x', confidence: schedule }).confidence).toEqual(schedule);
    expect(() => checkLoadOptions({ model: 'x', confidence: -1 })).toThrow(
      /options.confidence must be a number ≥ 0, got -1/,
    );
    expect(() =>
      checkLoadOptions({ model: 'x', confidence: { ...schedule, manyHints: Number.NaN } }),
    ).toThrow(/options.confidence.manyHints must be a number ≥ 0/);
    const withBlind = { ...schedule, blindHead: 0.2 };
    expect(checkLoadOptions({ model: 'x', confidence: withBlind }).confidence).toEqual(withBlind);
    expect(() =>
      checkLoadOptions({ model: 'x', confidence: { ...schedule, blindHead: -0.1 } }),
    ).toThrow(/options.confidence.blindHead must be a number ≥ 0, got -0.1/);
  });
});

describe('the schedule in the colorizer', () => {
  const image = greyImage(96, 64, (x, y) => 20 + ((x * 3 + y * 5) % 60));
  const hint = { kind: 'point' as const, x: 40, y: 30, size: 6, ab: [40, 20] as [number, number] };
  const colorizers: Colorizer[] = [];
  afterAll(() => {
    for (const c of colorizers) c.dispose();
  });
  const load = async (confidence: LoadOptions['confidence']) => {
    const c = await loadTinyColorizer({ confidence, refine: false });
    colorizers.push(c);
    return c;
  };

  it('uses noHints without hints and manyHints once there are manyAt of them', async () => {
    const scheduled = await load({ noHints: 0.5, manyHints: 2, manyAt: 1 });
    const half = await load(0.5);
    const two = await load(2);
    const bare = sessionFor(image);
    const hinted = sessionFor(image, [hint]);
    expect((await scheduled.colorize(image, bare)).ab).toEqual(
      (await half.colorize(image, bare)).ab,
    );
    const got = (await scheduled.colorize(image, hinted)).ab;
    expect(got).toEqual((await two.colorize(image, hinted)).ab);
    expect(got).not.toEqual((await half.colorize(image, hinted)).ab);
  });
});
