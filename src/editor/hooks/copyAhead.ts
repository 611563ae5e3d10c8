import type { KeyValueStorage } from '../browserStorage';
import { putWriteAhead, type WriteAhead } from '../library/writeAhead';
import { errorText } from './notice';

/**
 * Stores the write-ahead copy of a change; returns what to tell the user when the browser
 * refuses it (the change is still being saved, but a reload before that ends would lose it).
 */
export function copyAhead(
  storage: KeyValueStorage | null,
  record: WriteAhead,
  photoName: string,
): string | null {
  try {
    if (!storage) throw new Error('this browser does not allow local storage');
    putWriteAhead(storage, record);
    return null;
  } catch (error) {
    const full = (error as { name?: string } | null)?.name === 'QuotaExceededError';
    const why = full ? 'its local storage is full' : errorText(error);
    return `The browser refused the quick copy of your latest change to “${photoName}” (${why}): it is still being saved, but wait a moment before reloading or closing this tab.`;
  }
}
