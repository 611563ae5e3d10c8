import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import {
  NOT_THE_SAME_SCENE,
  ReferenceProblem,
  referenceSizeProblem,
  transferFromReference,
  withReference,
} from '../core/exemplar';
import type { GreyImage } from '../core/image';
import type { Session } from '../core/session';
import { errorMessage, InputError } from './errors';
import { assertReadableFile, FORMATS_IN_WORDS, IMAGE_FORMATS } from './imageIO';

/**
 * `--reference` / a manifest line's "reference": the colour photo whose matched regions become
 * point hints (src/core/exemplar). Every problem is one line naming the file; the session's own
 * hints are untouched by any failure because nothing is merged until the transfer succeeded.
 */
export interface DecodedReference {
  file: string;
  /** The photo's own size (what the session records). */
  width: number;
  height: number;
  /** Its pixels, decoded to a long side of at most DECODE_LONG_SIDE. */
  pixels: { width: number; height: number; rgba: Uint8ClampedArray };
}

/**
 * The matcher works at a long side of ~166, so the reference is decoded small (JPEG
 * shrink-on-load makes a 12-MP file cheap) as the editor's worker does; 512 leaves the
 * matcher's box filter real pixels to average.
 */
const DECODE_LONG_SIDE = 512;

/** Header first (format, size), so a 60-MP or tiny reference costs no decoding. */
export async function readReference(file: string): Promise<DecodedReference> {
  await assertReadableFile(file, 'reference photo');
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new InputError(`${file}: cannot read reference photo (${errorMessage(error)})`);
  }
  if (!(meta.format in IMAGE_FORMATS)) {
    throw new InputError(
      `${file}: cannot read reference photo (a ${meta.format.toUpperCase()} file; Tintype reads ${FORMATS_IN_WORDS})`,
    );
  }
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) throw new InputError(`${file}: cannot read reference photo (no size)`);
  const size = referenceSizeProblem(width, height);
  if (size) throw new InputError(`${file}: ${size}`);
  try {
    const { data, info } = await sharp(file, { failOn: 'error', limitInputPixels: width * height })
      .rotate()
      .resize(DECODE_LONG_SIDE, DECODE_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgba = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
    return { file, width, height, pixels: { width: info.width, height: info.height, rgba } };
  } catch (error) {
    throw new InputError(`${file}: cannot read reference photo (${errorMessage(error)})`);
  }
}

/**
 * The session with the reference's hints placed first (the session's own hints come after
 * them and so win where they overlap) and its palette only where the session has none; `note`
 * says so when the reference lent nothing, so that a render without its colours is not silent.
 */
export function applyReference(
  session: Session,
  target: GreyImage,
  reference: DecodedReference,
): { session: Session; note: string | null } {
  try {
    const transfer = transferFromReference(target, reference.pixels);
    const lent = transfer.hints.length > 0 || transfer.palette !== null;
    return {
      session: withReference(session, transfer, {
        name: path.basename(reference.file),
        width: reference.width,
        height: reference.height,
      }),
      note: lent ? null : `${reference.file}: ${NOT_THE_SAME_SCENE}; rendered without its colours`,
    };
  } catch (error) {
    if (error instanceof ReferenceProblem) {
      throw new InputError(`${reference.file}: ${error.message}`);
    }
    throw error;
  }
}
