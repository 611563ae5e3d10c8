import type { Session } from '../../core/session/types';
import type { KeyValueStorage } from '../browserStorage';

/**
 * The first-run guide's state machine. It shows until the user adds their first hint or
 * dismisses it, and from then on never by itself again ('done' is remembered in localStorage);
 * Help can show it again ('reopened'), and the next hint or dismissal hides it again.
 */
export type GuideState = 'showing' | 'done';
export type GuideEvent = 'hint-added' | 'dismissed' | 'reopened';

export const GUIDE_STORAGE_KEY = 'tintype.firstRunGuide';

/** What the guide needs of localStorage. */
export type GuideStorage = Pick<KeyValueStorage, 'getItem' | 'setItem'>;

export function initialGuide(storage: GuideStorage | null): GuideState {
  try {
    return storage?.getItem(GUIDE_STORAGE_KEY) === 'done' ? 'done' : 'showing';
  } catch {
    return 'showing'; // storage blocked (some private modes): show it, it costs one click
  }
}

export function nextGuide(
  state: GuideState,
  event: GuideEvent,
  storage: GuideStorage | null,
): GuideState {
  if (event === 'reopened') return 'showing';
  if (state === 'showing') {
    try {
      storage?.setItem(GUIDE_STORAGE_KEY, 'done');
    } catch {
      // Not remembered across visits; it still goes away now.
    }
  }
  return 'done';
}

/**
 * True when `next` is `previous` with more hints on the same photo: the user added one.
 * Opening another photo or session (a new image) is not adding a hint.
 */
export function hintAdded(previous: Session | null, next: Session | null): boolean {
  return (
    previous !== null &&
    next !== null &&
    previous.image === next.image &&
    next.hints.length > previous.hints.length
  );
}
