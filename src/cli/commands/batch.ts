import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Colorizer } from '../../colorizer';
import { type BatchArgs, parseBatchArgs, wantsHelp } from '../args';
import { openColorizer } from '../colorizer';
import { errorMessage, UsageError } from '../errors';
import { BATCH_HELP } from '../help';
import { type ManifestLine, parseManifest } from '../manifest';
import { prepareJob, renderJob } from './colorize';

/** Where progress and failures go: stderr in the CLI, a buffer in tests. */
export type Log = (line: string) => void;

async function readManifestText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'manifest not found' : `cannot read manifest (${errorMessage(error)})`;
    throw new UsageError(`batch: ${file}: ${reason}`);
  }
}

/** Paths in progress lines are shown relative to the cwd: short, and clickable in terminals. */
const shown = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Runs every job with one loaded model. Each line's failure is reported with manifest file and
 * line and skipped. Returns the exit status: 0 all written, 1 some failed.
 */
export async function runManifest(
  colorizer: Colorizer,
  args: BatchArgs,
  lines: ManifestLine[],
  log: Log,
): Promise<number> {
  const failures: string[] = [];
  const where = (line: number) => `${shown(args.manifest)}:${line}`;
  for (const [i, entry] of lines.entries()) {
    const prefix = `[${i + 1}/${lines.length}] ${entry.job ? shown(entry.job.image) : where(entry.line)} …`;
    const started = performance.now();
    try {
      if (!entry.job) throw new Error(entry.error);
      // A line's own vividness wins over --vividness.
      const job = { ...entry.job, vividness: entry.job.vividness ?? args.vividness };
      await renderJob(colorizer, await prepareJob(job), args.method);
      log(`${prefix} ok ${((performance.now() - started) / 1000).toFixed(2)} s`);
    } catch (error) {
      const failure = `${where(entry.line)}: ${errorMessage(error)}`;
      failures.push(failure);
      log(`${prefix} FAILED ${failure}`);
    }
  }
  const written = lines.length - failures.length;
  log(`batch: ${written} of ${lines.length} written, ${failures.length} failed`);
  for (const failure of failures) log(`  failed ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

/** `tintype batch <manifest.jsonl>` */
export async function runBatch(argv: string[], log: Log): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${BATCH_HELP}\n`);
    return 0;
  }
  const args = parseBatchArgs(argv);
  args.manifest = path.resolve(args.manifest);
  const lines = parseManifest(await readManifestText(args.manifest), args.manifest);
  if (lines.length === 0)
    throw new UsageError(`batch: ${shown(args.manifest)}: manifest has no entries`);
  const colorizer = await openColorizer(args);
  try {
    log(`batch: ${lines.length} photographs, model on ${colorizer.backend}`);
    return await runManifest(colorizer, args, lines, log);
  } finally {
    colorizer.dispose();
  }
}
