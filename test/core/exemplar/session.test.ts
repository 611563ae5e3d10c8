import { describe, expect, it } from 'vitest';
import { withoutReference, withReference } from '../../../src/core/exemplar';
import { emptySession, replaceHint } from '../../../src/core/session';
import type { PointHint, Session } from '../../../src/core/session/types';

const point = (x: number, from?: 'reference'): PointHint => ({
  kind: 'point',
  x,
  y: 5,
  size: 4,
  ab: [10, 20],
  ...(from ? { from } : {}),
});

const base = (): Session => ({
  ...emptySession({ width: 100, height: 80, name: 'a.png' }),
  hints: [
    point(1),
    {
      kind: 'stroke',
      points: [
        [0, 0],
        [9, 9],
      ],
      width: 3,
      ab: [1, 2],
    },
  ],
});
const transfer = {
  hints: [point(50, 'reference'), point(60, 'reference')],
  palette: [{ ab: [5, 5] as [number, number], weight: 1 }],
  matchedShare: 0.5,
  consistentShare: 0.4,
};
const ref = { name: 'colour.jpg', width: 400, height: 300 };

describe('a reference in the session', () => {
  it("puts the reference's points first (the user's own win where they overlap), keeps every own hint", () => {
    const s = withReference(base(), transfer, ref);
    expect(s.hints.map((h) => (h.kind === 'point' ? h.x : 'stroke'))).toEqual([
      50,
      60,
      1,
      'stroke',
    ]);
    expect(s.reference).toEqual(ref);
    expect(s.global.palette).toEqual(transfer.palette);
  });

  it("keeps the user's palette and replaces an earlier reference's unedited points", () => {
    const own = {
      ...base(),
      global: { saturation: null, palette: [{ ab: [1, 1] as [number, number], weight: 1 }] },
    };
    const once = withReference(own, transfer, ref);
    const twice = withReference(once, { ...transfer, hints: [point(70, 'reference')] }, ref);
    expect(twice.hints.filter((h) => h.kind === 'point' && h.from === 'reference')).toHaveLength(1);
    expect(twice.hints).toHaveLength(3);
    expect(twice.global.palette).toEqual(own.global.palette);
  });

  it('removing the reference removes only the points it placed that were not edited', () => {
    const s = withReference(base(), transfer, ref);
    const edited = replaceHint(s, 0, { ...(s.hints[0] as PointHint), x: 55 });
    expect((edited.hints[0] as PointHint).from).toBeUndefined();
    const removed = withoutReference(edited);
    expect(removed.reference).toBeUndefined();
    expect(removed.hints.map((h) => (h.kind === 'point' ? h.x : 'stroke'))).toEqual([
      55,
      1,
      'stroke',
    ]);
  });
});
