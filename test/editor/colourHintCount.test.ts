import { describe, expect, it } from 'vitest';
import { emptySession } from '../../src/core/session';
import type { Session } from '../../src/core/session/types';
import { colourHintCount } from '../../src/editor/appHelpers';

describe('colourHintCount', () => {
  it('counts points and strokes, not eraser strokes', () => {
    const session: Session = {
      ...emptySession({ width: 100, height: 100, name: 'p' }),
      hints: [
        { kind: 'point', x: 1, y: 2, size: 3, ab: [0, 0] },
        { kind: 'stroke', points: [[1, 1]], width: 4, ab: [5, 5] },
        { kind: 'erase', points: [[1, 1]], width: 8 },
      ],
    };
    expect(colourHintCount(session)).toBe(2);
    expect(colourHintCount(null)).toBe(0);
  });
});
