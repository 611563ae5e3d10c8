import { describe, expect, it } from 'vitest';
import { emptySession } from '../../src/core/session';
import type { Session } from '../../src/core/session/types';
import { describePress, moveCursor } from '../../src/editor/ui/canvasKeys';

describe('canvas keyboard cursor', () => {
  it('arrows move by 5 screen pixels (Shift: 25) whatever the zoom', () => {
    expect(moveCursor({ x: 50, y: 50 }, { key: 'ArrowRight' }, 0.5, 400, 300)).toEqual({
      x: 60,
      y: 50,
    });
    expect(moveCursor({ x: 50, y: 50 }, { key: 'ArrowUp', shiftKey: true }, 1, 400, 300)).toEqual({
      x: 50,
      y: 25,
    });
  });

  it('stays on the photo and ignores other keys', () => {
    expect(moveCursor({ x: 2, y: 299 }, { key: 'ArrowLeft' }, 1, 400, 300)).toEqual({
      x: 0,
      y: 299,
    });
    expect(moveCursor({ x: 2, y: 299 }, { key: 'ArrowDown' }, 1, 400, 300)).toEqual({
      x: 2,
      y: 300,
    });
    expect(moveCursor({ x: 2, y: 2 }, { key: 'Enter' }, 1, 400, 300)).toBeNull();
  });

  it('announces what Enter did', () => {
    const empty = emptySession({ width: 400, height: 300, name: 'p' });
    const one: Session = {
      ...empty,
      hints: [{ kind: 'point', x: 10, y: 20, size: 4, ab: [0, 0] }],
    };
    const at = { x: 10.4, y: 19.6 };
    expect(describePress('point', empty, one, 0, at)).toBe('Point added at 10, 20.');
    expect(describePress('point', one, one, 0, at)).toBe('Point selected at 10, 20.');
    expect(describePress('eraser', one, one, null, at)).toBe('Nothing to erase at 10, 20.');
  });
});
