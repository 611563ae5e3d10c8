import { imageType } from '../../core/project/manifest';
import {
  type ProjectImage,
  projectFileName,
  readProject,
  writeProject,
} from '../../core/project/projectFile';
import type { Session } from '../../core/session/types';
import type { Photo } from '../photo/photo';

/** Browser side of project files: the format itself is in src/core/project (the CLI reads it too). */
export async function readProjectFile(file: File) {
  const project = readProject(new Uint8Array(await file.arrayBuffer()), file.name);
  return { ...project, photoBlob: imageBlob(project.photo) };
}

export async function projectBlob(
  photo: Photo,
  session: Session,
): Promise<{ blob: Blob; name: string }> {
  const bytes = writeProject({
    photo: {
      name: photo.fileName,
      type: photo.blob.type || (imageType(photo.fileName) ?? ''),
      bytes: new Uint8Array(await photo.blob.arrayBuffer()),
    },
    session,
  });
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    name: projectFileName(photo.fileName),
  };
}

export function isProjectFile(file: File): boolean {
  return file.name.toLowerCase().endsWith('.tintype');
}

function imageBlob(image: ProjectImage): Blob {
  return new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.type });
}
