import { toSessionIssues } from './issues';
import { imageSchema } from './schema';
import {
  DEFAULT_VIVIDNESS,
  type GlobalHints,
  type Hint,
  type PointHint,
  SESSION_FORMAT,
  SESSION_VERSION,
  type Session,
  SessionError,
  type SessionImage,
} from './types';

/**
 * Pure, immutable edits used by the editor and the undo history: each returns a new session and
 * shares every untouched part with the old one (history entries rely on that to stay small).
 */

/** A session with no hints for a photograph; throws SessionError for a bad size or name. */
export function emptySession(image: SessionImage): Session {
  const checked = imageSchema.safeParse(image);
  if (!checked.success) {
    const issues = toSessionIssues(checked.error.issues, image);
    const underImage = (path: string) => (path === '(root)' ? 'image' : `image.${path}`);
    throw new SessionError(issues.map((i) => ({ ...i, path: underImage(i.path) })));
  }
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    image: checked.data,
    hints: [],
    global: { saturation: null, palette: null },
    vividness: DEFAULT_VIVIDNESS,
  };
}

export function addHint(session: Session, hint: Hint): Session {
  return { ...session, hints: [...session.hints, hint] };
}

/**
 * Every replacement is an edit, and an edited point is the user's: it loses `from`, so
 * removing the reference photo that placed it keeps it.
 */
export function replaceHint(session: Session, index: number, hint: Hint): Session {
  checkIndex(session, index, 'replaceHint');
  const edited = hint.kind === 'point' && hint.from !== undefined ? withoutOrigin(hint) : hint;
  return { ...session, hints: session.hints.map((h, i) => (i === index ? edited : h)) };
}

function withoutOrigin({ from: _origin, ...point }: PointHint): PointHint {
  return point;
}

export function removeHint(session: Session, index: number): Session {
  checkIndex(session, index, 'removeHint');
  return { ...session, hints: session.hints.filter((_, i) => i !== index) };
}

export function clearHints(session: Session): Session {
  return session.hints.length === 0 ? session : { ...session, hints: [] };
}

/** Sets saturation and/or palette; fields left out of `patch` keep their value. */
export function setGlobal(session: Session, patch: Partial<GlobalHints>): Session {
  return { ...session, global: { ...session.global, ...patch } };
}

/** Throws a RangeError outside [0, 1] so a bad value fails here, not at the next save. */
export function setVividness(session: Session, vividness: number): Session {
  if (!(vividness >= 0 && vividness <= 1)) {
    throw new RangeError(`setVividness: vividness must be a number in [0, 1], got ${vividness}`);
  }
  return vividness === session.vividness ? session : { ...session, vividness };
}

function checkIndex(session: Session, index: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= session.hints.length) {
    throw new RangeError(
      `${what}: hint index ${index} is outside 0..${session.hints.length - 1} ` +
        `(the session has ${session.hints.length} hints)`,
    );
  }
}
