import type { Session } from '../../core/session/types';
import { LibraryError } from '../library/photoLibrary';
import { errorText } from './notice';

/** What to do when storage fails: the user must know their latest change is not kept. */
const KEEP_IT = 'Delete photos you no longer need from the Library, or save a project file.';

/** One sentence for a failed library write: what is not kept, and (storage full) what to do. */
export function storageProblem(what: string, error: unknown): string {
  if (error instanceof LibraryError && error.kind === 'quota')
    return `Browser storage is full: ${what}. ${KEEP_IT}`;
  return `${what[0].toUpperCase()}${what.slice(1)}: ${errorText(error)}.`;
}

/** Whether leaving this session behind would lose something the user made. */
export function hasWork(session: Session): boolean {
  const { palette, saturation } = session.global;
  return session.hints.length > 0 || palette !== null || saturation !== null;
}
