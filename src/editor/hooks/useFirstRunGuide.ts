import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../core/session/types';
import { localStorageOrNull } from '../browserStorage';
import { type GuideEvent, hintAdded, initialGuide, nextGuide } from '../store/firstRun';

/** The first-run guide (store/firstRun.ts) wired to the open session and localStorage. */
export function useFirstRunGuide(session: Session | null): {
  showing: boolean;
  dismiss: () => void;
  reopen: () => void;
} {
  const storage = useRef(localStorageOrNull()).current;
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
