import type { Colorizer } from '../../colorizer';
import type { Session } from '../../core/session';
import { type Method, parseColorizeArgs, wantsHelp } from '../args';
import { openColorizer } from '../colorizer';
import { COLORIZE_HELP } from '../help';
import { type Photo, readPhoto, writePng } from '../imageIO';
import { automaticSession, readSessionFor } from '../session';
import { withVividness } from '../vividness';

/** One photograph to colorize: absolute or cwd-relative paths. */
export interface ColorizeJob {
  image: string;
  session: string | undefined;
  out: string;
  /** Overrides the session's vividness for this render (--vividness, a manifest line's key). */
  vividness?: number | undefined;
}

/** Everything read from disk for one job; read before the model so bad input fails fast. */
export interface PreparedJob {
  job: ColorizeJob;
  photo: Photo;
  session: Session;
}

export async function prepareJob(job: ColorizeJob): Promise<PreparedJob> {
  const photo = await readPhoto(job.image);
  const session = job.session
    ? await readSessionFor(job.session, photo.grey)
    : automaticSession(job.image, photo.grey);
  return { job, photo, session: withVividness(session, job.vividness) };
}

/** Renders at full resolution and writes the PNG; returns the written size. */
export async function renderJob(
  colorizer: Colorizer,
  { job, photo, session }: PreparedJob,
  method: Method,
): Promise<{ width: number; height: number }> {
  const { width, height } = photo.grey;
  const rgba = await colorizer.render(photo.grey, session, { method });
  await writePng(job.out, rgba, width, height, photo.alpha);
  return { width, height };
}

/** `tintype colorize`: exit 0 when written; errors propagate to main (one line, exit 1/2). */
export async function runColorize(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${COLORIZE_HELP}\n`);
    return 0;
  }
  const args = parseColorizeArgs(argv);
  const started = performance.now();
  const prepared = await prepareJob(args);
  const colorizer = await openColorizer(args);
  try {
    const { width, height } = await renderJob(colorizer, prepared, args.method);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `wrote ${args.out} (${width}×${height}, ${colorizer.backend}, ${seconds} s)\n`,
    );
  } finally {
    colorizer.dispose();
  }
  return 0;
}
