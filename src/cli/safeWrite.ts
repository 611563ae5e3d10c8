import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, InputError } from './errors';

/**
 * Writing outputs so that nothing the user had is ever destroyed: the bytes go to a temporary
 * file in the output's folder, are flushed to disk, and only then appear under the final name
 * in one step. Without `overwrite` that step is `link()`, which fails if the name exists, so two
 * batches racing for one output never both claim it; with it, `rename()` replaces atomically.
 * Hand-rolled rather than write-file-atomic because that package always replaces (no exclusive
 * create) and knows nothing of our interruption handling.
 */

/** Suffix of temporaries: `.<name>.<random>.tintype-tmp` beside the output. */
export const TEMP_SUFFIX = '.tintype-tmp';
const TEMP_NAME = /^\.(.+)\.[0-9a-f]{8}\.tintype-tmp$/;

/** Temporaries being written now, removed by `removeLiveTemps` when the process is stopped. */
const liveTemps = new Set<string>();

export function removeLiveTemps(): void {
  for (const temp of liveTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place or never created: nothing to clean.
    }
  }
  liveTemps.clear();
}

export class OutputExistsError extends InputError {
  constructor(file: string, hint: string) {
    super(`${file}: output already exists (${hint})`);
  }
}

/** Filesystems without hard links answer link() with one of these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

export interface WriteOptions {
  overwrite: boolean;
  /** Said after "output already exists": how to get past it for this command. */
  existsHint: string;
}

export async function writeFileSafely(
  file: string,
  data: Uint8Array,
  { overwrite, existsHint }: WriteOptions,
): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    await mkdir(dir, { recursive: true });
    liveTemps.add(temp);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await publish(temp, file, overwrite, existsHint);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: cannot write (${errorMessage(error)})`);
  } finally {
    await rm(temp, { force: true });
    liveTemps.delete(temp);
  }
  await syncFolder(dir);
}

async function publish(temp: string, file: string, overwrite: boolean, hint: string) {
  if (overwrite) return rename(temp, file);
  try {
    await link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new OutputExistsError(file, hint);
    if (!NO_LINKS.has(code)) throw error;
    // No hard links here: claim the name exclusively, then move the finished bytes over it.
    try {
      await (await open(file, 'wx')).close();
    } catch (claim) {
      if ((claim as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new OutputExistsError(file, hint);
      }
      throw claim;
    }
    await rename(temp, file);
  }
}

/** The new name is durable only once its folder is flushed too; some filesystems refuse. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (e.g. some network filesystems): the data itself is already synced.
  }
}

/**
 * Removes temporaries a hard-killed run (SIGKILL, power loss) left beside these outputs. Only
 * for --resume, whose caller owns the outputs: another batch on them could lose its temporary.
 * Returns how many were removed.
 */
export async function removeStaleTemps(outputs: string[]): Promise<number> {
  const byFolder = new Map<string, Set<string>>();
  for (const out of outputs) {
    const dir = path.dirname(path.resolve(out));
    const names = byFolder.get(dir) ?? new Set<string>();
    byFolder.set(dir, names.add(path.basename(out)));
  }
  let removed = 0;
  for (const [dir, names] of byFolder) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries) {
      const owner = TEMP_NAME.exec(entry)?.[1];
      if (owner === undefined || !names.has(owner)) continue;
      await rm(path.join(dir, entry), { force: true });
      removed++;
    }
  }
  return removed;
}
