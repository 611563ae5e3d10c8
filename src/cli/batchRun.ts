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

/** An entry being worked on, from its checks until its PNG is on disk. */
interface InFlight {
  entry: ManifestLine;
  prefix: string;
  started: number;
}

/**
 * Runs every entry with one loaded model. A line's failure is reported with manifest file and
 * line and skipped. One photo's PNG is encoded and flushed to disk while the next is colorized
 * (at most one write in flight), so safe writes cost no throughput. Stopped by SIGINT/SIGTERM,
 * it removes its temporaries and prints what it got done (interrupt.ts). Returns the exit
 * status: 0 all written or skipped, 1 some failed.
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
  const inFlight = new Set<InFlight>();
  const record = (
    work: InFlight,
    status: ReportEntry['status'],
    error: string | null,
    ended = performance.now(),
  ) => {
    inFlight.delete(work);
    const seconds = (ended - work.started) / 1000;
    const { line, job } = work.entry;
    const [image, out] = [job?.image ?? null, job?.out ?? null];
    report?.add({ line, image, out, status, seconds, error });
    return seconds.toFixed(2);
  };
  const succeeded = (work: InFlight, status: 'written' | 'skipped', ended?: number) => {
    tally[status]++;
    const seconds = record(work, status, null, ended);
    if (!progress)
      log(`${work.prefix} ${status === 'written' ? 'ok' : 'skipped, complete'} ${seconds} s`);
    progress?.update(tally);
  };
  const failed = (work: InFlight, error: unknown) => {
    tally.failed++;
    const failure = `${where(work.entry.line)}: ${errorMessage(error)}`;
    failures.push(failure);
    record(work, 'failed', errorMessage(error));
    progress?.clear();
    log(`${work.prefix} FAILED ${failure}`);
    progress?.update(tally);
  };
  const uninstall = stopCleanlyOnSignals((signal) => {
    for (const work of [...inFlight]) record(work, 'interrupted', `stopped by ${signal}`);
    progress?.clear();
    log(`batch: stopped by ${signal} after ${done(tally)} of ${tally.total}: ${counts(tally)}`);
  });
  let writing: Promise<void> = Promise.resolve();
  try {
    for (const [i, entry] of lines.entries()) {
      const image = entry.job ? shown(entry.job.image) : where(entry.line);
      const work = {
        entry,
        prefix: `[${i + 1}/${lines.length}] ${image} …`,
        started: performance.now(),
      };
      inFlight.add(work);
      let outcome: Awaited<ReturnType<typeof runEntry>> | null = null;
      try {
        outcome = await runEntry(
          colorizer,
          args,
          entry,
          () => progress?.started(),
          (note) => {
            progress?.clear();
            log(`${work.prefix} note: ${note}`);
          },
        );
      } catch (error) {
        await writing;
        failed(work, error);
        continue;
      }
      // Its time is the reading and colorizing; the write overlaps the next photo.
      const rendered = performance.now();
      await writing; // the previous photo's write, which ran while this one was colorized
      if (outcome === 'skipped') succeeded(work, 'skipped');
      else
        writing = outcome.written.then(
          () => succeeded(work, 'written', rendered),
          (e) => failed(work, e),
        );
    }
    await writing;
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

/**
 * One entry: skipped when --resume finds its output complete, else colorized; its PNG is then
 * being written (`written` settles when it is on disk, or rejects).
 */
async function runEntry(
  colorizer: Colorizer,
  args: BatchArgs,
  entry: ManifestLine,
  starting: () => void,
  note: (text: string) => void,
): Promise<'skipped' | { written: Promise<void> }> {
  if (!entry.job) throw new Error(entry.error);
  // A line's own vividness wins over --vividness.
  const job: ColorizeJob = { ...entry.job, vividness: entry.job.vividness ?? args.vividness };
  const inputs = [{ file: job.image, what: 'input photograph' }];
  if (job.session) inputs.push({ file: job.session, what: 'session file' });
  if (job.reference) inputs.push({ file: job.reference, what: 'reference photo' });
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
  for (const text of prepared.notes) note(text);
  const { written } = await renderJob(colorizer, prepared, args.method, {
    overwrite: args.overwrite,
    existsHint: EXISTS_HINT,
  });
  return { written };
}

const EXISTS_HINT = 'pass --overwrite to replace it, or --resume to skip finished photos';
