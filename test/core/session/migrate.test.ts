import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIVIDNESS,
  migrateV1,
  migrateV2,
  parseSession,
  type SessionV1,
  serializeSession,
} from '../../../src/core/session';
import { sessionArb, sessionV1Arb, sessionV2Arb } from './arbitraries';
import { errorOf } from './errorOf';

/** A version-1 file as Tintype wrote it before vividness existed (hints of every kind). */
const V1_TEXT = `{
  "format": "tintype-session",
  "version": 1,
  "image": { "width": 1498, "height": 1199, "name": "tetons.jpg" },
  "hints": [
    { "kind": "point", "x": 120.5, "y": 80.5, "size": 6, "ab": [12.3, -40.1] },
    { "kind": "stroke", "points": [[10, 10], [40, 22.5]], "width": 8, "ab": [-20, 35] },
    { "kind": "erase", "points": [[30, 15]], "width": 12 }
  ],
  "global": {
    "saturation": 0.4,
    "palette": [
      { "ab": [5, -5], "weight": 1 }
    ]
  }
}
`;

describe('session v1 → v3 migration', () => {
  it('a v1 file parses to its content plus the default vividness, as version 3', () => {
    const v1 = JSON.parse(V1_TEXT) as SessionV1;
    const session = parseSession(V1_TEXT);
    expect(session).toEqual({ ...v1, version: 3, vividness: DEFAULT_VIVIDNESS });
    expect(session).toEqual(migrateV1(v1));
  });

  it('every valid v1 session: parse = the v1 content + vividness, and re-saves as v3', () => {
    fc.assert(
      fc.property(sessionV1Arb, (v1) => {
        const session = parseSession(v1);
        expect(session).toEqual({ ...v1, version: 3, vividness: DEFAULT_VIVIDNESS });
        const text = serializeSession(session);
        expect(text).toContain('"version": 3,');
        expect(parseSession(text)).toEqual(session);
      }),
      { numRuns: 200 },
    );
  });

  it('migrateV1 leaves its input alone', () => {
    const v1 = JSON.parse(V1_TEXT) as SessionV1;
    const before = structuredClone(v1);
    migrateV1(v1);
    expect(v1).toEqual(before);
  });

  it('checks a v1 file against v1: its errors, and vividness is an unknown field there', () => {
    const v1 = JSON.parse(V1_TEXT) as Record<string, unknown>;
    expect(errorOf({ ...v1, vividness: 0.5 }).message).toBe(
      'vividness: unknown field (session format v1 has no such field here)',
    );
    expect(
      errorOf({ ...v1, hints: [{ kind: 'point', x: 1, y: 1, size: 1, ab: [0, 'red'] }] }).message,
    ).toBe('hints[0].ab[1]: expected a number in [-128, 127], got "red"');
  });
});

describe('session v2 → v3 migration', () => {
  it('every valid v2 session parses to the same content as version 3 and re-saves as v3', () => {
    fc.assert(
      fc.property(sessionV2Arb, (v2) => {
        const session = parseSession(v2);
        expect(session).toEqual({ ...v2, version: 3 });
        expect(session).toEqual(migrateV2(v2));
        expect(parseSession(serializeSession(session))).toEqual(session);
      }),
      { numRuns: 200 },
    );
  });

  it('v2 has no spread, origin or reference: they are unknown fields there', () => {
    const v2 = { ...JSON.parse(V1_TEXT), version: 2, vividness: 0.4 } as Record<string, unknown>;
    const point = { kind: 'point', x: 1, y: 1, size: 1, ab: [0, 0] };
    expect(errorOf({ ...v2, hints: [{ ...point, contain: true }] }).message).toBe(
      'hints[0].contain: unknown field (session format v2 has no such field here)',
    );
    expect(errorOf({ ...v2, hints: [{ ...point, from: 'reference' }] }).message).toBe(
      'hints[0].from: unknown field (session format v2 has no such field here)',
    );
    expect(errorOf({ ...v2, reference: { name: 'r.jpg', width: 2, height: 2 } }).message).toBe(
      'reference: unknown field (session format v2 has no such field here)',
    );
  });
});

describe('session v3 fields', () => {
  const v3 = { ...JSON.parse(V1_TEXT), version: 3, vividness: 0.4 } as Record<string, unknown>;
  const point = { kind: 'point', x: 1, y: 1, size: 1, ab: [0, 0] };
  const stroke = { kind: 'stroke', points: [[0, 0]], width: 3, ab: [1, 2] };

  it('reads contain, reach, from and reference, and writes them back in a fixed order', () => {
    const text = JSON.stringify({
      ...v3,
      hints: [
        { from: 'reference', reach: 40, contain: true, ...point },
        { ...stroke, contain: false },
      ],
      reference: { width: 640, name: 'grandma-colour.jpg', height: 480 },
    });
    const session = parseSession(text);
    expect(session.hints[0]).toEqual({ ...point, contain: true, reach: 40, from: 'reference' });
    expect(session.reference).toEqual({ name: 'grandma-colour.jpg', width: 640, height: 480 });
    const saved = serializeSession(session);
    expect(saved).toContain(
      '{ "kind": "point", "x": 1, "y": 1, "size": 1, "ab": [0, 0], "contain": true, "reach": 40, "from": "reference" }',
    );
    expect(saved).toContain(
      '"stroke", "points": [[0, 0]], "width": 3, "ab": [1, 2], "contain": false }',
    );
    expect(saved).toContain(
      '"reference": { "name": "grandma-colour.jpg", "width": 640, "height": 480 }',
    );
    expect(parseSession(saved)).toEqual(session);
  });

  it('rejects bad values with their paths', () => {
    expect(errorOf({ ...v3, hints: [{ ...point, contain: 1 }] }).message).toBe(
      'hints[0].contain: expected true or false, got 1',
    );
    expect(errorOf({ ...v3, hints: [{ ...stroke, reach: 0 }] }).message).toBe(
      'hints[0].reach: expected a positive finite number, got 0',
    );
    expect(errorOf({ ...v3, hints: [{ ...stroke, from: 'reference' }] }).message).toBe(
      'hints[0].from: unknown field (session format v3 has no such field here)',
    );
    expect(errorOf({ ...v3, hints: [{ ...point, from: 'user' }] }).message).toBe(
      'hints[0].from: expected "reference", got "user"',
    );
    expect(errorOf({ ...v3, reference: { name: 'r', width: 0, height: 2 } }).message).toBe(
      'reference.width: expected an integer in [1, 65535], got 0',
    );
  });

  it('every valid v3 session round-trips through its file', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        expect(parseSession(serializeSession(session))).toEqual(session);
      }),
      { numRuns: 300 },
    );
  });
});
