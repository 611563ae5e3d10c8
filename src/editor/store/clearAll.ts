import { clearHints, setGlobal } from '../../core/session';
import type { Session } from '../../core/session/types';

/** Clear all: every hint, the palette and the saturation go; vividness stays. */
export function clearAll(session: Session): Session {
  return clearHints(clearGlobal(session));
}

/** The session without palette and saturation (the same object when it has neither). */
function clearGlobal(session: Session): Session {
  const { palette, saturation } = session.global;
  return palette === null && saturation === null
    ? session
    : setGlobal(session, { palette: null, saturation: null });
}
