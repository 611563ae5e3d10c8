import { describe, expect, it } from 'vitest';
import { parseSession, type Session } from '../../../src/core/session';
import { errorOf } from './errorOf';

/** The example from the format description (issue "foundation"), in version 2. */
function example(): Record<string, unknown> {
  return {
    format: 'tintype-session',
    version: 3,
    image: { width: 1498, height: 1199, name: 'tetons.jpg' },
    hints: [
      { kind: 'point', x: 120.5, y: 80.5, size: 6, ab: [12.3, -40.1] },
      {
        kind: 'stroke',
        points: [
          [10, 10],
          [40, 22.5],
          [60, 30],
        ],
        width: 8,
        ab: [-20, 35],
      },
      {
        kind: 'erase',
        points: [
          [30, 15],
          [50, 25],
        ],
        width: 12,
      },
    ],
    global: { saturation: null, palette: null },
    vividness: 0.25,
  };
}

describe('parseSession accepts', () => {
  it('the documented example, from text and from a value', () => {
    const text = JSON.stringify(example());
    const fromText: Session = parseSession(text);
    expect(fromText).toEqual(example());
    expect(parseSession(example())).toEqual(fromText);
  });

  it('a palette and a saturation, and boundary values', () => {
    const input = example();
    input.global = {
      saturation: 1,
      palette: [
        { ab: [-128, 127], weight: 0 },
        { ab: [0, 0], weight: 2.5 },
      ],
    };
    input.image = { width: 65535, height: 1, name: '' };
    expect(parseSession(input).global.palette?.[0].ab).toEqual([-128, 127]);
  });

  it('text with a UTF-8 byte-order mark', () => {
    expect(parseSession(`\uFEFF${JSON.stringify(example())}`)).toEqual(example());
  });

  it('returns a fresh object that does not alias the input', () => {
    const input = example();
    const session = parseSession(input);
    (input.hints as { ab: number[] }[])[0].ab[0] = 99;
    expect((session.hints[0] as { ab: number[] }).ab[0]).toBe(12.3);
  });
});

