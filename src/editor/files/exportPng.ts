import type { ColorizerClient } from '../../colorizer/worker/workerClient';
import type { Session } from '../../core/session/types';
import { decodePhoto } from '../photo/decodePhoto';
import type { Photo } from '../photo/photo';

export type ExportStage = 'decoding' | 'colorizing' | 'encoding';

/**
 * Renders the photo at its full stored resolution through the colorizer (never a screenshot of
 * the stage) and encodes a PNG. A photo the editor works on at reduced size is decoded again at
 * full size here, so hints (already in source pixels) apply as they are.
 */
export async function exportPng(
  client: ColorizerClient,
  photo: Photo,
  session: Session,
  onStage: (stage: ExportStage) => void,
): Promise<Blob> {
  let grey = photo.grey;
  if (grey.width !== photo.sourceWidth || grey.height !== photo.sourceHeight) {
    onStage('decoding');
    grey = (await decodePhoto(photo.blob, photo.fileName, Number.POSITIVE_INFINITY)).grey;
  }
  onStage('colorizing');
  const rgba = await client.render(grey, session);
  onStage('encoding');
  const canvas = new OffscreenCanvas(grey.width, grey.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser has no 2D canvas');
  context.putImageData(
    new ImageData(
      new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.length),
      grey.width,
      grey.height,
    ),
    0,
    0,
  );
  return canvas.convertToBlob({ type: 'image/png' });
}

export function exportFileName(stem: string): string {
  return `${stem}-colorized.png`;
}
