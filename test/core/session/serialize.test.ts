import { describe, expect, it } from 'vitest';
import {
  addHint,
  emptySession,
  parseSession,
  type Session,
  SessionError,
  serializeSession,
  setGlobal,
  setVividness,
} from '../../../src/core/session';

describe('serializeSession', () => {
  it('writes the documented layout: fixed key order, one hint per line', () => {
    let session = emptySession({ width: 1498, height: 1199, name: 'tetons.jpg' });
    // Keys deliberately out of order: the file order must not depend on them.
    session = addHint(session, { ab: [12.3, -40.1], size: 6, y: 80.5, x: 120.5, kind: 'point' });
    session = addHint(session, { kind: 'erase', width: 12, points: [[30, 15]] });
    session = setGlobal(session, { palette: [{ weight: 1, ab: [5, -5] }] });
    session = setVividness(session, 0.75);
    expect(serializeSession(session)).toBe(
      [
        '{',
        '  "format": "tintype-session",',
        '  "version": 3,',
        '  "image": { "width": 1498, "height": 1199, "name": "tetons.jpg" },',
        '  "hints": [',
        '    { "kind": "point", "x": 120.5, "y": 80.5, "size": 6, "ab": [12.3, -40.1] },',
        '    { "kind": "erase", "points": [[30, 15]], "width": 12 }',
        '  ],',
        '  "global": {',
        '    "saturation": null,',
        '    "palette": [',
        '      { "ab": [5, -5], "weight": 1 }',
        '    ]',
        '  },',
        '  "vividness": 0.75',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty session compactly and reads it back', () => {
    const session = emptySession({ width: 3, height: 2, name: 'a "quoted"\nname' });
    const text = serializeSession(session);
    expect(text).toContain('"hints": [],');
    expect(parseSession(text)).toEqual(session);
  });

  it('keeps −0 (JSON.stringify would turn it into 0)', () => {
    const session = addHint(emptySession({ width: 3, height: 2, name: '' }), {
      kind: 'point',
      x: -0,
      y: 1,
      size: 1,
      ab: [-0, 0],
    });
    const back = parseSession(serializeSession(session));
    expect(Object.is((back.hints[0] as { x: number }).x, -0)).toBe(true);
    expect(back).toEqual(session);
  });

  it('refuses an invalid in-memory session instead of writing an unreadable file', () => {
    const session = emptySession({ width: 3, height: 2, name: '' });
    const broken = addHint(session, { kind: 'point', x: Number.NaN, y: 0, size: 1, ab: [0, 0] });
    expect(() => serializeSession(broken)).toThrow(SessionError);
    expect(() => serializeSession(broken)).toThrow('hints[0].x: expected a finite number, got NaN');
    const extra = { ...session, note: 'x' } as Session;
    expect(() => serializeSession(extra)).toThrow('note: unknown field');
    const dull = { ...session, vividness: -1 };
    expect(() => serializeSession(dull)).toThrow('vividness: expected a number in [0, 1], got -1');
    const old = { ...session, version: 1 } as unknown as Session;
    expect(() => serializeSession(old)).toThrow('version: expected 3, got 1');
  });
});
