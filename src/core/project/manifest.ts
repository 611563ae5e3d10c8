import { crc32 } from './crc32';

/**
 * `project.json`, the table of contents of a project file: which entry is the photo, the name the
 * user knew it by, and a length and checksum per entry so a damaged copy is caught by name.
 */
export const PROJECT_FORMAT = 'tintype-project';
export const PROJECT_VERSION = 1;
export const MANIFEST_ENTRY = 'project.json';
export const SESSION_ENTRY = 'session.tintype.json';

/** What a project may hold as its photo (or reference): the formats the editor opens. */
export const IMAGE_EXTENSIONS: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

export interface EntryRecord {
  /** The entry's name inside the zip, e.g. `photo.jpg`. */
  file: string;
  bytes: number;
  crc32: number;
}

export interface ImageRecord extends EntryRecord {
  /** The file name the user opened, e.g. `Tetons 1942.jpg`. */
  name: string;
}

export interface Manifest {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  photo: ImageRecord;
  session: EntryRecord;
  reference?: ImageRecord;
}

export function entryRecord(file: string, data: Uint8Array): EntryRecord {
  return { file, bytes: data.length, crc32: crc32(data) };
}

/** The media type a project entry's name implies (`photo.JPG` → `image/jpeg`), if allowed. */
export function imageType(file: string): string | undefined {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return Object.hasOwn(IMAGE_EXTENSIONS, ext) ? IMAGE_EXTENSIONS[ext] : undefined;
}

/** `image/png` → `png`; undefined for a type a project cannot hold. */
export function extensionFor(type: string): string | undefined {
  if (type === 'image/jpeg') return 'jpg';
  return Object.keys(IMAGE_EXTENSIONS).find((ext) => IMAGE_EXTENSIONS[ext] === type);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks the parsed `project.json`; returns the problem in words, or the manifest. */
export function checkManifest(value: unknown): Manifest | string {
  if (!isObject(value)) return 'project.json is not a JSON object';
  if (value.format !== PROJECT_FORMAT)
    return `project.json: format is ${JSON.stringify(value.format)}, expected "${PROJECT_FORMAT}"`;
  if (value.version !== PROJECT_VERSION)
    return `project.json: version ${JSON.stringify(value.version)} is not readable here (this version reads ${PROJECT_VERSION})`;
  const problem =
    checkEntry(value.photo, 'photo', true) ??
    checkEntry(value.session, 'session', false) ??
    (value.reference === undefined ? undefined : checkEntry(value.reference, 'reference', true));
  return problem ?? (value as unknown as Manifest);
}

function checkEntry(value: unknown, key: string, image: boolean): string | undefined {
  if (!isObject(value)) return `project.json: ${key} is missing`;
  const { file, bytes, crc32: crc, name } = value;
  if (typeof file !== 'string') return `project.json: ${key}.file is not a string`;
  if (image && imageType(file) === undefined)
    return `project.json: ${key}.file "${file}" is not a JPEG, PNG or WebP name`;
  if (!image && file !== SESSION_ENTRY)
    return `project.json: session.file must be "${SESSION_ENTRY}"`;
  if (!Number.isSafeInteger(bytes) || (bytes as number) < 0)
    return `project.json: ${key}.bytes is not a byte count`;
  if (!Number.isInteger(crc) || (crc as number) < 0 || (crc as number) > 0xffffffff)
    return `project.json: ${key}.crc32 is not a 32-bit checksum`;
  if (image && (typeof name !== 'string' || name.length === 0))
    return `project.json: ${key}.name is not a file name`;
  return undefined;
}