describe('parseSession rejects with a field path and the value found', () => {
  it('the documented example of a bad ab component', () => {
    const input = example();
    const hints = input.hints as unknown[];
    hints.push({ kind: 'point', x: 1, y: 1, size: 1, ab: [0, 'red'] });
    const error = errorOf(input);
    expect(error.message).toBe('hints[3].ab[1]: expected a number in [-128, 127], got "red"');
    expect(error.issues).toEqual([
      { path: 'hints[3].ab[1]', message: 'expected a number in [-128, 127], got "red"' },
    ]);
  });

  it.each([
    [
      'image',
      { width: 0, height: 10, name: 'a' },
      'image.width: expected an integer in [1, 65535], got 0',
    ],
    [
      'image',
      { width: 65536, height: 10, name: 'a' },
      'image.width: expected an integer in [1, 65535], got 65536',
    ],
    [
      'image',
      { width: 10, height: 2.5, name: 'a' },
      'image.height: expected an integer in [1, 65535], got 2.5',
    ],
    ['image', { width: 10, height: 10 }, 'image.name: expected a string, but it is missing'],
    [
      'global',
      { saturation: 1.5, palette: null },
      'global.saturation: expected null or a number in [0, 1], got 1.5',
    ],
    [
      'global',
      { saturation: null, palette: [{ ab: [0, 0], weight: -1 }] },
      'global.palette[0].weight: expected a finite number ≥ 0, got -1',
    ],
    [
      'global',
      { saturation: null, palette: 'warm' },
      'global.palette: expected null or a list of { ab, weight }, got "warm"',
    ],
    [
      'hints',
      [{ kind: 'line' }],
      'hints[0].kind: expected "point", "stroke" or "erase", got "line"',
    ],
    [
      'hints',
      [{ x: 1 }],
      'hints[0].kind: expected "point", "stroke" or "erase", but it is missing',
    ],
    ['hints', [7], 'hints[0]: expected a hint object with a "kind", got 7'],
    [
      'hints',
      [{ kind: 'stroke', points: [], width: 2, ab: [0, 0] }],
      'hints[0].points: expected a non-empty list of [x, y] points, got []',
    ],
    [
      'hints',
      [{ kind: 'erase', points: [[1, 2, 3]], width: 2 }],
      'hints[0].points[0]: expected [x, y]: two finite numbers, got [1,2,3]',
    ],
    [
      'hints',
      [{ kind: 'erase', points: [[1, 2]], width: 0 }],
      'hints[0].width: expected a positive finite number, got 0',
    ],
    [
      'hints',
      [{ kind: 'point', x: 1, y: 1, size: 1, ab: [0, 128] }],
      'hints[0].ab[1]: expected a number in [-128, 127], got 128',
    ],
    [
      'hints',
      [{ kind: 'point', x: 1, y: 1, size: 1, ab: [0] }],
      'hints[0].ab: expected [a, b]: two numbers in [-128, 127], got [0]',
    ],
    ['hints', 'none', 'hints: expected a list of hints, got "none"'],
    ['vividness', 1.5, 'vividness: expected a number in [0, 1], got 1.5'],
    ['vividness', -0.1, 'vividness: expected a number in [0, 1], got -0.1'],
    ['vividness', '0.5', 'vividness: expected a number in [0, 1], got "0.5"'],
    ['vividness', null, 'vividness: expected a number in [0, 1], got null'],
  ])('bad %s → %s', (field, value, expected) => {
    const input = { ...example(), [field]: value };
    expect(errorOf(input).message).toBe(expected);
  });

  it('a version-2 session without vividness', () => {
    const { vividness: _, ...input } = example();
    expect(errorOf(input).message).toBe(
      'vividness: expected a number in [0, 1], but it is missing',
    );
  });

  it('non-finite numbers handed in as values (not possible in JSON text)', () => {
    const input = example();
    input.hints = [
      { kind: 'point', x: Number.POSITIVE_INFINITY, y: Number.NaN, size: 1, ab: [0, 0] },
    ];
    input.vividness = Number.NaN;
    expect(errorOf(input).issues).toEqual([
      { path: 'hints[0].x', message: 'expected a finite number, got Infinity' },
      { path: 'hints[0].y', message: 'expected a finite number, got NaN' },
      { path: 'vividness', message: 'expected a number in [0, 1], got NaN' },
    ]);
  });

  it('unknown fields anywhere, naming each (strict)', () => {
    const input: Record<string, unknown> = { ...example(), colour: true };
    (input.hints as Record<string, unknown>[])[0].note = 'sky';
    const paths = errorOf(input).issues.map((i) => i.path);
    expect(paths.sort()).toEqual(['colour', 'hints[0].note']);
    expect(errorOf({ ...example(), 'odd key': 1 }).message).toBe(
      '["odd key"]: unknown field (session format v3 has no such field here)',
    );
  });

  it('lists every problem at once and truncates long values', () => {
    const input = example();
    input.image = { width: -1, height: 'x'.repeat(100), name: 3 };
    const error = errorOf(input);
    expect(error.issues.map((i) => i.path)).toEqual(['image.width', 'image.height', 'image.name']);
    expect(error.issues[1].message).toMatch(/got "x{38}…$/);
  });
});

describe('parseSession explains what the file is not', () => {
  it('not JSON: names line and column', () => {
    const error = errorOf('{\n  "format": "tintype-session",\n  "version": }');
    expect(error.message).toMatch(/^\(root\): invalid JSON at line 3, column 14: value expected$/);
    expect(errorOf('').message).toMatch(/invalid JSON at line 1, column 1/);
    expect(errorOf('{"a": 1,}').message).toMatch(/invalid JSON at line 1, column 9/);
  });

  it('not a session', () => {
    expect(errorOf([]).message).toBe('(root): expected a Tintype session object, got []');
    expect(errorOf('null').message).toBe('(root): expected a Tintype session object, got null');
    expect(errorOf({ ...example(), format: 'photoshop' }).message).toBe(
      'format: expected "tintype-session" (this is not a Tintype session), got "photoshop"',
    );
    expect(errorOf({ version: 1 }).message).toMatch(/^format: .* it is missing$/);
  });

  it('a newer version, and a wrong one', () => {
    expect(errorOf({ ...example(), version: 4 }).message).toBe(
      'version: this session was saved by a newer Tintype (version 4); ' +
        'this version reads versions up to 3',
    );
    expect(errorOf({ ...example(), version: 0 }).message).toBe(
      'version: expected 1, 2 or 3, got 0',
    );
    expect(errorOf({ ...example(), version: 1.5 }).message).toBe(
      'version: expected 1, 2 or 3, got 1.5',
    );
    expect(errorOf({ ...example(), version: '1' }).message).toBe(
      'version: expected 1, 2 or 3, got "1"',
    );
    expect(errorOf({ ...example(), version: undefined }).message).toBe(
      'version: expected 1, 2 or 3, but it is missing',
    );
  });

  it('a __proto__ key is an unknown field, not a prototype', () => {
    const text = JSON.stringify(example()).replace('{', '{"__proto__": {"polluted": 1},');
    expect(errorOf(text).message).toBe(
      '__proto__: unknown field (session format v3 has no such field here)',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('wraps errors thrown by exotic inputs', () => {
    const hostile = new Proxy(example(), {
      get(target, key) {
        if (key === 'hints') throw new Error('boom');
        return Reflect.get(target, key);
      },
    });
    expect(errorOf(hostile).message).toBe('(root): could not be read: boom');
  });
});
