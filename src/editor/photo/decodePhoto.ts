import type { GreyImage } from '../../core/image';
import { workerRequests } from '../workerRequests';
import type { DecodeReply, DecodeRequest } from './decodeProtocol';

/**
 * The editor's working resolution cap. Previews, hints overlay and the network's input come
 * from an image of at most this many pixels; export decodes the full-resolution file again.
 */
export const MAX_WORKING_PIXELS = 12_000_000;

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export interface DecodedPhoto {
  sourceWidth: number;
  sourceHeight: number;
  grey: GreyImage;
  /** The grey image as RGBA for display. */
  greyRgba: Uint8ClampedArray;
}

export class PhotoError extends Error {
  override readonly name = 'PhotoError';
}

const decodeInWorker = workerRequests<DecodeRequest, DecodeReply>(
  () => new Worker(new URL('./decodeWorker.ts', import.meta.url), { type: 'module' }),
);

/** Decodes a photo file in a worker into L* (downscaled to ≤ maxPixels). */
export async function decodePhoto(
  blob: Blob,
  fileName: string,
  maxPixels = MAX_WORKING_PIXELS,
): Promise<DecodedPhoto> {
  if (blob.type && !ACCEPTED_TYPES.includes(blob.type)) {
    throw new PhotoError(
      `Could not open “${fileName}”: ${blob.type} is not supported — use a JPEG, PNG or WebP photo.`,
    );
  }
  const reply = await decodeInWorker({ blob, maxPixels });
  if (!reply.ok) throw new PhotoError(`Could not open “${fileName}”: ${reply.message}.`);
  return {
    sourceWidth: reply.sourceWidth,
    sourceHeight: reply.sourceHeight,
    grey: { width: reply.width, height: reply.height, L: reply.L },
    greyRgba: reply.greyRgba,
  };
}

/** "Tetons 1942.final.jpg" → "Tetons 1942.final": the stem used for the export filename. */
export function photoStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'photo';
}
