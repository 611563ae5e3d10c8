/**
 * A reference's hints in a session. Order: the reference's points go first, so the user's own
 * hints (later in the list) win where they overlap. Loading a new reference replaces the old
 * reference's unedited points; edited points (no `from`) are the user's and stay.
 */
import type { Session, SessionReference } from '../session/types';
import type { ReferenceTransfer } from './types';

export function withReference(
  session: Session,
  transfer: ReferenceTransfer,
  reference: SessionReference,
): Session {
  const own = withoutReference(session);
  return {
    ...own,
    hints: [...transfer.hints, ...own.hints],
    // A palette the user already has is theirs; the matched one fills only an empty slot.
    global: { ...own.global, palette: own.global.palette ?? transfer.palette },
    reference,
  };
}

/** Drops the reference and the points it placed that the user has not edited. */
export function withoutReference(session: Session): Session {
  const { reference: _dropped, ...rest } = session;
  return {
    ...rest,
    hints: session.hints.filter((h) => !(h.kind === 'point' && h.from === 'reference')),
  };
}

/** Points the reference placed that are still unedited. */
export function referencePointCount(session: Session): number {
  return session.hints.filter((h) => h.kind === 'point' && h.from === 'reference').length;
}
