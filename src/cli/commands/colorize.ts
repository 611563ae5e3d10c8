import type { Colorizer } from '../../colorizer';
import type { Session } from '../../core/session';
import type { OutputOptions } from '../archiveArgs';
import { type Method, parseColorizeArgs, wantsHelp } from '../args';
import { openColorizer } from '../colorizer';
import { COLORIZE_HELP } from '../help';
import { DEFAULT_MAX_PIXELS, decodePhoto, type Photo, readPhotoHeader, writePng } from '../imageIO';
import { stopCleanlyOnSignals } from '../interrupt';
import { assertNotAnInput, outputExists } from '../outputGuard';
import { isProjectPath, readProjectInput } from '../project';
import { applyReference, readReference } from '../reference';
import { OutputExistsError, type WriteOptions } from '../safeWrite';
import { automaticSession, readSessionFor } from '../session';
import { withVividness } from '../vividness';

/** One photograph to colorize: absolute or cwd-relative paths. */
export interface ColorizeJob {
  image: string;
  session: string | undefined;
  out: string;
  /** Overrides the session's vividness for this render (--vividness, a manifest line's key). */
  vividness?: number | undefined;
  /** A colour photo whose matched regions become hints (--reference, a manifest line's key). */
  reference?: string | undefined;
}

/** Everything read from disk for one job; read before the model so bad input fails fast. */
export interface PreparedJob {
  job: ColorizeJob;
  photo: Photo;
  session: Session;
  /** What the user should know about inputs that were read but did not change the result. */
  notes: string[];
}

/**
 * Refuses, before any work, an output that is one of the job's inputs (always) or that exists
 * (unless --overwrite). The write itself re-checks existence atomically (safeWrite.ts).
 */
export async function checkOutput(job: ColorizeJob, write: WriteOptions): Promise<void> {
  const inputs = [{ file: job.image, what: 'input photograph' }];
  if (job.session) inputs.push({ file: job.session, what: 'session file' });
  if (job.reference) inputs.push({ file: job.reference, what: 'reference photo' });
  await assertNotAnInput(job.out, inputs);
  if (!write.overwrite && (await outputExists(job.out))) {
    throw new OutputExistsError(job.out, write.existsHint);
  }
}

/**
 * Reads the photo's header, then the session (checked against the header's size) and the
 * reference, and only then decodes the photo: a wrong session or an oversized photo costs no
 * decoding. A reference's hints go before the session's own (src/core/exemplar/session.ts).
 */
export async function prepareJob(
  job: ColorizeJob,
  maxPixels = DEFAULT_MAX_PIXELS,
): Promise<PreparedJob> {
  const { header, session } = isProjectPath(job.image)
    ? await readProjectInput(job.image, job.session, maxPixels)
    : await readPhotoAndSession(job, maxPixels);
  const reference = job.reference ? await readReference(job.reference) : null;
  const photo = await decodePhoto(header);
  const applied = reference ? applyReference(session, photo.grey, reference) : null;
  const hinted = applied?.session ?? session;
  const notes = applied?.note ? [applied.note] : [];
  return { job, photo, session: withVividness(hinted, job.vividness), notes };
}

async function readPhotoAndSession(job: ColorizeJob, maxPixels: number) {
  const header = await readPhotoHeader(job.image, maxPixels);
  const session = job.session
    ? await readSessionFor(job.session, header)
    : automaticSession(job.image, header);
  return { header, session };
}

/**
 * Renders at full resolution and starts writing the PNG: `written` settles once it is on disk,
 * so a batch can colorize the next photo meanwhile.
 */
export async function renderJob(
  colorizer: Colorizer,
  { job, photo, session }: PreparedJob,
  method: Method,
  write: WriteOptions,
): Promise<{ width: number; height: number; written: Promise<void> }> {
  const { width, height } = photo.grey;
  const rgba = await colorizer.render(photo.grey, session, { method });
  const written = writePng(job.out, rgba, width, height, photo.alpha, write);
  written.catch(() => {}); // handled by whoever awaits it; never an unhandled rejection
  return { width, height, written };
}

/** `tintype colorize`: exit 0 when written; errors propagate to main (one line, exit 1/2). */
export async function runColorize(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${COLORIZE_HELP}\n`);
    return 0;
  }
  const args = parseColorizeArgs(argv);
  const started = performance.now();
  const write = writeOptions(args);
  await checkOutput(args, write);
  const prepared = await prepareJob(args, args.maxPixels);
  for (const note of prepared.notes) process.stderr.write(`tintype: ${note}\n`);
  const colorizer = await openColorizer(args);
  const uninstall = stopCleanlyOnSignals((signal) =>
    process.stderr.write(`tintype: stopped by ${signal}; ${args.out} not written\n`),
  );
  try {
    const { width, height, written } = await renderJob(colorizer, prepared, args.method, write);
    await written;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `wrote ${args.out} (${width}×${height}, ${colorizer.backend}, ${seconds} s)\n`,
    );
  } finally {
    uninstall();
    colorizer.dispose();
  }
  return 0;
}

function writeOptions({ overwrite }: OutputOptions): WriteOptions {
  return { overwrite, existsHint: 'pass --overwrite to replace it' };
}
