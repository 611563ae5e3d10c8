import fc from 'fast-check';
import type {
  GlobalHints,
  Hint,
  HintSpread,
  Session,
  SessionV1,
  SessionV2,
  Xy,
} from '../../../src/core/session';

/** fast-check generators of valid sessions (any value the format allows, −0 included). */

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true });
const abComponent = fc.double({ min: -128, max: 127, noNaN: true });
export const abArb = fc.tuple(abComponent, abComponent);
const xy: fc.Arbitrary<Xy> = fc.tuple(finite, finite);
const polyline = fc.array(xy, { minLength: 1, maxLength: 6 });

/** v1/v2 hints: no spread, no origin. */
export const plainHintArb: fc.Arbitrary<SessionV2['hints'][number]> = fc.oneof(
  fc.record({
    kind: fc.constant('point' as const),
    x: finite,
    y: finite,
    size: positive,
    ab: abArb,
  }),
  fc.record({ kind: fc.constant('stroke' as const), points: polyline, width: positive, ab: abArb }),
  fc.record({ kind: fc.constant('erase' as const), points: polyline, width: positive }),
);

const spreadArb: fc.Arbitrary<HintSpread> = fc.record(
  { contain: fc.boolean(), reach: positive },
  { requiredKeys: [] },
);

/** v3 hints: plain ones, some with spread fields and points marked as from the reference. */
export const hintArb: fc.Arbitrary<Hint> = fc
  .tuple(
    plainHintArb,
    spreadArb,
    fc.record({ from: fc.constant('reference' as const) }, { requiredKeys: [] }),
  )
  .map(([hint, spread, origin]) => {
    if (hint.kind === 'erase') return hint;
    if (hint.kind === 'stroke') return { ...hint, ...spread };
    return { ...hint, ...spread, ...origin };
  });

const globalArb: fc.Arbitrary<GlobalHints> = fc.record({
  saturation: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  palette: fc.option(
    fc.array(
      fc.record({ ab: abArb, weight: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }) }),
      {
        maxLength: 5,
      },
    ),
    { nil: null },
  ),
});

export const sessionV1Arb: fc.Arbitrary<SessionV1> = fc.record({
  format: fc.constant('tintype-session' as const),
  version: fc.constant(1 as const),
  image: fc.record({
    width: fc.integer({ min: 1, max: 65535 }),
    height: fc.integer({ min: 1, max: 65535 }),
    name: fc.string({ unit: 'binary', maxLength: 20 }),
  }),
  hints: fc.array(plainHintArb, { maxLength: 8 }),
  global: globalArb,
});

export const sessionV2Arb: fc.Arbitrary<SessionV2> = fc
  .tuple(sessionV1Arb, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([v1, vividness]) => ({ ...v1, version: 2 as const, vividness }));

const referenceArb = fc.record({
  name: fc.string({ unit: 'binary', maxLength: 20 }),
  width: fc.integer({ min: 1, max: 65535 }),
  height: fc.integer({ min: 1, max: 65535 }),
});

export const sessionArb: fc.Arbitrary<Session> = fc
  .tuple(
    sessionV2Arb,
    fc.array(hintArb, { maxLength: 8 }),
    fc.record({ reference: referenceArb }, { requiredKeys: [] }),
  )
  .map(([v2, hints, reference]) => ({ ...v2, version: 3 as const, hints, ...reference }));
