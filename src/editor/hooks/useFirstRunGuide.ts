import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../core/session/types';
import {
  type GuideEvent,
  type GuideStorage,
  hintAdded,
  initialGuide,
  nextGuide,
} from '../store/firstRun';

function browserStorage(): GuideStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The first-run guide (store/firstRun.ts) wired to the open session and localStorage. */
export function useFirstRunGuide(session: Session | null): {
  showing: boolean;
  dismiss: () => void;
  reopen: () => void;
} {
  const storage = useRef(browserStorage()).current;
  const [state, setState] = useState(() => initialGuide(storage));
  const send = (event: GuideEvent) => setState((s) => nextGuide(s, event, storage));
  const previous = useRef(session);
  // biome-ignore lint/correctness/useExhaustiveDependencies: send only calls setState.
  useEffect(() => {
    if (hintAdded(previous.current, session)) send('hint-added');
    previous.current = session;
  }, [session]);
  return {
    showing: state === 'showing',
    dismiss: () => send('dismissed'),
    reopen: () => send('reopened'),
  };
}
