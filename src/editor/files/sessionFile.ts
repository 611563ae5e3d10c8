import { parseSession, SessionError } from '../../core/session';
import type { Session } from '../../core/session/types';
import { scaleSession } from '../photo/scaleSession';

export const SESSION_SUFFIX = '.tintype.json';

export type SessionFileResult =
  | { ok: true; session: Session }
  | { ok: false; message: string }
  /** Valid, but made for a photo of another size: the caller asks before scaling its hints. */
  | { ok: 'size-mismatch'; session: Session; question: string };

/**
 * Reads a session file for the open photo. Nothing is applied here, so a bad file can never
 * disturb the current work; the caller decides what to do with each outcome.
 */
export function readSessionText(
  text: string,
  fileName: string,
  photo: { width: number; height: number; name: string },
): SessionFileResult {
  let session: Session;
  try {
    session = parseSession(text);
  } catch (error) {
    const detail =
      error instanceof SessionError
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      ok: false,
      message: `“${fileName}” is not a valid Tintype session; your work is unchanged.\n${detail}`,
    };
  }
  const { width, height } = session.image;
  if (width === photo.width && height === photo.height) {
    return { ok: true, session: { ...session, image: { ...session.image, name: photo.name } } };
  }
  const sameAspect = Math.abs(width / height - photo.width / photo.height) < 0.01;
  return {
    ok: 'size-mismatch',
    session: {
      ...scaleSession(session, photo.width, photo.height),
      image: { width: photo.width, height: photo.height, name: photo.name },
    },
    question:
      `“${fileName}” was made for a ${width}×${height} photo (“${session.image.name}”), ` +
      `but the open photo is ${photo.width}×${photo.height}. ` +
      (sameAspect
        ? 'It looks like the same photo at another size: scale its hints to fit?'
        : 'The shapes differ, so scaled hints may land in the wrong places. Apply it anyway?'),
  };
}

export function sessionFileName(stem: string): string {
  return `${stem}${SESSION_SUFFIX}`;
}
