import type { Colorizer } from '../colorizer';
import type { BatchArgs } from './args';
import { shown } from './batchPlan';
import { type ColorizeJob, prepareJob, renderJob } from './commands/colorize';
import { errorMessage, InputError } from './errors';
import { stopCleanlyOnSignals } from './interrupt';
import type { ManifestLine } from './manifest';
import { assertNotAnInput, outputExists } from './outputGuard';
import { isCompletePng } from './pngCheck';
import { done, type ProgressLine, type Tally } from './progress';
import type { Report, ReportEntry } from './report';
import { OutputExistsError } from './safeWrite';

/** Where progress and failures go: stderr in the CLI, a buffer in tests. */
export type Log = (line: string) => void;

export interface BatchSinks {
  log: Log;
  /** The self-rewriting status line, on a terminal only; per-photo lines otherwise. */
  progress: ProgressLine | null;
  report: Report | null;
}

/**
 * Runs every entry with one loaded model. A line's failure is reported with manifest file and
 * line and skipped. Stopped by SIGINT/SIGTERM, it removes its temporaries and prints what it
 * got done (interrupt.ts). Returns the exit status: 0 all written or skipped, 1 some failed.
 */
export async function runManifest(
  colorizer: Colorizer,
  args: BatchArgs,
  lines: ManifestLine[],
  sinks: BatchSinks | Log,
): Promise<number> {
  const { log, progress, report } =
    typeof sinks === 'function' ? { log: sinks, progress: null, report: null } : sinks;
  const tally: Tally = { total: lines.length, written: 0, skipped: 0, failed: 0 };
  const failures: string[] = [];
  const where = (line: number) => `${shown(args.manifest)}:${line}`;
  let current: { entry: ManifestLine; started: number } | null = null;
  const record = (entry: ManifestLine, status: ReportEntry['status'], error: string | null) => {
    const seconds = current ? (performance.now() - current.started) / 1000 : 0;
    const { job } = entry;
    report?.add({
      line: entry.line,
      image: job?.image ?? null,
      out: job?.out ?? null,
      status,
      seconds,
      error,
    });
    return seconds;
  };
  const uninstall = stopCleanlyOnSignals((signal) => {
    if (current) record(current.entry, 'interrupted', `stopped by ${signal}`);
    progress?.clear();
    log(`batch: stopped by ${signal} after ${done(tally)} of ${tally.total}: ${counts(tally)}`);
  });
  try {
    for (const [i, entry] of lines.entries()) {
      const prefix = `[${i + 1}/${lines.length}] ${entry.job ? shown(entry.job.image) : where(entry.line)} …`;
      current = { entry, started: performance.now() };
      try {
        const status = await runEntry(colorizer, args, entry, () => progress?.started());
        tally[status]++;
        const seconds = record(entry, status, null).toFixed(2);
        if (!progress)
          log(`${prefix} ${status === 'written' ? 'ok' : 'skipped, complete'} ${seconds} s`);
      } catch (error) {
        tally.failed++;
        const failure = `${where(entry.line)}: ${errorMessage(error)}`;
        failures.push(failure);
        record(entry, 'failed', errorMessage(error));
        progress?.clear();
        log(`${prefix} FAILED ${failure}`);
      }
      current = null;
      progress?.update(tally);
    }
  } finally {
    uninstall();
  }
  progress?.clear();
  log(`batch: ${tally.written} of ${tally.total} written, ${counts(tally)}`);
  for (const failure of failures) log(`  failed ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

const counts = (t: Tally) =>
  `${t.failed} failed${t.skipped > 0 ? `, ${t.skipped} skipped (already complete)` : ''}`;

/** One entry: skipped when --resume finds its output complete, else colorized and written. */
async function runEntry(
  colorizer: Colorizer,
  args: BatchArgs,
  entry: ManifestLine,
  starting: () => void,
): Promise<'written' | 'skipped'> {
  if (!entry.job) throw new Error(entry.error);
  // A line's own vividness wins over --vividness.
  const job: ColorizeJob = { ...entry.job, vividness: entry.job.vividness ?? args.vividness };
  const inputs = [{ file: job.image, what: 'input photograph' }];
  if (job.session) inputs.push({ file: job.session, what: 'session file' });
  await assertNotAnInput(job.out, inputs);
  if (await outputExists(job.out)) {
    if (args.resume && (await isCompletePng(job.out))) return 'skipped';
    if (!args.overwrite) {
      if (args.resume) {
        throw new InputError(
          `${job.out}: output exists but is not a complete PNG (pass --overwrite to replace it)`,
        );
      }
      throw new OutputExistsError(job.out, EXISTS_HINT);
    }
  }
  starting();
  const prepared = await prepareJob(job, args.maxPixels);
  await renderJob(colorizer, prepared, args.method, {
    overwrite: args.overwrite,
    existsHint: EXISTS_HINT,
  });
  return 'written';
}

const EXISTS_HINT = 'pass --overwrite to replace it, or --resume to skip finished photos';
