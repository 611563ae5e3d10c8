import { describe, expect, it } from 'vitest';
import {
  emptySession,
  parseSession,
  SessionError,
  serializeSession,
} from '../../../src/core/session';
import { deepestOpening, SESSION_LIMITS } from '../../../src/core/session/limits';

function messageOf(input: string | unknown): string {
  try {
    parseSession(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SessionError);
    expect((error as Error).message.split('\n')[0].length).toBeLessThan(200);
    return (error as Error).message;
  }
  throw new Error('expected a SessionError');
}

const base = () =>
  JSON.parse(serializeSession(emptySession({ width: 64, height: 48, name: 'a.png' })));

describe('session bounds', () => {
  it('deep nesting is refused with its line and column, valid JSON or not', () => {
    const deep = '['.repeat(200_000);
    expect(messageOf(`{"format": "tintype-session",\n "x": ${deep}`)).toBe(
      `(root): nesting deeper than ${SESSION_LIMITS.depth} levels at line 2, column 38 (a session needs 5)`,
    );
    const valid = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    expect(messageOf(valid)).toMatch(
      /^\(root\): nesting deeper than 32 levels at line 1, column 33/,
    );
  });

  it('brackets inside strings do not count as nesting', () => {
    expect(deepestOpening(`{"name": "${'[{'.repeat(100)}\\"["}`, 3)).toBe(-1);
    expect(deepestOpening('[[[[', 3)).toBe(3);
  });

  it('text over the size limit is refused before parsing, by its size', () => {
    const big = ' '.repeat(SESSION_LIMITS.bytes + 1);
    expect(messageOf(big)).toBe('(root): file too large (64.0 MiB; the limit is 64 MiB)');
  });

  it('too many hints, stroke points or palette entries', () => {
    const manyHints = base();
    manyHints.hints = Array.from({ length: SESSION_LIMITS.hints + 1 }, () => 0);
    expect(messageOf(manyHints)).toBe('hints: too many hints (100001; the limit is 100000)');

    const longStroke = base();
    const points = Array.from({ length: SESSION_LIMITS.strokePoints + 1 }, () => [1, 1]);
    longStroke.hints = [{ kind: 'stroke', points, width: 3, ab: [0, 0] }];
    expect(messageOf(longStroke)).toBe(
      'hints[0].points: too many entries (100001; the limit is 100000)',
    );

    const manyStrokes = base();
    const stroke = { kind: 'erase', points: points.slice(0, 90_000), width: 3 };
    manyStrokes.hints = Array.from({ length: 12 }, () => stroke);
    expect(messageOf(manyStrokes)).toBe(
      'hints: too many stroke points in all (1080000; the limit is 1000000)',
    );

    const palette = base();
    palette.global.palette = Array.from({ length: 5000 }, () => ({ ab: [0, 0], weight: 1 }));
    expect(messageOf(palette)).toMatch(
      /^global\.palette: too many entries \(5000; the limit is 4096\)/,
    );
  });

  it('sessions within every bound still parse', () => {
    const ok = base();
    ok.hints = [
      {
        kind: 'stroke',
        points: [
          [-1e300, 4],
          [1e300, 4],
        ],
        width: 3,
        ab: [10, 10],
      },
    ];
    expect(parseSession(JSON.stringify(ok)).hints).toHaveLength(1);
  });
});
