import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { emptySession, parseSession, type Session, SessionError } from '../core/session';
import { issuesOnOneLine } from '../core/session/issues';
import { SESSION_LIMITS } from '../core/session/limits';
import { errorMessage, InputError } from './errors';
import { assertReadableFile } from './imageIO';

/** A photograph's displayed size: all a session is checked against. */
interface Size {
  width: number;
  height: number;
}

const MIB = 2 ** 20;

/**
 * Reads and validates a session file against the photograph it is applied to (its header: the
 * pixels need not be decoded yet). The size is checked before reading, so a 600 MB file is
 * refused by name. The parser's issues are joined onto one line behind the file name.
 */
export async function readSessionFor(file: string, photo: Size): Promise<Session> {
  const bytes = await assertReadableFile(file, 'session');
  if (bytes > SESSION_LIMITS.bytes) {
    throw new InputError(
      `${file}: session file too large (${(bytes / MIB).toFixed(1)} MiB; the limit is ${SESSION_LIMITS.bytes / MIB} MiB)`,
    );
  }
  let session: Session;
  try {
    session = parseSession(await readFile(file, 'utf8'));
  } catch (error) {
    const detail = error instanceof SessionError ? issuesOnOneLine(error) : errorMessage(error);
    throw new InputError(`${file}: invalid session: ${detail}`);
  }
  const { width, height } = session.image;
  if (width !== photo.width || height !== photo.height) {
    // Hints are in source pixels: applying them to a photo of another size would misplace them.
    throw new InputError(
      `${file}: session is for a ${width}×${height} image ("${session.image.name}") but the photo is ${photo.width}×${photo.height}`,
    );
  }
  return session;
}

/** No hints, no global hints: the automatic colorization. */
export function automaticSession(imageFile: string, photo: Size): Session {
  return emptySession({ width: photo.width, height: photo.height, name: path.basename(imageFile) });
}
