import path from 'node:path';
import { type BatchArgs, parseBatchArgs, wantsHelp } from '../args';
import { checkOutputsDistinct, readManifest, shardOf, shown } from '../batchPlan';
import { type Log, runManifest } from '../batchRun';
import { openColorizer } from '../colorizer';
import { UsageError } from '../errors';
import { BATCH_HELP } from '../help';
import type { ManifestLine } from '../manifest';
import type { ProgressLine } from '../progress';
import { Report } from '../report';
import { removeStaleTemps } from '../safeWrite';

export { type Log, runManifest } from '../batchRun';

/**
 * `tintype batch <manifest.jsonl>`. The whole manifest is read and checked (outputs distinct,
 * report path not one of its files) before this shard's entries are chosen and the model is
 * loaded, so a bad manifest fails fast and alike in every shard.
 */
export async function runBatch(
  argv: string[],
  log: Log,
  progress: ProgressLine | null = null,
): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${BATCH_HELP}\n`);
    return 0;
  }
  const args = parseBatchArgs(argv);
  args.manifest = path.resolve(args.manifest);
  const all = await readManifest(args.manifest);
  checkOutputsDistinct(all, args.manifest);
  checkReportPath(args, all);
  const lines = shardOf(all, args.shard);
  const share = args.shard
    ? ` (shard ${args.shard.index}/${args.shard.count} of ${all.length})`
    : '';
  if (lines.length === 0) {
    log(`batch: no entries in this shard${share}`);
    return 0;
  }
  if (args.resume) {
    const outs = lines.flatMap(({ job }) => (job ? [job.out] : []));
    const stale = await removeStaleTemps(outs);
    if (stale > 0) log(`batch: removed ${stale} unfinished temporary file(s) of a killed run`);
  }
  const report = args.report ? Report.open(args.report) : null;
  try {
    const colorizer = await openColorizer(args);
    try {
      log(`batch: ${lines.length} photographs${share}, model on ${colorizer.backend}`);
      return await runManifest(colorizer, args, lines, { log, progress, report });
    } finally {
      colorizer.dispose();
    }
  } finally {
    report?.close();
  }
}

/** Appending results to the manifest or to a photo would damage what the user has. */
function checkReportPath(args: BatchArgs, lines: ManifestLine[]): void {
  const { report } = args;
  if (!report) return;
  const clash = (what: string) =>
    new UsageError(`batch: --report ${shown(report)} is ${what}; choose another file`);
  if (report === args.manifest) throw clash('the manifest itself');
  for (const { line, job } of lines) {
    if (job && [job.image, job.session, job.out].includes(report)) {
      throw clash(`a file of manifest line ${line}`);
    }
  }
}
