import { DEFAULT_VIVIDNESS, SESSION_VERSION, type Session, type SessionV1 } from './types';

/**
 * A version-1 session as version 2: everything kept, vividness at its default (v1 files were
 * made before the setting existed, so the default is what their author saw).
 */
export function migrateV1(session: SessionV1): Session {
  return { ...session, version: SESSION_VERSION, vividness: DEFAULT_VIVIDNESS };
}
