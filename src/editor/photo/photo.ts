import type { GreyImage } from '../../core/image';
import { decodePhoto } from './decodePhoto';

/** The photograph being edited: its file (kept for export/autosave) and its working grey copy. */
export interface Photo {
  /** Identifies this photo in autosave (a new one each time a file is opened). */
  id: string;
  fileName: string;
  blob: Blob;
  sourceWidth: number;
  sourceHeight: number;
  /** Working copy, ≤ MAX_WORKING_PIXELS; hints are still in source pixels. */
  grey: GreyImage;
  greyCanvas: HTMLCanvasElement;
}

export async function openPhoto(blob: Blob, fileName: string, id?: string): Promise<Photo> {
  const decoded = await decodePhoto(blob, fileName);
  return {
    id: id ?? crypto.randomUUID(),
    fileName,
    blob,
    sourceWidth: decoded.sourceWidth,
    sourceHeight: decoded.sourceHeight,
    grey: decoded.grey,
    greyCanvas: rgbaToCanvas(decoded.greyRgba, decoded.grey.width, decoded.grey.height),
  };
}

export function rgbaToCanvas(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser has no 2D canvas');
  // ImageData wants an ArrayBuffer-backed array; buffers from workers already are one.
  const pixels =
    rgba.buffer instanceof ArrayBuffer
      ? new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length)
      : new Uint8ClampedArray(rgba);
  context.putImageData(new ImageData(pixels, width, height), 0, 0);
  return canvas;
}

/** Heat map of the network's uncertainty: transparent where sure, warm where unsure. */
export function uncertaintyToCanvas(map: {
  width: number;
  height: number;
  data: Float32Array;
}): HTMLCanvasElement {
  const rgba = new Uint8ClampedArray(map.width * map.height * 4);
  for (let i = 0; i < map.data.length; i++) {
    const u = Math.min(1, Math.max(0, map.data[i]));
    rgba[4 * i] = 255;
    rgba[4 * i + 1] = Math.round(220 * (1 - u));
    rgba[4 * i + 2] = Math.round(60 * (1 - u));
    rgba[4 * i + 3] = Math.round(200 * u * u);
  }
  return rgbaToCanvas(rgba, map.width, map.height);
}
