import { describe, expect, it } from 'vitest';
import { addHint, emptySession } from '../../src/core/session';
import {
  GUIDE_STORAGE_KEY,
  type GuideStorage,
  hintAdded,
  initialGuide,
  nextGuide,
} from '../../src/editor/store/firstRun';
import { memoryStorage } from './memoryStorage';

describe('first-run guide', () => {
  it('shows on a first visit and, once the first hint is added, never again', () => {
    const storage = memoryStorage();
    let state = initialGuide(storage);
    expect(state).toBe('showing');
    state = nextGuide(state, 'hint-added', storage);
    expect(state).toBe('done');
    expect(storage.items.get(GUIDE_STORAGE_KEY)).toBe('done');
    expect(initialGuide(storage)).toBe('done'); // the next visit
  });

  it('dismissing it is remembered too; Help shows it again until the next hint or dismissal', () => {
    const storage = memoryStorage();
    let state = nextGuide(initialGuide(storage), 'dismissed', storage);
    expect(initialGuide(storage)).toBe('done');
    state = nextGuide(state, 'reopened', storage);
    expect(state).toBe('showing');
    expect(initialGuide(storage)).toBe('done'); // reopening is for now, not for the next visit
    expect(nextGuide(state, 'hint-added', storage)).toBe('done');
  });

  it('still works (shows, then hides) when storage throws', () => {
    const blocked: GuideStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const state = initialGuide(blocked);
    expect(state).toBe('showing');
    expect(nextGuide(state, 'dismissed', blocked)).toBe('done');
    expect(initialGuide(null)).toBe('showing');
  });

  it('a hint added to the same photo counts; opening another photo or session does not', () => {
    const a = emptySession({ width: 100, height: 80, name: 'a' });
    const withPoint = addHint(a, { kind: 'point', x: 5, y: 5, size: 4, ab: [10, 10] });
    expect(hintAdded(a, withPoint)).toBe(true);
    expect(hintAdded(withPoint, a)).toBe(false); // undo
    expect(hintAdded(a, a)).toBe(false);
    const other = emptySession({ width: 100, height: 80, name: 'b' });
    const opened = addHint(other, { kind: 'point', x: 5, y: 5, size: 4, ab: [10, 10] });
    expect(hintAdded(a, opened)).toBe(false);
    expect(hintAdded(null, withPoint)).toBe(false);
  });
});
