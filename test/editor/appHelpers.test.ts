import { describe, expect, it } from 'vitest';
import { emptySession } from '../../src/core/session';
import type { PointHint, Session } from '../../src/core/session/types';
import { clearAllNotice, colourHintCount } from '../../src/editor/appHelpers';

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

describe('clearAllNotice', () => {
  const empty = emptySession({ width: 100, height: 100, name: 'p' });
  const point: PointHint = { kind: 'point', x: 1, y: 2, size: 3, ab: [0, 0] };

  it('names exactly what Clear all removes', () => {
    const all: Session = {
      ...empty,
      hints: [point, point],
      global: { palette: [{ ab: [1, 2], weight: 1 }], saturation: 0.3 },
    };
    expect(clearAllNotice(all)).toBe(
      'Cleared 2 hints, the palette and the saturation. Ctrl+Z brings back what was cleared.',
    );
    expect(clearAllNotice({ ...empty, hints: [point] })).toBe(
      'Cleared 1 hint. Ctrl+Z brings back what was cleared.',
    );
  });

  it('says nothing when there is nothing to clear', () => {
    expect(clearAllNotice(empty)).toBeNull();
    expect(clearAllNotice(null)).toBeNull();
  });
});
