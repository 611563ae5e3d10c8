import { strFromU8, strToU8, type Unzipped, unzipSync, zipSync } from 'fflate';
import { parseSession, SessionError, serializeSession } from '../session';
import { issuesOnOneLine } from '../session/issues';
import { SESSION_LIMITS } from '../session/limits';
import type { Session } from '../session/types';
import { crc32 } from './crc32';
import {
  checkManifest,
  type EntryRecord,
  entryRecord,
  extensionFor,
  type ImageRecord,
  imageType,
  MANIFEST_ENTRY,
  type Manifest,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  SESSION_ENTRY,
} from './manifest';

/**
 * A project file (`.tintype`) carries one photo and its session, to move work between machines.
 * It is a zip: the photo stays a byte-identical `photo.<ext>` any unzip tool can pull out, with
 * no base64 (+33 %) and no re-encoding; the photo is stored (JPEG/PNG/WebP are compressed
 * already), the JSON deflated. `project.json` names the entries and carries their checksums.
 */
export const PROJECT_SUFFIX = '.tintype';
/** A photo or reference larger than this is refused before it is inflated (zip bombs). */
export const MAX_IMAGE_BYTES = 512 * 2 ** 20;

export interface ProjectImage {
  /** The file name the user knew it by. */
  name: string;
  /** `image/jpeg`, `image/png` or `image/webp`. */
  type: string;
  bytes: Uint8Array;
}

export interface Project {
  photo: ProjectImage;
  session: Session;
  /** The reference photo the palette or reference hints came from, when the editor kept it. */
  reference?: ProjectImage;
}

export class ProjectError extends Error {
  override readonly name = 'ProjectError';
}

export function writeProject(project: Project): Uint8Array {
  const sessionBytes = strToU8(serializeSession(project.session));
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  const image = (key: string, img: ProjectImage): ImageRecord => {
    const ext = extensionFor(img.type);
    if (!ext)
      throw new ProjectError(
        `${img.name}: a project holds JPEG, PNG or WebP, not ${img.type || 'this file'}`,
      );
    const file = `${key}.${ext}`;
    files[file] = [img.bytes, { level: 0 }];
    return { ...entryRecord(file, img.bytes), name: img.name };
  };
  const manifest: Manifest = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    photo: image('photo', project.photo),
    session: entryRecord(SESSION_ENTRY, sessionBytes),
    ...(project.reference ? { reference: image('reference', project.reference) } : {}),
  };
  files[MANIFEST_ENTRY] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6 }];
  files[SESSION_ENTRY] = [sessionBytes, { level: 6 }];
  return zipSync(files);
}

/** `Tetons 1942.jpg` → `Tetons 1942.tintype`. */
export function projectFileName(photoName: string): string {
  const dot = photoName.lastIndexOf('.');
  return `${dot > 0 ? photoName.slice(0, dot) : photoName || 'photo'}${PROJECT_SUFFIX}`;
}

/**
 * Reads and checks a project file. Every problem throws a ProjectError of one line that starts
 * with `fileName`: not a zip, truncated, an entry missing or damaged, an invalid session.
 */
export function readProject(data: Uint8Array, fileName: string): Project {
  const fail = (problem: string) => new ProjectError(`${fileName}: ${problem}`);
  if (!(data[0] === 0x50 && data[1] === 0x4b)) {
    const looksJson = data[0] === 0x7b || (data[0] === 0xef && data[3] === 0x7b);
    throw fail(
      looksJson
        ? 'not a Tintype project (it is JSON: open a session file with a photo instead)'
        : 'not a Tintype project (not a zip archive)',
    );
  }
  const entries = unzipEntries(data, fail);
  const manifestBytes = entries[MANIFEST_ENTRY];
  if (!manifestBytes) throw fail(`not a Tintype project (no ${MANIFEST_ENTRY} inside)`);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw fail(`${MANIFEST_ENTRY} is not valid JSON`);
  }
  const manifest = checkManifest(manifestJson);
  if (typeof manifest === 'string') throw fail(manifest);
  const entry = (record: EntryRecord): Uint8Array => {
    const bytes = entries[record.file];
    if (!bytes) throw fail(`${record.file} is missing from the project`);
    if (bytes.length !== record.bytes || crc32(bytes) !== record.crc32)
      throw fail(`${record.file} is damaged (its length or checksum does not match)`);
    return bytes;
  };
  const image = (record: ImageRecord): ProjectImage => ({
    name: record.name,
    type: imageType(record.file) as string,
    bytes: entry(record),
  });
  let session: Session;
  try {
    session = parseSession(strFromU8(entry(manifest.session)));
  } catch (error) {
    if (error instanceof ProjectError) throw error;
    const detail = error instanceof SessionError ? issuesOnOneLine(error) : String(error);
    throw fail(`${SESSION_ENTRY}: ${detail}`);
  }
  const photo = image(manifest.photo);
  return manifest.reference
    ? { photo, session, reference: image(manifest.reference) }
    : { photo, session };
}

/** Inflates only the entries a project uses, each size-checked first. */
function unzipEntries(data: Uint8Array, fail: (problem: string) => ProjectError): Unzipped {
  let tooLarge: string | null = null;
  let entries: Unzipped;
  try {
    entries = unzipSync(data, {
      filter: (file) => {
        const json = file.name === MANIFEST_ENTRY || file.name === SESSION_ENTRY;
        const wanted = json || imageType(file.name) !== undefined;
        const limit = json ? SESSION_LIMITS.bytes : MAX_IMAGE_BYTES;
        if (wanted && file.originalSize > limit) tooLarge ??= file.name;
        return wanted && tooLarge === null;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fail(`damaged or truncated project file (${reason})`);
  }
  if (tooLarge !== null) throw fail(`${tooLarge} is too large for a project entry`);
  return entries;
}
