import { removeLiveTemps } from './safeWrite';

const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof SIGNALS;

/**
 * On Ctrl-C or a scheduler's SIGTERM: remove the temporaries being written, let the command say
 * what it got done, and exit with 128 + the signal number (130, 143) as shells and schedulers
 * expect. Finished outputs are complete files already; nothing else needs undoing. Returns the
 * function that uninstalls the handlers (tests run commands in-process).
 */
export function stopCleanlyOnSignals(onStop: (signal: StopSignal) => void): () => void {
  const handle = (signal: StopSignal) => {
    removeLiveTemps();
    try {
      onStop(signal);
    } finally {
      process.exit(128 + SIGNALS[signal]);
    }
  };
  process.once('SIGINT', handle);
  process.once('SIGTERM', handle);
  return () => {
    process.off('SIGINT', handle);
    process.off('SIGTERM', handle);
  };
}
