import { readFile } from 'node:fs/promises';
import { PROJECT_SUFFIX, ProjectError, readProject } from '../core/project/projectFile';
import type { Session } from '../core/session';
import { errorMessage, InputError } from './errors';
import { assertReadableFile, type PhotoHeader, readPhotoHeader } from './imageIO';

/** A project holds at most a 512 MiB photo (core's limit) plus its small JSON. */
const MAX_PROJECT_BYTES = 600 * 2 ** 20;

export function isProjectPath(file: string): boolean {
  return file.toLowerCase().endsWith(PROJECT_SUFFIX);
}

/**
 * A `.tintype` project (saved by the editor) given as the image: its photo and its session,
 * checked like a photo and a session given separately. Errors are one line naming the file.
 */
export async function readProjectInput(
  file: string,
  session: string | undefined,
  maxPixels: number,
): Promise<{ header: PhotoHeader; session: Session }> {
  if (session !== undefined) {
    throw new InputError(
      `${file}: a project file carries its own session; drop --session ${session}`,
    );
  }
  const bytes = await assertReadableFile(file, 'project');
  if (bytes > MAX_PROJECT_BYTES) throw new InputError(`${file}: project file too large`);
  let project: ReturnType<typeof readProject>;
  try {
    project = readProject(await readFile(file), file);
  } catch (error) {
    throw new InputError(
      error instanceof ProjectError ? error.message : `${file}: ${errorMessage(error)}`,
    );
  }
  const photo = Buffer.from(
    project.photo.bytes.buffer,
    project.photo.bytes.byteOffset,
    project.photo.bytes.byteLength,
  );
  const header = await readPhotoHeader(`${file} (${project.photo.name})`, maxPixels, photo);
  const { width, height } = project.session.image;
  if (width !== header.width || height !== header.height) {
    throw new InputError(
      `${file}: its session is for a ${width}×${height} image but its photo is ${header.width}×${header.height}`,
    );
  }
  return { header, session: project.session };
}
