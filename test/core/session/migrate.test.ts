import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIVIDNESS,
  migrateV1,
  parseSession,
  type SessionV1,
  serializeSession,
} from '../../../src/core/session';
import { sessionV1Arb } from './arbitraries';
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

describe('session v1 → v2 migration', () => {
  it('a v1 file parses to its content plus the default vividness, as version 2', () => {
    const v1 = JSON.parse(V1_TEXT) as SessionV1;
    const session = parseSession(V1_TEXT);
    expect(session).toEqual({ ...v1, version: 2, vividness: DEFAULT_VIVIDNESS });
    expect(session).toEqual(migrateV1(v1));
  });

  it('every valid v1 session: parse = the v1 content + vividness, and re-saves as v2', () => {
    fc.assert(
      fc.property(sessionV1Arb, (v1) => {
        const session = parseSession(v1);
        expect(session).toEqual({ ...v1, version: 2, vividness: DEFAULT_VIVIDNESS });
        const text = serializeSession(session);
        expect(text).toContain('"version": 2,');
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
