import {
  DEFAULT_VIVIDNESS,
  SESSION_VERSION,
  type Session,
  type SessionV1,
  type SessionV2,
} from './types';

/**
 * A version-2 session as version 3: everything kept. v3 only added optional fields (spread,
 * origin, reference) whose absence means what v2 did, so the file renders exactly as before.
 */
export function migrateV2(session: SessionV2): Session {
  return { ...session, version: SESSION_VERSION };
}

/**
 * A version-1 session as the current version: everything kept, vividness at its default (v1
 * files were made before the setting existed, so the default is what their author saw).
 */
export function migrateV1(session: SessionV1): Session {
  return migrateV2({ ...session, version: 2, vividness: DEFAULT_VIVIDNESS });
}
