import { describe, expect, it } from 'vitest';
import {
  addHint,
  clearHints,
  DEFAULT_VIVIDNESS,
  emptySession,
  type Hint,
  removeHint,
  replaceHint,
  SessionError,
  setGlobal,
  setVividness,
} from '../../../src/core/session';

const point = (x: number): Hint => ({ kind: 'point', x, y: 1, size: 2, ab: [1, 2] });

describe('session edits', () => {
  const base = emptySession({ width: 10, height: 8, name: 'p.png' });

  it('emptySession builds a v2 session and validates the image', () => {
    expect(base).toEqual({
      format: 'tintype-session',
      version: 3,
      image: { width: 10, height: 8, name: 'p.png' },
      hints: [],
      global: { saturation: null, palette: null },
      vividness: DEFAULT_VIVIDNESS,
    });
    expect(() => emptySession({ width: 0, height: 8, name: 'p' })).toThrow(
      'image.width: expected an integer in [1, 65535], got 0',
    );
    expect(() => emptySession(null as never)).toThrow(SessionError);
  });

  it('add / replace / remove / clear return new sessions and leave the old one alone', () => {
    const one = addHint(base, point(1));
    const two = addHint(one, point(2));
    expect(base.hints).toEqual([]);
    expect(two.hints).toEqual([point(1), point(2)]);
    expect(two.hints[0]).toBe(one.hints[0]); // shared, not copied
    expect(two.image).toBe(base.image);

    const replaced = replaceHint(two, 0, point(5));
    expect(replaced.hints).toEqual([point(5), point(2)]);
    expect(two.hints[0]).toEqual(point(1));

    expect(removeHint(two, 0).hints).toEqual([point(2)]);
    expect(two.hints).toHaveLength(2);
    expect(clearHints(two).hints).toEqual([]);
    expect(clearHints(base)).toBe(base);
  });

  it('rejects indices outside the hint list', () => {
    const one = addHint(base, point(1));
    expect(() => replaceHint(one, 1, point(2))).toThrow(/hint index 1 is outside 0\.\.0/);
    expect(() => removeHint(one, -1)).toThrow(RangeError);
    expect(() => removeHint(one, 0.5)).toThrow(RangeError);
  });

  it('setGlobal patches only the given fields', () => {
    const saturated = setGlobal(base, { saturation: 0.4 });
    expect(saturated.global).toEqual({ saturation: 0.4, palette: null });
    const both = setGlobal(saturated, { palette: [{ ab: [1, 1], weight: 1 }] });
    expect(both.global).toEqual({ saturation: 0.4, palette: [{ ab: [1, 1], weight: 1 }] });
    expect(base.global).toEqual({ saturation: null, palette: null });
  });

  it('setVividness changes only vividness, keeps a no-op identical, and rejects bad values', () => {
    const vivid = setVividness(base, 0.9);
    expect(vivid).toEqual({ ...base, vividness: 0.9 });
    expect(vivid.global).toBe(base.global);
    expect(base.vividness).toBe(DEFAULT_VIVIDNESS);
    expect(setVividness(vivid, 0.9)).toBe(vivid);
    expect(setVividness(base, 0).vividness).toBe(0);
    expect(setVividness(base, 1).vividness).toBe(1);
    for (const bad of [-0.01, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => setVividness(base, bad)).toThrow(
        `setVividness: vividness must be a number in [0, 1], got ${bad}`,
      );
    }
  });
});
