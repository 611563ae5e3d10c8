import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors';

/** True when something (a dangling link included: it would block the write) has this name. */
export async function outputExists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/**
 * Refuses an output that is one of the job's own inputs, whatever the spelling: same path, or
 * the same file through a link, a `..` or a case-insensitive filesystem (same device and inode).
 * Checked even with --overwrite: replacing the photo being colorized is never what was meant.
 */
export async function assertNotAnInput(
  out: string,
  inputs: { file: string; what: string }[],
): Promise<void> {
  const target = await stat(out).catch(() => null);
  for (const { file, what } of inputs) {
    const same =
      path.resolve(file) === path.resolve(out) ||
      (target !== null && (await sameInode(file, target.dev, target.ino)));
    if (same) {
      throw new InputError(`${out}: output is the ${what} ${file}; choose another output path`);
    }
  }
}

async function sameInode(file: string, dev: number, ino: number): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && info.dev === dev && info.ino === ino;
}
