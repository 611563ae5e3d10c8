import type { KeyValueStorage } from '../browserStorage';
import type { PhotoLibrary } from './photoLibrary';
import {
  clearWriteAhead,
  readWriteAhead,
  replayDecision,
  writeAheadIds,
  writeAheadKey,
} from './writeAhead';

/**
 * On load: every write-ahead copy newer than its library entry goes into the entry (stamped
 * with the copy's time, so a later load finds it stale), then the copy is removed. A copy
 * whose write fails stays for the next try (switching to its photo also prefers it); copies
 * that are stale or belong to no photo are removed. Returns the first failure, if any.
 */
export async function replayWriteAheads(
  library: PhotoLibrary,
  storage: KeyValueStorage,
): Promise<unknown | null> {
  let failed: unknown | null = null;
  for (const id of writeAheadIds(storage)) {
    const record = readWriteAhead(storage, id);
    if (!record) {
      storage.removeItem(writeAheadKey(id));
      continue;
    }
    const decision = replayDecision(record, await library.entry(id));
    if (decision.kind === 'replay') {
      try {
        await library.saveSession(id, decision.session, record.stamp, record.sessionJson);
      } catch (error) {
        failed ??= error;
        continue;
      }
    }
    clearWriteAhead(storage, id, record.stamp);
  }
  return failed;
}
