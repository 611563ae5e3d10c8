import { useEffect, useRef } from 'react';
import { localStorageOrNull } from '../browserStorage';
import { DEFAULT_DEMO } from '../demo/credits';
import { migrateLegacyAutosave } from '../library/legacyAutosave';
import type { PhotoLibrary } from '../library/photoLibrary';
import { replayWriteAheads } from '../library/replayWriteAhead';
import type { Notice } from './notice';
import { storageProblem } from './useLibrary';

/**
 * What the editor shows when the page loads: `?demo=<file>` if given; else the photo on screen
 * when the page was left (or the newest library photo); on a first visit the bundled demo. The
 * older one-photo autosave is moved into the library first, so it is what opens, and changes
 * made just before the page was left (write-ahead copies, library/writeAhead.ts) are replayed.
 */
export function useFirstOpen(
  library: PhotoLibrary,
  switchTo: (id: string) => Promise<void>,
  openDemo: (file: string) => Promise<void>,
  report: (notice: Notice) => void,
): void {
  const started = useRef(false); // once per page, also under StrictMode's double effects
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const failed = await migrateLegacyAutosave(library).then(
        () => null,
        (error: unknown) => error,
      );
      const storage = localStorageOrNull();
      const unreplayed = storage
        ? await replayWriteAheads(library, storage).catch((error: unknown) => error)
        : null;
      const demo = new URLSearchParams(window.location.search).get('demo');
      const ids = (await library.list().catch(() => null))?.entries.map((e) => e.id) ?? [];
      const last = await library.current().catch(() => null);
      const id = demo ? null : last && ids.includes(last) ? last : ids[0];
      await (id ? switchTo(id) : openDemo(demo ?? DEFAULT_DEMO));
      // After opening, whose success would clear an earlier notice.
      if (failed) {
        const what =
          'your autosaved photo could not be moved into the library (it is kept; reload to try again)';
        report({ kind: 'error', text: storageProblem(what, failed) });
      } else if (unreplayed) {
        const what =
          'your last change before the page was left could not be written into the library (it is kept, and shown when you open that photo)';
        report({ kind: 'error', text: storageProblem(what, unreplayed) });
      }
    })();
  }, [library, switchTo, openDemo, report]);
}
